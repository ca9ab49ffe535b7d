// Where one card's time goes, the same way in Node and in workerd: a RenderRuntime wrapper that times and classifies
// every call the render core makes (satori measuring / layout / draw passes, font reads, image fetches, raster,
// deflate), plus side experiments the core never runs (font parse on fresh buffers, resvg parse vs raster, the photo
// in resvg and in satori). Bench-only; imports nothing from node: so the bench Worker bundles it too.
import { composeCard, renderCard } from '../../src/render/index.ts';
import type { TemplateRegistry } from '../../src/render/registry.ts';
import type { RenderRequest, RenderRuntime } from '../../src/render/types.ts';
import { clearWidthStore } from '../../src/render/width-store.ts';

/** Why satori was called: the core's measuring pass (word widths), a layout pass (slot boxes), or the draw. */
export type SatoriKind = 'measure' | 'layout' | 'draw';

interface Record_ {
  satori: { kind: SatoriKind; ms: number }[];
  fonts: { file: string; bytes: number; start: number; end: number }[];
  images: { url: string; ms: number; uri: string | null }[];
  raster: number[];
  deflate: number[];
}
const fresh = (): Record_ => ({ satori: [], fonts: [], images: [], raster: [], deflate: [] });
const now = () => performance.now();

/**
 * The core's satori calls, told apart by what it asks for (src/render/compose.ts): its measuring pass lays out
 * divs keyed m0, m1, … with glyph paths off; a layout pass has glyph paths off too; the draw has them on.
 */
function kindOf(element: unknown, options: Record<string, unknown>): SatoriKind {
  if (options.embedFont !== false) return 'draw';
  const first = (element as { props?: { children?: { key?: unknown }[] } })?.props?.children;
  const key = Array.isArray(first) ? first[0]?.key : undefined;
  return typeof key === 'string' && /^m\d+$/.test(key) ? 'measure' : 'layout';
}

/** `inner` with every call the core makes timed; take() hands back the calls since the last take(). */
export function recording(inner: RenderRuntime): { runtime: RenderRuntime; take(): Record_ } {
  let rec = fresh();
  const runtime: RenderRuntime = {
    name: inner.name,
    async satori(element, options) {
      const t0 = now();
      const svg = await inner.satori(element, options);
      rec.satori.push({ kind: kindOf(element, options), ms: now() - t0 });
      return svg;
    },
    svgToPng: (svg) => inner.svgToPng(svg),
    async rasterize(svg) {
      const t0 = now();
      const r = await inner.rasterize(svg);
      rec.raster.push(now() - t0);
      return r;
    },
    async deflate(data) {
      const t0 = now();
      const out = await inner.deflate(data);
      rec.deflate.push(now() - t0);
      return out;
    },
    encodeJpeg: (r, q) => inner.encodeJpeg(r, q),
    encodeWebp: (r, q) => inner.encodeWebp(r, q),
    async loadFont(file) {
      const t0 = now();
      const data = await inner.loadFont(file);
      rec.fonts.push({ file, bytes: data.byteLength, start: t0, end: now() });
      return data;
    },
    async fetchImage(url) {
      const t0 = now();
      const uri = await inner.fetchImage(url);
      rec.images.push({ url, ms: now() - t0, uri });
      return uri;
    },
  };
  return {
    runtime,
    take() {
      const r = rec;
      rec = fresh();
      return r;
    },
  };
}

/** resvg timed in two steps: `new Resvg(svg)` (parse, images decoded) and `.render()` (raster). Per runtime. */
export type ResvgSplit = (svg: string) => Promise<{ parseMs: number; renderMs: number }>;

