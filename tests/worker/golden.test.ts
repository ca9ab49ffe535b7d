// The goldens, drawn inside workerd (resvg-wasm, satori's wasm yoga and harfbuzz): pixel for pixel what Node draws.
// A wasm build, a satori patch or a font-loading change that moves one pixel on Cloudflare fails here.
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { renderCard } from '../../src/render/index.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';
import { goldenCases } from '../helpers/golden-cases.ts';

const base = inject('goldenUrl');
const assets = (env as unknown as { ASSETS: Fetcher }).ASSETS;
/** The fake image host of the Node goldens: the sample photo for images.example, 404 for anything else. */
const photoHost: typeof fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== 'images.example') return new Response('not found', { status: 404 });
  return fetch(`${base}/photo.png`);
};
const runtime = createWorkerdRuntime({ assets, fetch: photoHost });

describe('golden cards inside workerd', () => {
  it.each(goldenCases().map((c) => [c.file, c] as const))('%s matches its golden', async (_file, c) => {
    const sample = SAMPLES.find((s) => s.id === c.sample)!;
    const { image: png } = await renderCard(
      { story: parseStory(sample.story), template: c.template, size: c.size, theme: c.theme },
      runtime,
      templates,
    );
    // Compared on the Node side by the same code as tests/render/golden.test.ts (see goldens.setup.ts).
    const res = await fetch(`${base}/compare/${c.file}`, { method: 'POST', body: new Uint8Array(png) });
    const diff = (await res.json()) as { count: number; first?: { x: number; y: number }; error?: string };
    expect(res.status, diff.error).toBe(200);
    expect(
      diff.count,
      `${c.file}: ${diff.count} pixels differ in workerd, the first at (${diff.first?.x}, ${diff.first?.y})`,
    ).toBe(0);
  });
});
