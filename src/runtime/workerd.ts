// workerd adapter for the render core: satori (yoga + harfbuzz), resvg and the JPEG/WebP codecs from wasm modules
// imported at build time; deflate by workerd's own zlib (node:zlib under nodejs_compat).
import { deflateSync } from 'node:zlib';
import mozjpegWasm from '@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm';
import webpWasm from '@jsquash/webp/codec/enc/webp_enc_simd.wasm';
import { initWasm as initResvg, Resvg } from '@resvg/resvg-wasm';
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm';
// The same hb.wasm satori inlines as base64 (patches/satori.mjs checks they match); workerd only runs
// wasm it imported as a module, so harfbuzz gets this one through the patched-in initHarfBuzz().
import harfbuzzWasm from 'harfbuzzjs/hb.wasm';
import yogaWasm from 'satori/layout.wasm';
import satori, * as standalone from 'satori/standalone';
import { StorycardError } from '../errors.ts';
import { DEFLATE_LEVEL } from '../render/png.ts';
import type { RenderRuntime } from '../render/types.ts';
import type { FetchPolicy } from '../safe-fetch.ts';
import { createCodecs } from './codecs.ts';
import { fetchImageAsDataUri } from './fetch-image.ts';
import { cachedImages, WORKERD_IMAGE_CACHE } from './image-cache.ts';
import { SatoriUnpatched } from './satori-patch.ts';

export interface WorkerdRuntimeOptions {
  /** The static-assets binding serving fonts/ (wrangler.toml `[assets]`, binding ASSETS). */
  assets?: Fetcher;
  /** For tests: the fetch used by fetchImage. */
  fetch?: typeof fetch;
  /** Which image hosts fetchImage may reach (src/safe-fetch.ts); default: public addresses only. */
  fetchPolicy?: FetchPolicy;
}

// Module-level, so every request in an isolate shares one initialisation and one font cache.
// No retry on failure: a wasm module that fails to instantiate is a broken build, not a passing fault.
let satoriReady: Promise<void> | undefined;
let resvgReady: Promise<void> | undefined;
const fonts = new Map<string, Promise<ArrayBuffer>>();
const codecs = createCodecs({ jpeg: () => mozjpegWasm, webp: () => webpWasm });

/** A resvg render of `svg`, handed to `use` and freed after (wasm memory is not garbage-collected). */
async function withRender<T>(
  svg: string,
  use: (image: ReturnType<InstanceType<typeof Resvg>['render']>) => T,
): Promise<T> {
  resvgReady ??= initResvg(resvgWasm);
  await resvgReady;
  // Same options as the Node adapter, so both runtimes draw the same pixels. Satori already turned text into
  // paths; resvg needs no fonts.
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  try {
    const image = resvg.render();
    try {
      return use(image);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** A path inside fonts/ ("inter-400.woff", "cjk/jp/0-400.woff", "index.json"): no "..", no leading "/" or ".". */
const FONT_PATH = /^(?:\w[\w.-]*\/)*\w[\w.-]*$/;

export function createWorkerdRuntime(opts: WorkerdRuntimeOptions = {}): RenderRuntime {
  return {
    name: 'workerd',
    async satori(element, options) {
      satoriReady ??= (async () => {
        // A namespace read, not a named import: an unpatched satori then gets this message, not a bundler error.
        if (typeof standalone.initHarfBuzz !== 'function')
          throw new SatoriUnpatched('no initHarfBuzz in satori/standalone');
        standalone.initHarfBuzz(harfbuzzWasm);
        await standalone.init(yogaWasm);
      })();
      await satoriReady;
      return satori(element as Parameters<typeof satori>[0], options as Parameters<typeof satori>[1]);
    },
    svgToPng: (svg) => withRender(svg, (image) => image.asPng()),
    rasterize: (svg) =>
      withRender(svg, (image) => ({ width: image.width, height: image.height, pixels: image.pixels })),
    async deflate(data) {
      return deflateSync(data, { level: DEFLATE_LEVEL });
    },
    encodeJpeg: codecs.encodeJpeg,
    encodeWebp: codecs.encodeWebp,
    async loadFont(file) {
      if (!FONT_PATH.test(file)) {
        throw new StorycardError(
          'render_failed',
          `font file must be a relative path inside fonts/, received "${file}"`,
        );
      }
      const { assets } = opts;
      if (!assets) {
        throw new StorycardError(
          'render_failed',
          `cannot load font "${file}": no ASSETS binding ([assets] in wrangler.toml)`,
        );
      }
      let data = fonts.get(file);
      if (!data) {
        data = fetchFont(assets, file);
        data.catch(() => fonts.delete(file)); // a failed read may succeed next time
        fonts.set(file, data);
      }
      return data;
    },
    fetchImage: cachedImages(
      (url) =>
        fetchImageAsDataUri(url, { ...(opts.fetch ? { fetch: opts.fetch } : {}), policy: opts.fetchPolicy ?? {} }),
      WORKERD_IMAGE_CACHE,
    ),
  };
}

const byPolicy = new Map<string, RenderRuntime>();

/**
 * One runtime per fetch policy, kept for the isolate's life (the render core caches per runtime, so a runtime per
 * request would reload fonts). Policies differ only by the Worker's own host, so there are a handful.
 */
export function workerdRuntimeFor(assets: Fetcher, policy: FetchPolicy): RenderRuntime {
  const key = JSON.stringify([policy.allowHosts ?? [], policy.selfHosts ?? []]);
  let runtime = byPolicy.get(key);
  if (!runtime) {
    if (byPolicy.size >= 16) byPolicy.delete(byPolicy.keys().next().value!);
    runtime = createWorkerdRuntime({ assets, fetchPolicy: policy });
    byPolicy.set(key, runtime);
  }
  return runtime;
}

async function fetchFont(assets: Fetcher, file: string): Promise<ArrayBuffer> {
  const res = await assets.fetch(`https://assets.local/${file}`);
  if (!res.ok) {
    await res.body?.cancel();
    throw new StorycardError('render_failed', `font "${file}" is not in fonts/ (static assets answered ${res.status})`);
  }
  return res.arrayBuffer();
}
