// Render benchmark, one run, beside the peers: per template at `og`, the storycard pipeline on Node (native resvg,
// storycard's encoder), plain satori + @resvg/resvg-js native on the same element, Takumi native (@takumi-rs/core,
// a bench-only devDependency) on the same composed element; raster and encode split on the same SVGs; bytes per
// format; then inside workerd (wrangler dev): storycard vs plain satori + resvg-wasm, the split, and a 300-emoji
// headline with /healthz timed while it renders. Usage: tsx scripts/bench-render.ts [--runs 30] [--json]
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { Renderer } from '@takumi-rs/core';
import { fromJsx } from '@takumi-rs/helpers/jsx';
import satori from 'satori';
import { composeCard, encodeCard, renderCard } from '../src/render/index.ts';
import type { Format, RenderRequest } from '../src/render/types.ts';
import { createNodeRuntime } from '../src/runtime/node.ts';
import { parseStory } from '../src/story/schema.ts';
import { registry as templates } from '../templates/index.ts';
import { SAMPLES } from '../templates/samples.ts';
import { startFakePhotos } from '../tests/fakes/fake-photos.ts';
import { makePhoto } from '../tests/helpers/photo.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: process.env.BENCH_RUNS ?? '30' }, json: { type: 'boolean' } },
});
const RUNS = Number(values.runs);
const WARMUP = 3;
const demo = parseStory(SAMPLES[0]!.story);
const photo = makePhoto();
// The photo template draws a 1600×1000 photograph-like image (served locally, no network).
const withPhoto = parseStory({ ...SAMPLES[0]!.story, imageUrl: 'https://photos.bench/photo.png' });
const templateNames = templates.list().map((t) => t.name);
const storyFor = (template: string) => (template === 'photo' ? withPhoto : demo);

interface Timing {
  median: number;
  p95: number;
  bytes: number;
}
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
async function time(fn: () => Promise<number>, runs = RUNS): Promise<Timing> {
  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) bytes = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = await fn();
    ms.push(performance.now() - t0);
  }
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), bytes };
}
const median = (xs: number[]) => quantile(xs, 0.5);

// ---- Node ----
const node = createNodeRuntime({
  fetch: async () => new Response(photo, { headers: { 'content-type': 'image/png' } }),
});
const resvgOf = (svg: string) => new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });

type Row = Record<string, Timing>;
const rows: Record<string, Row> = {};
const split: Record<string, { raster: number; asPng: number; encode: number; pngBytes: number; resvgBytes: number }> =
  {};
const formats: Record<string, Record<string, { bytes: number; ms: number; wrote: string }>> = {};

