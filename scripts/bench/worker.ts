// Bench-only Worker: renders cards in workerd with the storycard pipeline, a plain satori + resvg-wasm draw, or
// Takumi's wasm build on the same element; profiles a card (scripts/bench/profile.ts); answers /healthz, so the
// bench can time it while a heavy card renders. Photos come from the bench's local photo server, allowed by
// FETCH_ALLOW_HOSTS (wrangler dev --var): every response says whether the card drew the images it asked for.
import { initWasm as initResvg, Resvg } from '@resvg/resvg-wasm';
import { fromJsx } from '@takumi-rs/helpers/jsx';
import { initSync as initTakumi, Renderer as Takumi } from '@takumi-rs/wasm';
// workerd compiles no wasm from bytes: Takumi's wasm comes in as a module (the CompiledWasm rule), like ours.
// @ts-expect-error the package types this file as the instance's exports; wrangler hands over a WebAssembly.Module
import takumiWasm from '@takumi-rs/wasm/takumi_wasm_bg.wasm';
import { composeCard, encodeCard, renderCard } from '../../src/render/index.ts';
import type { Format, RenderRuntime } from '../../src/render/types.ts';
import { createWorkerdRuntime, workerdRuntimeFor } from '../../src/runtime/workerd.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';
import { profileCard, type ResvgSplit } from './profile.ts';
import { sfntOf } from './woff.ts';

interface BenchEnv {
  ASSETS: Fetcher;
  /** The bench's photo server, `127.0.0.1:<port>` (comma-separated hosts, as the app's setting). */
  FETCH_ALLOW_HOSTS?: string;
}

const demo = parseStory(SAMPLES[0]!.story);
const EMOJI = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚🙂🤗🤩🤔🤨😐😑😶🙄😏😣😥'];
const emoji300 = parseStory({ headline: Array.from({ length: 300 }, (_, i) => EMOJI[i % EMOJI.length]).join('') });
const composed = new Map<string, ReturnType<typeof composeCard>>();
const takumiCards = new Map<string, Promise<{ renderer: Takumi; node: unknown; css: unknown; missing: string[] }>>();

const allowHosts = (env: BenchEnv) =>
  (env.FETCH_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

/** resvg-wasm in two steps, on the module the runtime initialised (initWasm may run once per isolate). */
const resvgSplit =
  (runtime: RenderRuntime): ResvgSplit =>
  async (svg) => {
    await runtime.svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    const t0 = performance.now();
    const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
    const t1 = performance.now();
    const image = resvg.render();
    const t2 = performance.now();
    image.free();
    resvg.free();
    return { parseMs: t1 - t0, renderMs: t2 - t1 };
  };
void initResvg; // initialised by the runtime (src/runtime/workerd.ts), never here

let takumiReady = false;

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const template = url.searchParams.get('template') ?? 'quote';
    const image = url.searchParams.get('image'); // the photo template's photo, from the bench's local photo server
    const story =
      url.searchParams.get('story') === 'emoji300'
        ? emoji300
        : image
          ? parseStory({ ...SAMPLES[0]!.story, imageUrl: image })
          : demo;
    // A fresh runtime (the profile's first render, with nothing cached), and the isolate's own, as the Worker keeps it
    // (src/index.ts: workerdRuntimeFor, one per fetch policy, its fonts and fetched images cached).
    const makeRuntime = () =>
      createWorkerdRuntime({ assets: env.ASSETS, fetchPolicy: { allowHosts: allowHosts(env) } });
    const runtime = workerdRuntimeFor(env.ASSETS, { allowHosts: allowHosts(env) });
    if (url.pathname === '/healthz') return new Response('ok');
    if (url.pathname === '/storycard') {
      // The whole pipeline: fonts, fitting (several satori layouts), draw, rasterise, encode (auto, as cards are served).
      const format = (url.searchParams.get('f') ?? 'auto') as Format;
      const r = await renderCard({ story, template, format }, runtime, templates);
      return new Response(new Uint8Array(r.image), {
        headers: {
          'content-type': 'application/octet-stream',
          'x-timings': JSON.stringify(r.timings),
          'x-missing': (r.report.missing ?? []).join(','),
        },
      });
    }
    if (url.pathname === '/profile') {
      const runs = Number(url.searchParams.get('runs') ?? 5);
      const profile = await profileCard({
        req: { story, template },
        templates,
        makeRuntime,
        resvgSplit: resvgSplit(runtime),
        runs,
      });
      return Response.json(profile);
    }
    if (url.pathname === '/split') {
      // The same SVG two ways: resvg's own asPng, and resvg's pixels through storycard's encoder (ms each, in workerd).
      const card = await composeCard({ story, template }, runtime, templates);
      const svg = await runtime.satori(card.element, card.options);
      const t0 = performance.now();
      const theirs = await runtime.svgToPng(svg);
      const t1 = performance.now();
      const raster = await runtime.rasterize(svg);
      const t2 = performance.now();
      const ours = await encodeCard(svg, 'og', 'png', runtime);
      const t3 = performance.now();
      return Response.json({
        asPng: { ms: t1 - t0, bytes: theirs.byteLength },
        raster: t2 - t1,
        ours: { ms: t3 - t2, rasterMs: ours.rasterMs, encodeMs: ours.encodeMs, bytes: ours.bytes.byteLength },
        pixels: raster.pixels.byteLength,
      });
    }
    const key = `${template}|${image ?? ''}`;
    if (url.pathname === '/plain') {
      // What workers-og and @vercel/og do: one satori call on a finished element, then resvg-wasm's asPng.
      let card = composed.get(key);
      if (!card) {
        card = composeCard({ story, template }, runtime, templates);
        composed.set(key, card);
      }
      const { element, options, missing } = await card;
      const png = await runtime.svgToPng(await runtime.satori(element, options));
      return new Response(new Uint8Array(png), {
        headers: { 'content-type': 'image/png', 'x-missing': missing.join(',') },
      });
    }
    if (url.pathname === '/takumi') {
      // Takumi's wasm build on the same composed element (photo already inside it as a data: URI), fonts registered
      // once per template: the Workers peer of the Takumi native row.
      if (!takumiReady) {
        initTakumi({ module: takumiWasm });
        takumiReady = true;
      }
      let card = takumiCards.get(key);
      if (!card) {
        card = (async () => {
          const c = await composeCard({ story, template }, runtime, templates);
          const renderer = new Takumi();
          for (const f of c.options.fonts as { name: string; data: ArrayBuffer; weight: number; style: string }[]) {
            await renderer.registerFont({
              name: f.name,
              data: await sfntOf(new Uint8Array(f.data)),
              weight: f.weight,
              style: f.style as 'normal',
            });
          }
          const { node, css } = await fromJsx(c.element as never);
          return { renderer, node, css, missing: c.missing };
        })();
        takumiCards.set(key, card);
      }
      const { renderer, node, css, missing } = await card;
      const png = await renderer.render(node as never, {
        width: 1200,
        height: 630,
        format: 'png',
        css: css as never,
      });
      return new Response(png, { headers: { 'content-type': 'image/png', 'x-missing': missing.join(',') } });
    }
    return new Response('not found', { status: 404 });
  },
} satisfies ExportedHandler<BenchEnv>;