export interface CardProfile {
  template: string;
  runtime: 'node' | 'workerd';
  /** The first render of this template with a fresh runtime (fonts read, satori's parsed fonts cold), ms. */
  firstMs: number;
  /**
   * Median of warm renders with the isolate's word-width store emptied before each (src/render/width-store.ts): a new
   * story's words in a warm isolate, where `warm` re-renders words the store already holds. ms, and measuring passes.
   */
  newWords: { ms: number; measureCalls: number };
  /** Median of the warm renders, ms, and the stages the core reports for the median render. */
  warmMs: number;
  stages: { compose: number; draw: number; raster: number; encode: number };
  /** satori calls per card, by kind, and their ms (median render). */
  satori: Record<SatoriKind, { calls: number; ms: number }>;
  /** compose's own work besides satori: template tree, line breaking and fitting arithmetic, ink check. */
  composeRestMs: number;
  /**
   * Font files the first render read, their bytes, and the wall ms from the first read's start to the last one's end
   * (reads run concurrently, beside the photo fetch); the runtime's cache keeps them, so warm renders read none.
   */
  fonts: { files: number; bytes: number; loadMs: number; warmLoads: number };
  /** satori parsing those fonts from fresh buffers (its cache is per ArrayBuffer: a first render pays this). */
  fontParseMs: number;
  svgBytes: number;
  resvg: { parseMs: number; renderMs: number };
  /** PNG encode of the raster (deflate inside it), ms. */
  encodeMs: number;
  deflateMs: number;
  /** The photo template only: fetch, its data: URI size, and what drawing it costs in satori and in resvg. */
  image?: {
    /** The first render's fetch (warm renders take it from the runtime's image cache: 0 fetches). */
    fetchMs: number;
    /** The warm renders' fetchImage, median: the runtime's image cache answers. */
    warmFetchMs: number;
    uriBytes: number;
    /** The photo as the card's SVG carries it (scaled to its box, src/render/photo-scale.ts), characters. */
    drawnUriBytes: number;
    /** A plain satori draw of the card's element, with the photo − with a 1×1 image in its place (same box). */
    satoriDrawMs: number;
    /** resvg parse (decode) and raster with the card's SVG − with a 1×1 image in the photo's place. */
    resvgParseMs: number;
    resvgRenderMs: number;
  };
  /** The card as the core reported it: false when an image it asked for was not drawn. */
  complete: boolean;
  missing: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// 1×1 opaque PNG, for "the same card without the photo's pixels".
const ONE_PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A deep copy of a satori element with every string equal to `from` replaced by `to`. */
function replaceString(node: unknown, from: string, to: string): unknown {
  if (node === from) return to;
  if (Array.isArray(node)) return node.map((n) => replaceString(n, from, to));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replaceString(v, from, to)]));
  }
  return node;
}

/**
 * Profile `req` on `makeRuntime()` (a fresh runtime for the first render), `runs` warm renders after it.
 * `resvgSplit` is the runtime's own resvg; `inner` runs satori outside the recording for the side experiments.
 */
