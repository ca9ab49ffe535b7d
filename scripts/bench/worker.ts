// Bench-only Worker: renders cards in workerd with the storycard pipeline or a plain satori + resvg-wasm draw.
import { composeCard, renderCard } from '../../src/render/index.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';
import { parseStory } from '../../src/story/schema.ts';
import { SAMPLES } from '../../templates/samples.ts';

interface BenchEnv {
  ASSETS: Fetcher;
}

const story = parseStory(SAMPLES[0]!.story);
const composed = new Map<string, ReturnType<typeof composeCard>>();

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const template = url.searchParams.get('template') ?? 'quote';
    const runtime = createWorkerdRuntime({ assets: env.ASSETS });
    if (url.pathname === '/storycard') {
      // The whole pipeline: fonts, fitting (several satori layouts), draw, rasterise.
      const { image } = await renderCard({ story, template }, runtime);
      return new Response(new Uint8Array(image), { headers: { 'content-type': 'image/png' } });
    }
    if (url.pathname === '/plain') {
      // What workers-og and @vercel/og do: one satori call on a finished element, then resvg-wasm.
      let card = composed.get(template);
      if (!card) {
        card = composeCard({ story, template }, runtime);
        composed.set(template, card);
      }
      const { element, options } = await card;
      const png = await runtime.svgToPng(await runtime.satori(element, options));
      return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
    }
    return new Response('not found', { status: 404 });
  },
} satisfies ExportedHandler<BenchEnv>;