for (const template of templateNames) {
  const story = storyFor(template);
  const req: RenderRequest = { story, template };
  const card = await composeCard(req, node, templates);
  const fonts = card.options.fonts as { name: string; data: ArrayBuffer; weight: number; style: string }[];
  const takumi = new Renderer();
  for (const f of fonts) {
    await takumi.registerFont({ name: f.name, data: new Uint8Array(f.data), weight: f.weight, style: f.style });
  }
  const { node: takumiNode, css } = await fromJsx(card.element as never);
  const element = card.element; // the photo is already a data: URI inside it, the same for every pipeline

  const r: Row = {};
  r['node: storycard (fit + draw + raster + encode)'] = await time(
    async () => (await renderCard({ ...req, format: 'png' }, node, templates)).image.byteLength,
  );
  r['node: plain satori + resvg-js asPng'] = await time(async () => {
    const svg = await satori(element as Parameters<typeof satori>[0], card.options as Parameters<typeof satori>[1]);
    return resvgOf(svg).render().asPng().byteLength;
  });
  r['node: Takumi native'] = await time(
    async () => (await takumi.render(takumiNode, { width: 1200, height: 630, format: 'png', css })).byteLength,
  );
  rows[template] = r;

  // Raster and encode on the same SVG: resvg's own encoder against storycard's.
  const svg = await satori(element as Parameters<typeof satori>[0], card.options as Parameters<typeof satori>[1]);
  const raster: number[] = [];
  const asPng: number[] = [];
  const encode: number[] = [];
  let pngBytes = 0;
  let resvgBytes = 0;
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t0 = performance.now();
    const image = resvgOf(svg).render();
    const t1 = performance.now();
    resvgBytes = image.asPng().byteLength;
    const t2 = performance.now();
    const out = await encodeCard(svg, 'og', 'png', node); // rasterises again, and times its own parts
    pngBytes = out.bytes.byteLength;
    if (i >= WARMUP) {
      raster.push(t1 - t0);
      asPng.push(t2 - t1);
      encode.push(out.encodeMs);
    }
  }
  split[template] = { raster: median(raster), asPng: median(asPng), encode: median(encode), pngBytes, resvgBytes };

  formats[template] = {};
  for (const format of ['png', 'jpeg', 'webp', 'auto'] as Format[]) {
    const t = await time(async () => (await renderCard({ ...req, format }, node, templates)).image.byteLength, 5);
    const wrote = (await renderCard({ ...req, format }, node, templates)).format;
    formats[template]![format] = { bytes: t.bytes, ms: t.median, wrote };
  }
  formats[template]!['Takumi png'] = { bytes: r['node: Takumi native']!.bytes, ms: 0, wrote: 'png' };
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
const workerd: Record<string, Row> = {};
const workerdSplit: Record<string, { asPng: number; raster: number; encode: number; bytes: number }> = {};
let emoji: { render: Timing; healthz: number[] } | undefined;
const photos = await startFakePhotos(); // the same photo, over loopback HTTP, for the photo template in workerd
try {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.arrayBuffer()).byteLength;
  };
  for (const template of templateNames) {
    const r: Row = {};
    const q = `template=${template}${template === 'photo' ? `&image=${encodeURIComponent(`${photos.url}/photo.png`)}` : ''}`;
    r['workerd: storycard'] = await time(() => get(`/storycard?${q}`));
    r['workerd: plain satori + resvg-wasm asPng'] = await time(() => get(`/plain?${q}`));
    workerd[template] = r;
    const s: { asPng: number[]; raster: number[]; encode: number[]; bytes: number } = {
      asPng: [],
      raster: [],
      encode: [],
      bytes: 0,
    };
    for (let i = 0; i < 10; i++) {
      const j = (await (await fetch(`${base}/split?${q}`)).json()) as {
        asPng: { ms: number };
        ours: { rasterMs: number; encodeMs: number; bytes: number };
      };
      s.asPng.push(j.asPng.ms);
      s.raster.push(j.ours.rasterMs);
      s.encode.push(j.ours.encodeMs);
      s.bytes = j.ours.bytes;
    }
    workerdSplit[template] = {
      asPng: median(s.asPng),
      raster: median(s.raster),
      encode: median(s.encode),
      bytes: s.bytes,
    };
  }
  // A 300-emoji headline, with /healthz asked every 50 ms while it renders.
  const healthz: number[] = [];
  const render = await time(async () => {
    let rendering = true;
    const probe = (async () => {
      while (rendering) {
        const t0 = performance.now();
        await fetch(`${base}/healthz`).then((r) => r.text());
        healthz.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const bytes = await get('/storycard?story=emoji300&template=quote');
    rendering = false;
    await probe;
    return bytes;
  }, 10);
  emoji = { render, healthz };
} finally {
  await photos.close();
  try {
    process.kill(-dev.pid!, 'SIGTERM');
  } catch {}
}

const ms = (x: number) => x.toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
if (values.json) {
  console.log(JSON.stringify({ runs: RUNS, rows, split, formats, workerd, workerdSplit, emoji }, null, 2));
} else {
  console.log(
    `\nCard render, demo story at og (1200×630; photo: a 1600×1000 photo), ${RUNS} runs after ${WARMUP} warm-up\n`,
  );
  console.log('| template | pipeline | median ms | p95 ms | PNG bytes | vs Takumi native | vs plain (same runtime) |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const template of templateNames) {
    const r = { ...rows[template]!, ...workerd[template]! };
    const takumi = r['node: Takumi native']!;
    for (const [name, v] of Object.entries(r)) {
      const plain = name.startsWith('node')
        ? r['node: plain satori + resvg-js asPng']!
        : r['workerd: plain satori + resvg-wasm asPng']!;
      console.log(
        `| ${template} | ${name} | ${ms(v.median)} | ${ms(v.p95)} | ${v.bytes} | ${ratio(v.median, takumi.median)} | ${ratio(v.median, plain.median)} |`,
      );
    }
  }
  console.log(
    '\nRaster and encode on the same SVG (median ms): resvg render + asPng, against resvg render + storycard’s encoder\n',
  );
  console.log(
    '| template | runtime | raster | raster + asPng | storycard encode | (raster+encode) / (raster+asPng) | bytes asPng → ours |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const template of templateNames) {
    const s = split[template]!;
    console.log(
      `| ${template} | node | ${ms(s.raster)} | ${ms(s.raster + s.asPng)} | ${ms(s.encode)} | ${ratio(s.raster + s.encode, s.raster + s.asPng)} | ${s.resvgBytes} → ${s.pngBytes} |`,
    );
    const w = workerdSplit[template];
    // In workerd resvg-wasm's asPng is timed with its own render (one call); the raster is the storycard path's.
    if (w) {
      console.log(
        `| ${template} | workerd | ${ms(w.raster)} | ${ms(w.asPng)} | ${ms(w.encode)} | ${ratio(w.raster + w.encode, w.asPng)} | ${s.resvgBytes} → ${w.bytes} |`,
      );
    }
  }
  console.log('\nBytes per format (Node; auto = PNG within the og budget of 300,000 bytes, else JPEG)\n');
  console.log('| template | png (storycard) | resvg asPng | Takumi png | jpeg | webp | auto | PNG vs Takumi |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const template of templateNames) {
    const f = formats[template]!;
    console.log(
      `| ${template} | ${f.png!.bytes} | ${split[template]!.resvgBytes} | ${f['Takumi png']!.bytes} | ${f.jpeg!.bytes} | ${f.webp!.bytes} | ${f.auto!.bytes} (${f.auto!.wrote}) | ${ratio(f.png!.bytes, f['Takumi png']!.bytes)} |`,
    );
  }
  if (emoji) {
    console.log(
      `\nworkerd, a 300-emoji headline (quote, og, PNG): median ${ms(emoji.render.median)} ms, p95 ${ms(emoji.render.p95)} ms; /healthz while it renders: median ${ms(median(emoji.healthz))} ms, max ${ms(Math.max(...emoji.healthz))} ms (${emoji.healthz.length} probes)`,
    );
  }
}
