// JPEG (MozJPEG) and WebP (libwebp) encoders from @jsquash, shared by both adapters: each hands in the same .wasm
// as a compiled module (workerd cannot compile wasm from bytes), so Node and workerd write the same bytes.

import mozjpegFactory from '@jsquash/jpeg/codec/enc/mozjpeg_enc.js';
import { defaultOptions as jpegDefaults } from '@jsquash/jpeg/meta.js';
import webpFactory from '@jsquash/webp/codec/enc/webp_enc_simd.js';
import { defaultOptions as webpDefaults } from '@jsquash/webp/meta.js';
import type { Raster } from '../render/png.ts';

export interface CodecModules {
  /** @jsquash/jpeg/codec/enc/mozjpeg_enc.wasm */
  jpeg: () => WebAssembly.Module | Promise<WebAssembly.Module>;
  /** @jsquash/webp/codec/enc/webp_enc_simd.wasm */
  webp: () => WebAssembly.Module | Promise<WebAssembly.Module>;
}

type Encoder = { encode(data: BufferSource, width: number, height: number, options: object): Uint8Array | null };
type Factory = (opts: object) => Promise<Encoder>;

/** One emscripten instance per codec, made on first use, instantiated from the module it is handed. */
function lazy(factory: Factory, module: () => WebAssembly.Module | Promise<WebAssembly.Module>) {
  let ready: Promise<Encoder> | undefined;
  return () => {
    ready ??= (async () => {
      const wasm = await module();
      return factory({
        noInitialRun: true,
        // emscripten's hook for bringing your own instance: no fetch, no compile from bytes.
        instantiateWasm(imports: WebAssembly.Imports, done: (i: WebAssembly.Instance) => void) {
          const instance = new WebAssembly.Instance(wasm, imports);
          done(instance);
          return instance.exports;
        },
      });
    })();
    return ready;
  };
}

export function createCodecs(modules: CodecModules) {
  const jpeg = lazy(mozjpegFactory as unknown as Factory, modules.jpeg);
  const webp = lazy(webpFactory as unknown as Factory, modules.webp);
  return {
    /**
     * Sequential (not progressive) JPEG with MozJPEG's other defaults (trellis, optimised Huffman) at `quality`.
     * Progressive scans cost 2.3–3× the encode time of a photo card (Node, measured side by side) for 8 % fewer bytes
     * (111 against 121 kB at og, both far inside the 300 kB budget); crawlers fetch the whole file either way.
     */
    async encodeJpeg(raster: Raster, quality: number): Promise<Uint8Array> {
      const out = (await jpeg()).encode(raster.pixels as Uint8Array<ArrayBuffer>, raster.width, raster.height, {
        ...jpegDefaults,
        progressive: false,
        quality,
      });
      if (!out) throw new Error('MozJPEG failed to encode the card');
      return new Uint8Array(out);
    },
    /** Lossy WebP at `quality` (libwebp's defaults otherwise). */
    async encodeWebp(raster: Raster, quality: number): Promise<Uint8Array> {
      const out = (await webp()).encode(raster.pixels as Uint8Array<ArrayBuffer>, raster.width, raster.height, {
        ...webpDefaults,
        quality,
      });
      if (!out) throw new Error('libwebp failed to encode the card');
      return new Uint8Array(out);
    },
  };
}