export async function profileCard(opts: {
  req: RenderRequest;
  templates: TemplateRegistry;
  makeRuntime: () => RenderRuntime;
  resvgSplit: ResvgSplit;
  runs: number;
}): Promise<CardProfile> {
  const { req, templates, runs } = opts;
  const inner = opts.makeRuntime();
  const rec = recording(inner);
  const t0 = now();
  const first = await renderCard({ ...req, format: 'auto' }, rec.runtime, templates);
  const firstMs = now() - t0;
  const cold = rec.take();

  const warm: { ms: number; result: typeof first; calls: Record_ }[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    const result = await renderCard({ ...req, format: 'auto' }, rec.runtime, templates);
    warm.push({ ms: now() - t, result, calls: rec.take() });
  }
  const newWords: { ms: number; measures: number }[] = [];
  for (let i = 0; i < runs; i++) {
    clearWidthStore();
    const t = now();
    await renderCard({ ...req, format: 'png' }, rec.runtime, templates);
    newWords.push({ ms: now() - t, measures: rec.take().satori.filter((c) => c.kind === 'measure').length });
  }
  newWords.sort((a, b) => a.ms - b.ms);
  warm.sort((a, b) => a.ms - b.ms);
  const mid = warm[Math.floor((warm.length - 1) / 2)]!;
  const midNew = newWords[Math.floor((newWords.length - 1) / 2)];
  const byKind = (kind: SatoriKind) => {
    const calls = mid.calls.satori.filter((c) => c.kind === kind);
    return { calls: calls.length, ms: sum(calls.map((c) => c.ms)) };
  };
  const satori = { measure: byKind('measure'), layout: byKind('layout'), draw: byKind('draw') };

  // Font parse: the same fonts on fresh buffers, laid out once on a one-word element (satori caches per buffer).
  const composedFonts = await fontsOf(req, inner, templates);
  const tiny = { type: 'div', props: { style: { display: 'flex' }, children: 'x' } };
  const warmTiny = await timeMs(() => inner.satori(tiny, { width: 100, height: 100, fonts: composedFonts }), 3);
  const parsed = await timeMs(
    () =>
      inner.satori(tiny, {
        width: 100,
        height: 100,
        fonts: composedFonts.map((f) => ({ ...f, data: f.data.slice(0) })),
      }),
    3,
  );

  const svg = mid.result.svg;
  const split = await medianSplit(opts.resvgSplit, svg, Math.min(runs, 5));
  let image: CardProfile['image'];
  const photo = cold.images.find((i) => i.uri)?.uri;
  if (photo) {
    // Whatever the card's SVG draws for the photo (the photo scaled to its box, or the photo itself).
    const drawn = /<image [^>]*?href="(data:image\/[^"]+)"/.exec(svg)?.[1] ?? '';
    const svgNoPhoto = drawn ? svg.split(drawn).join(ONE_PIXEL) : svg;
    const without = await medianSplit(opts.resvgSplit, svgNoPhoto, Math.min(runs, 5));
    const card = await composeCard(req, inner, templates);
    const draw = (element: unknown) => () => inner.satori(element, card.options);
    const withMs = await timeMs(draw(card.element), Math.min(runs, 5));
    const withoutMs = await timeMs(draw(replaceString(card.element, photo, ONE_PIXEL)), Math.min(runs, 5));
    image = {
      fetchMs: cold.images.find((i) => i.uri)?.ms ?? 0,
      warmFetchMs: median(warm.flatMap((w) => w.calls.images.map((i) => i.ms))),
      uriBytes: photo.length,
      drawnUriBytes: drawn.length,
      satoriDrawMs: withMs - withoutMs,
      resvgParseMs: split.parseMs - without.parseMs,
      resvgRenderMs: split.renderMs - without.renderMs,
    };
  }
  const satoriMs = satori.measure.ms + satori.layout.ms;
  return {
    template: req.template ?? 'default',
    runtime: inner.name,
    firstMs,
    newWords: { ms: midNew?.ms ?? 0, measureCalls: midNew?.measures ?? 0 },
    warmMs: mid.ms,
    stages: mid.result.timings,
    satori,
    composeRestMs: Math.max(0, mid.result.timings.compose - satoriMs - sum(mid.calls.images.map((i) => i.ms))),
    fonts: {
      files: new Set(cold.fonts.map((f) => f.file)).size,
      bytes: sum(cold.fonts.map((f) => f.bytes)),
      loadMs: cold.fonts.length
        ? Math.max(...cold.fonts.map((f) => f.end)) - Math.min(...cold.fonts.map((f) => f.start))
        : 0,
      warmLoads: mid.calls.fonts.length,
    },
    fontParseMs: Math.max(0, parsed - warmTiny),
    svgBytes: new TextEncoder().encode(svg).byteLength,
    resvg: split,
    encodeMs: mid.result.timings.encode,
    deflateMs: sum(mid.calls.deflate),
    ...(image ? { image } : {}),
    complete: first.complete && warm.every((w) => w.result.complete),
    missing: [
      ...new Set([first, ...warm.map((w) => w.result)].flatMap((r) => r.report.missing ?? [])),
      ...[cold, ...warm.map((w) => w.calls)]
        .flatMap((c) => c.images)
        .filter((i) => !i.uri)
        .map((i) => `(fetch gave nothing after ${i.ms.toFixed(0)} ms)`),
    ],
  };
}

async function fontsOf(req: RenderRequest, runtime: RenderRuntime, templates: TemplateRegistry) {
  const card = await composeCard(req, runtime, templates);
  return card.options.fonts as { name: string; data: ArrayBuffer; weight: number; style: string }[];
}

async function timeMs(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn();
    ms.push(now() - t0);
  }
  return median(ms);
}

async function medianSplit(split: ResvgSplit, svg: string, runs: number) {
  const parse: number[] = [];
  const render: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const s = await split(svg);
    parse.push(s.parseMs);
    render.push(s.renderMs);
  }
  return { parseMs: median(parse), renderMs: median(render) };
}
