// Goldens in Node: the runtime they are drawn with, where they live, and reading PNGs to pixels.
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import type { Pixels } from './golden-cases.ts';

export { differingPixels, type GoldenCase, goldenCases } from './golden-cases.ts';

/** A fake image host: the sample photo for images.example, 404 for anything else. */
const photoHost: typeof fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== 'images.example') return new Response('not found', { status: 404 });
  const bytes = await readFile(new URL('../fixtures/photo.png', import.meta.url));
  return new Response(bytes, { headers: { 'content-type': 'image/png' } });
};

/** The Node runtime the goldens are drawn with: real fonts, the fake image host. */
export const goldenRuntime = () => createNodeRuntime({ fetch: photoHost });

export const GOLDEN_DIR = new URL('../render/__golden__/', import.meta.url);

export function pixelsOf(png: Uint8Array): Pixels {
  const { width, height, data } = PNG.sync.read(Buffer.from(png));
  return { width, height, data };
}
