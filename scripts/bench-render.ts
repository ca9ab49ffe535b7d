// Render benchmark: per template at `og`, the storycard pipeline on the Node adapter (native resvg) and the
// workerd adapter (wasm, inside wrangler dev), side by side with a plain satori + resvg-wasm draw of the same
// design, in one run. Usage: tsx scripts/bench-render.ts [--runs 30] [--json]
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import satori from 'satori';
import { composeCard, listTemplates, renderCard } from '../src/render/index.ts';
import { createNodeRuntime } from '../src/runtime/node.ts';
import { parseStory } from '../src/story/schema.ts';
import { SAMPLES } from '../templates/samples.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: process.env.BENCH_RUNS ?? '30' }, json: { type: 'boolean' } },
});
const RUNS = Number(values.runs);
const WARMUP = 3;
const story = parseStory(SAMPLES[0]!.story);
const templates = listTemplates().map((t) => t.name);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
async function time(fn: () => Promise<number>): Promise<{ median: number; p95: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) bytes = await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bytes = await fn();
    ms.push(performance.now() - t0);
  }
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), bytes };
}

// ---- Node ----
const node = createNodeRuntime();
await initWasm(readFile(new URL('../node_modules/@resvg/resvg-wasm/index_bg.wasm', import.meta.url)));
const rows: Record<string, Record<string, { median: number; p95: number; bytes: number }>> = {};
for (const template of templates) {
  rows[template] = {};
  rows[template]['node: storycard'] = await time(
    async () => (await renderCard({ story, template }, node)).image.byteLength,
  );
  const card = await composeCard({ story, template }, node);
  rows[template]['node: plain satori+resvg-wasm'] = await time(async () => {
    const svg = await satori(
      card.element as Parameters<typeof satori>[0],
      card.options as Parameters<typeof satori>[1],
    );
    const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    resvg.free();
    return png.byteLength;
  });
}

// ---- workerd (wrangler dev, loopback HTTP: ~1 ms of each figure is the request itself) ----
const freePort = () =>
  new Promise<number>((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => ok(p));
    });
  });
const port = await freePort();
const inspectorPort = await freePort();
const dev = spawn(
  process.execPath,
  [
    'node_modules/wrangler/bin/wrangler.js',
    'dev',
    '-c',
    'scripts/bench/wrangler.toml',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
  ],
  { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
);
let log = '';
dev.stdout.on('data', (d) => (log += d));
dev.stderr.on('data', (d) => (log += d));
try {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/storycard?template=quote`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.arrayBuffer()).byteLength;
  };
  for (const template of templates) {
    rows[template]!['workerd: storycard'] = await time(() => get(`/storycard?template=${template}`));
    rows[template]!['workerd: plain satori+resvg-wasm'] = await time(() => get(`/plain?template=${template}`));
  }
} finally {
  try {
    process.kill(-dev.pid!, 'SIGTERM');
  } catch {}
}

if (values.json) {
  console.log(JSON.stringify({ runs: RUNS, rows }, null, 2));
} else {
  console.log(`\nCard render, demo story at og (1200×630), ${RUNS} runs after ${WARMUP} warm-up, ms per card\n`);
  console.log('| template | pipeline | median ms | p95 ms | PNG bytes | median vs plain (same runtime) |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const [template, r] of Object.entries(rows)) {
    for (const [name, v] of Object.entries(r)) {
      const runtime = name.split(':')[0];
      const plain = r[`${runtime}: plain satori+resvg-wasm`]!;
      const ratio = name.includes('plain') ? '1.00×' : `${(v.median / plain.median).toFixed(2)}×`;
      console.log(`| ${template} | ${name} | ${v.median.toFixed(1)} | ${v.p95.toFixed(1)} | ${v.bytes} | ${ratio} |`);
    }
  }
}
