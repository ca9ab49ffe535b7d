// Bench-only Worker: renders cards in workerd with the storycard pipeline or a plain satori + resvg-wasm draw, and
// answers /healthz, so the bench can time it while a heavy card renders.
import { composeCard, encodeCard, renderCard } from '../../src/render/index.ts';
import type { Format } from '../../src/render/types.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';

interface BenchEnv {
  ASSETS: Fetcher;
}

const demo = parseStory(SAMPLES[0]!.story);
const EMOJI = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚🙂🤗🤩🤔🤨😐😑😶🙄😏😣😥'];
const emoji300 = parseStory({ headline: Array.from({ length: 300 }, (_, i) => EMOJI[i % EMOJI.length]).join('') });
const composed = new Map<string, ReturnType<typeof composeCard>>();

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
    const runtime = createWorkerdRuntime({ assets: env.ASSETS });
    if (url.pathname === '/healthz') return new Response('ok');
    if (url.pathname === '/storycard') {
      // The whole pipeline: fonts, fitting (several satori layouts), draw, rasterise, encode.
      const format = (url.searchParams.get('f') ?? 'png') as Format;
      const { image, timings } = await renderCard({ story, template, format }, runtime, templates);
      return new Response(new Uint8Array(image), {
        headers: { 'content-type': 'application/octet-stream', 'x-timings': JSON.stringify(timings) },
      });
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
    if (url.pathname === '/plain') {
      // What workers-og and @vercel/og do: one satori call on a finished element, then resvg-wasm's asPng.
      let card = composed.get(template);
      if (!card) {
        card = composeCard({ story, template }, runtime, templates);
        composed.set(template, card);
      }
      const { element, options } = await card;
      const png = await runtime.svgToPng(await runtime.satori(element, options));
      return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
    }
    return new Response('not found', { status: 404 });
  },
} satisfies ExportedHandler<BenchEnv>;
