// Render benchmark, one run, beside the peers: per template at `og`, the storycard pipeline on Node (native resvg,
// storycard's encoder), plain satori + @resvg/resvg-js native on the same element, Takumi native (@takumi-rs/core,
// a bench-only devDependency) on the same composed element; raster and encode split on the same SVGs; bytes per
// format; then inside workerd (wrangler dev): storycard vs plain satori + resvg-wasm vs Takumi's wasm build
// (@takumi-rs/wasm, bench-only), the split, and a 300-emoji headline with /healthz timed while it renders; then
// the profile of one card per template and runtime (scripts/bench/profile.ts). The photo comes from a local photo
// server that both runtimes are allowed to fetch (FETCH_ALLOW_HOSTS): the bench fails when any card lacks an image
// it asked for. Usage: tsx scripts/bench-render.ts [--runs 30] [--json] [--templates photo,quote]
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
import { type CardProfile, profileCard, type ResvgSplit } from './bench/profile.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '30' },
    json: { type: 'boolean' },
    templates: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const WARMUP = 3;
const demo = parseStory(SAMPLES[0]!.story);
// The photo template draws a 1600×1000 photograph-like image from a photo server on loopback, for both runtimes.
const photos = await startPhotoServer();
const photoHost = new URL(photos.url).host;
const withPhoto = parseStory({ ...SAMPLES[0]!.story, imageUrl: `${photos.url}/photo.png` });
const templateNames = values.templates ? values.templates.split(',') : templates.list().map((t) => t.name);
/** Rows whose card went out without an image it asked for: the bench fails on any. */
const incomplete: string[] = [];
const loadAt = async () => {
  const { loadavg } = await import('node:os');
  return loadavg().map((l) => l.toFixed(2));
};
const loadBefore = await loadAt();
const storyFor = (template: string) => (template === 'photo' ? withPhoto : demo);

interface Timing {
  median: number;
  p95: number;
  bytes: number;
  /** Each timed run's ms, in round order (side by side: round i of every contender ran back to back). */
  samples: number[];
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
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), bytes, samples: ms };
}
const median = (xs: number[]) => quantile(xs, 0.5);

/**
 * Contenders timed side by side: the same warm-up for each, then round by round one run of every contender, the
 * order rotated each round. Timing all of one contender's runs and then the next's let the machine's load drift
 * (it is shared) land in the ratio between them; here a round's runs are a few ms apart, so a ratio is taken per
 * round (ratioSpread) and drift cancels.
 */
async function timeRounds(contenders: Record<string, () => Promise<number>>, runs = RUNS): Promise<Row> {
  const names = Object.keys(contenders);
  const bytes: Record<string, number> = {};
  const ms: Record<string, number[]> = {};
  for (const name of names) {
    ms[name] = [];
    for (let i = 0; i < WARMUP; i++) bytes[name] = await contenders[name]!();
  }
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const t0 = performance.now();
      bytes[name] = await contenders[name]!();
      ms[name]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const xs = ms[name]!;
      return [name, { median: quantile(xs, 0.5), p95: quantile(xs, 0.95), bytes: bytes[name]!, samples: xs }];
    }),
  );
}

/** The per-round ratio a / b: its median and quartiles (how much the rounds disagree). */
function ratioSpread(a: Timing, b: Timing): { median: number; p25: number; p75: number } {
  const rs = a.samples.map((x, i) => x / (b.samples[i] ?? Number.NaN)).filter(Number.isFinite);
  return { median: quantile(rs, 0.5), p25: quantile(rs, 0.25), p75: quantile(rs, 0.75) };
}

