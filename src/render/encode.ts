// SVG → the bytes a channel takes: lossless PNG by storycard's encoder, JPEG or WebP by wasm codecs, or `auto`.
import { encodePng, type Raster } from './png.ts';
import { type Format, type ImageFormat, type RenderRuntime, type SizeName, WEIGHT_BUDGET } from './types.ts';

/** Qualities tried, best first, until the card fits its weight budget. A photo card at og fits at the first. */
export const JPEG_QUALITIES = [85, 75, 65, 55, 45, 35, 25] as const;

export interface Encoded {
  bytes: Uint8Array;
  format: ImageFormat;
  /** JPEG/WebP quality used; absent for PNG. */
  quality?: number;
  /** ms spent rasterising (resvg) and encoding (PNG/JPEG/WebP) */
  rasterMs: number;
  encodeMs: number;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Lossless PNG of the pixels; resvg's own encoder for the rare card with transparency (see encodePng). */
export async function pngOf(raster: Raster, svg: string, runtime: RenderRuntime): Promise<Uint8Array> {
  return (await encodePng(raster, (d) => runtime.deflate(d))) ?? runtime.svgToPng(svg);
}

/** The highest quality in JPEG_QUALITIES whose bytes fit `budget` (the lowest, if none does). */
async function lossyWithin(
  encode: (raster: Raster, quality: number) => Promise<Uint8Array>,
  raster: Raster,
  budget: number,
): Promise<{ bytes: Uint8Array; quality: number }> {
  let last: { bytes: Uint8Array; quality: number } | undefined;
  for (const quality of JPEG_QUALITIES) {
    last = { bytes: await encode(raster, quality), quality };
    if (last.bytes.byteLength <= budget) return last;
  }
  return last!;
}

/**
 * Rasterise and encode. `png` is always lossless (pixel-identical to resvg's own render); `jpeg`/`webp` take the
 * best quality that fits the size's weight budget; `auto` is the PNG when it fits the budget, else that JPEG, and
 * straight the JPEG for a card that draws a photograph (`photo`): a photograph is lossy already, and its PNG is
 * several times the JPEG's bytes (the photo card at og: 746 kB against 111 kB), so encoding it first is thrown away.
 */
export async function encodeCard(
  svg: string,
  size: SizeName,
  format: Exclude<Format, 'svg'>,
  runtime: RenderRuntime,
  opts: { photo?: boolean } = {},
): Promise<Encoded> {
  const t0 = now();
  const raster = await runtime.rasterize(svg);
  const t1 = now();
  const budget = WEIGHT_BUDGET[size];
  const done = (bytes: Uint8Array, f: ImageFormat, quality?: number): Encoded => ({
    bytes,
    format: f,
    ...(quality ? { quality } : {}),
    rasterMs: t1 - t0,
    encodeMs: now() - t1,
  });
  if (format === 'png' || (format === 'auto' && !opts.photo)) {
    const png = await pngOf(raster, svg, runtime);
    if (format === 'png' || png.byteLength <= budget) return done(png, 'png');
  }
  const lossy = format === 'webp' ? 'webp' : 'jpeg';
  const encoder = lossy === 'webp' ? runtime.encodeWebp : runtime.encodeJpeg;
  const { bytes, quality } = await lossyWithin((r, q) => encoder.call(runtime, r, q), raster, budget);
  return done(bytes, lossy, quality);
}
