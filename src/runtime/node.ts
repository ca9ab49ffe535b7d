// Node adapter for the render core: satori's default build and native @resvg/resvg-js; fonts from fonts/.
import { readFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { RenderRuntime } from '../render/types.ts';
import { fetchImageAsDataUri } from './fetch-image.ts';

const FONTS_DIR = new URL('../../fonts/', import.meta.url);

export function createNodeRuntime(opts: { fontsDir?: URL; fetch?: typeof fetch } = {}): RenderRuntime {
  const dir = opts.fontsDir ?? FONTS_DIR;
  const cache = new Map<string, Promise<ArrayBuffer>>();
  return {
    name: 'node',
    satori: (element, options) =>
      satori(element as Parameters<typeof satori>[0], options as Parameters<typeof satori>[1]),
    async svgToPng(svg) {
      // No system fonts: satori already turned text into paths, and system fonts would make output machine-dependent.
      const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
      return new Uint8Array(resvg.render().asPng());
    },
    loadFont(file) {
      let p = cache.get(file);
      if (!p) {
        p = readFile(new URL(file, dir)).then(
          (b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer,
        );
        p.catch(() => cache.delete(file));
        cache.set(file, p);
      }
      return p;
    },
    fetchImage: (url) => fetchImageAsDataUri(url, opts.fetch ? { fetch: opts.fetch } : {}),
  };
}
