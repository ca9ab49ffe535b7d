// Node adapter for the render core: satori's default build, native @resvg/resvg-js, node:zlib, wasm codecs; fonts/.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { DEFLATE_LEVEL } from '../render/png.ts';
import type { RenderRuntime } from '../render/types.ts';
import type { FetchPolicy } from '../safe-fetch.ts';
import { createCodecs } from './codecs.ts';
import { fetchImageAsDataUri } from './fetch-image.ts';
import { cachedImages, NODE_IMAGE_CACHE } from './image-cache.ts';
import { type Lookup, nodeFetchGuard } from './node-fetch.ts';
import { PATCH_MARKER, patchProblem, SatoriUnpatched } from './satori-patch.ts';

const FONTS_DIR = new URL('../../fonts/', import.meta.url);
const require = createRequire(import.meta.url);

/** The same .wasm files workerd imports as modules, compiled here once per process. */
const wasmModule = (specifier: string) => async () =>
  new WebAssembly.Module(await readFile(require.resolve(specifier)));
const codecs = createCodecs({
  jpeg: wasmModule('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'),
  webp: wasmModule('@jsquash/webp/codec/enc/webp_enc_simd.wasm'),
});

// No system fonts: satori already turned text into paths, and system fonts would make output machine-dependent.
const resvgOf = (svg: string) => new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });

let patchChecked = false;
/** Once per process: the marker patches/satori.mjs leaves only when every file is patched and verified. */
function checkSatoriPatch(): void {
  if (patchChecked) return;
  const marker = new URL(PATCH_MARKER, `file://${require.resolve('satori/package.json')}`);
  // Its level too: node_modules patched before a pull that added an edit would draw with the old satori.
  const problem = patchProblem(existsSync(marker) ? readFileSync(marker, 'utf8') : null);
  if (problem) throw new SatoriUnpatched(problem);
  patchChecked = true;
}

export function createNodeRuntime(
  opts: { fontsDir?: URL; fetch?: typeof fetch; fetchPolicy?: FetchPolicy; lookup?: Lookup } = {},
): RenderRuntime {
  // With the real network, names are resolved, checked and pinned (node-fetch.ts); a test's own fetch is its own.
  const policy: FetchPolicy = { ...(opts.fetch ? {} : nodeFetchGuard(opts.lookup)), ...opts.fetchPolicy };
  const dir = opts.fontsDir ?? FONTS_DIR;
  const cache = new Map<string, Promise<ArrayBuffer>>();
  return {
    name: 'node',
    satori: (element, options) => {
      checkSatoriPatch();
      return satori(element as Parameters<typeof satori>[0], options as Parameters<typeof satori>[1]);
    },
    async svgToPng(svg) {
      return new Uint8Array(resvgOf(svg).render().asPng());
    },
    async rasterize(svg) {
      const image = resvgOf(svg).render();
      return { width: image.width, height: image.height, pixels: image.pixels };
    },
    async deflate(data) {
      return deflateSync(data, { level: DEFLATE_LEVEL });
    },
    encodeJpeg: codecs.encodeJpeg,
    encodeWebp: codecs.encodeWebp,
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
    fetchImage: cachedImages(
      (url) => fetchImageAsDataUri(url, { ...(opts.fetch ? { fetch: opts.fetch } : {}), policy }),
      NODE_IMAGE_CACHE,
    ),
  };
}