// ---- Node ----
// The real fetch over loopback, the photo host allowed as FETCH_ALLOW_HOSTS allows it in the app.
/** scripts/bench/photo-server.ts in its own process; its URL, and close() (its stdin ends, it exits). */
async function startPhotoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/photo-server.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^(http:\S+)\n/m.exec(out);
      if (m?.[1]) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`photo server exited with ${code}: ${out}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.stdin.end();
      }),
  };
}
const makeNode = () => createNodeRuntime({ fetchPolicy: { allowHosts: [photoHost] } });
const node = makeNode();
const resvgOf = (svg: string) => new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
const resvgSplitNode: ResvgSplit = async (svg) => {
  const t0 = performance.now();
  const resvg = resvgOf(svg);
  const t1 = performance.now();
  resvg.render();
  return { parseMs: t1 - t0, renderMs: performance.now() - t1 };
};
const profiles: CardProfile[] = [];

type Row = Record<string, Timing>;
const rows: Record<string, Row> = {};
const split: Record<string, { raster: number; asPng: number; encode: number; pngBytes: number; resvgBytes: number }> =
  {};
const formats: Record<string, Record<string, { bytes: number; ms: number; wrote: string }>> = {};

for (const template of templateNames) {
  const story = storyFor(template);
  const req: RenderRequest = { story, template };
  const card = await composeCard(req, node, templates);
  if (card.missing.length) incomplete.push(`node ${template}: composed without ${card.missing.join(', ')}`);
  const fonts = card.options.fonts as { name: string; data: ArrayBuffer; weight: number; style: string }[];
  const takumi = new Renderer();
  for (const f of fonts) {
    await takumi.registerFont({ name: f.name, data: new Uint8Array(f.data), weight: f.weight, style: f.style });
  }
  const { node: takumiNode, css } = await fromJsx(card.element as never);
  const element = card.element; // the photo is already a data: URI inside it, the same for every pipeline

  // auto, as card URLs serve them: PNG for text cards, JPEG for a card that draws a photo (decided before encoding).
  const r: Row = await timeRounds({
    'node: storycard (fit + draw + raster + encode, auto)': async () => {
      const out = await renderCard({ ...req, format: 'auto' }, node, templates);
      if (!out.complete) incomplete.push(`node storycard ${template}: drawn without ${out.report.missing?.join(', ')}`);
      return out.image.byteLength;
    },
    'node: plain satori + resvg-js asPng': async () => {
      const svg = await satori(element as Parameters<typeof satori>[0], card.options as Parameters<typeof satori>[1]);
      return resvgOf(svg).render().asPng().byteLength;
    },
    'node: Takumi native': async () =>
      (await takumi.render(takumiNode, { width: 1200, height: 630, format: 'png', css })).byteLength,
  });
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
    const checked = async () => {
      const out = await renderCard({ ...req, format }, node, templates);
      if (!out.complete) incomplete.push(`node ${format} ${template}: drawn without ${out.report.missing?.join(', ')}`);
      return out;
    };
    const t = await time(async () => (await checked()).image.byteLength, 5);
    const wrote = (await checked()).format;
    formats[template]![format] = { bytes: t.bytes, ms: t.median, wrote };
  }
  formats[template]!['Takumi png'] = { bytes: r['node: Takumi native']!.bytes, ms: 0, wrote: 'png' };
  profiles.push(await profileCard({ req, templates, makeRuntime: makeNode, resvgSplit: resvgSplitNode, runs: RUNS }));
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
    '--var',
    `FETCH_ALLOW_HOSTS:${photoHost}`,
  ],
  { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
);
let log = '';
dev.stdout.on('data', (d) => (log += d));
dev.stderr.on('data', (d) => (log += d));
const workerd: Record<string, Row> = {};
const workerdSplit: Record<string, { asPng: number; raster: number; encode: number; bytes: number }> = {};
let emoji: { render: Timing; healthz: number[] } | undefined;
/** Takumi's wasm build in workerd: why it did not run, if it did not. */
let takumiWasmError: string | undefined;
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
    const missing = res.headers.get('x-missing');
    if (missing) incomplete.push(`workerd ${path}: drawn without ${missing}`);
    return (await res.arrayBuffer()).byteLength;
  };
  for (const template of templateNames) {
    const q = `template=${template}${template === 'photo' ? `&image=${encodeURIComponent(`${photos.url}/photo.png`)}` : ''}`;
    const contenders: Record<string, () => Promise<number>> = {
      'workerd: storycard (auto)': () => get(`/storycard?${q}`),
      'workerd: plain satori + resvg-wasm asPng': () => get(`/plain?${q}`),
    };
    if (!takumiWasmError) {
      try {
        await get(`/takumi?${q}`); // whether Takumi's wasm build runs here at all
        contenders['workerd: Takumi wasm'] = () => get(`/takumi?${q}`);
      } catch (error) {
        takumiWasmError = (error as Error).message;
      }
    }
    const r = await timeRounds(contenders);
    workerd[template] = r;
    const prof = await fetch(`${base}/profile?${q}&runs=${RUNS}`);
    if (!prof.ok) throw new Error(`/profile?${q}: ${prof.status} ${await prof.text()}`);
    profiles.push((await prof.json()) as CardProfile);
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
const load = { before: loadBefore, after: await loadAt() };
for (const p of profiles) {
  if (!p.complete) incomplete.push(`${p.runtime} profile ${p.template}: drawn without ${p.missing.join(', ')}`);
}
if (values.json) {
  console.log(
    JSON.stringify(
      { runs: RUNS, load, rows, split, formats, workerd, workerdSplit, emoji, profiles, takumiWasmError, incomplete },
      null,
      2,
    ),
  );
} else {
  console.log(`\nLoad average (1, 5, 15 min): ${load.before.join(', ')} before, ${load.after.join(', ')} after`);
  console.log(
    `\nCard render, demo story at og (1200×630; photo: a 1600×1000 photo), ${RUNS} rounds after ${WARMUP} warm-up each; each round runs every pipeline of a runtime once, back to back (order rotated), and the per-round ratio is that round's two runs\n`,
  );
  console.log(
    '| template | pipeline | median ms | p95 ms | bytes | vs Takumi native | vs plain (same runtime) | vs plain per round: median (p25–p75) | vs Takumi (same runtime) per round |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const template of templateNames) {
    const r = { ...rows[template]!, ...workerd[template]! };
    const takumi = r['node: Takumi native']!;
    for (const [name, v] of Object.entries(r)) {
      const plain = name.startsWith('node')
        ? r['node: plain satori + resvg-js asPng']!
        : r['workerd: plain satori + resvg-wasm asPng']!;
      const spread = ratioSpread(v, plain);
      // Takumi in the same runtime, timed in the same rounds: native on Node, its wasm build in workerd.
      const peer = name.startsWith('node') ? takumi : r['workerd: Takumi wasm'];
      const vsPeer = peer ? ratioSpread(v, peer) : undefined;
      const peerCell = vsPeer
        ? `${vsPeer.median.toFixed(2)}× (${vsPeer.p25.toFixed(2)}–${vsPeer.p75.toFixed(2)})`
        : '–';
      console.log(
        `| ${template} | ${name} | ${ms(v.median)} | ${ms(v.p95)} | ${v.bytes} | ${ratio(v.median, takumi.median)} | ${ratio(v.median, plain.median)} | ${spread.median.toFixed(2)}× (${spread.p25.toFixed(2)}–${spread.p75.toFixed(2)}) | ${peerCell} |`,
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
  if (takumiWasmError) console.log(`\nTakumi wasm in workerd did not run: ${takumiWasmError}`);
  printProfiles(profiles);
}
if (incomplete.length) {
  console.error(
    `\nFAILED: cards went out without an image they asked for:\n  ${[...new Set(incomplete)].join('\n  ')}`,
  );
  process.exitCode = 1;
}

/** The profile table: one warm card per template and runtime, where its time goes. */
function printProfiles(list: CardProfile[]) {
  console.log(
    `\nProfile of one card (og, auto: PNG, or JPEG for the photo; median of ${RUNS} warm renders; ms unless marked). satori calls: measuring pass / layout passes / draw\n`,
  );
  console.log(
    '| template | runtime | warm | first | satori calls m/l/d | measure | layout | draw | compose rest | SVG kB | resvg parse | resvg raster | encode (deflate) |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of list) {
    const s = p.satori;
    console.log(
      `| ${p.template} | ${p.runtime} | ${ms(p.warmMs)} | ${ms(p.firstMs)} | ${s.measure.calls}/${s.layout.calls}/${s.draw.calls} | ${ms(s.measure.ms)} | ${ms(s.layout.ms)} | ${ms(s.draw.ms)} | ${ms(p.composeRestMs)} | ${(p.svgBytes / 1000).toFixed(1)} | ${ms(p.resvg.parseMs)} | ${ms(p.resvg.renderMs)} | ${ms(p.encodeMs)} (${ms(p.deflateMs)}) |`,
    );
  }
  console.log(
    '\nFonts (first render: files read, bytes, ms reading; satori parsing them from fresh buffers) and the photo (fetch over loopback on the first render and warm, from the image cache; its data: URI and the one the card draws, scaled to its box; what it adds to a plain satori draw of the element, and to resvg parsing and rasterising the card against a 1×1 image in its place)\n',
  );
  console.log(
    '| template | runtime | font files | font kB | font read | font parse | reads when warm | photo fetch first / warm | photo URI kB | drawn photo URI kB | photo in plain satori draw | photo in resvg parse (decode) | photo in resvg raster |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of list) {
    const i = p.image;
    const photo = i
      ? `${ms(i.fetchMs)} / ${ms(i.warmFetchMs)} | ${(i.uriBytes / 1000).toFixed(0)} | ${(i.drawnUriBytes / 1000).toFixed(0)} | ${ms(i.satoriDrawMs)} | ${ms(i.resvgParseMs)} | ${ms(i.resvgRenderMs)}`
      : '– | – | – | – | – | –';
    console.log(
      `| ${p.template} | ${p.runtime} | ${p.fonts.files} | ${(p.fonts.bytes / 1000).toFixed(0)} | ${ms(p.fonts.loadMs)} | ${ms(p.fontParseMs)} | ${p.fonts.warmLoads} | ${photo} |`,
    );
  }
  console.log(
    '\nWord widths (src/render/width-store.ts): *warm* re-renders words the isolate has measured; *new words* empties the store before each render (a new story in a warm isolate); *first* is a fresh runtime (Node: new font buffers, so no stored width applies; workerd keeps its fonts per isolate, so its first render here is not a cold isolate)\n',
  );
  console.log('| template | runtime | warm | new words | measuring passes (new words) | first |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const p of list) {
    console.log(
      `| ${p.template} | ${p.runtime} | ${ms(p.warmMs)} | ${ms(p.newWords.ms)} | ${p.newWords.measureCalls} | ${ms(p.firstMs)} |`,
    );
  }
}
