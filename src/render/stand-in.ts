// Layout needs an image's box, not its pixels: a header-only stand-in of the same width and height goes through
// satori's layout passes and its draw, and the fetched image takes its place once, in the drawn SVG.
import { fromBase64, toBase64 } from '../base64.ts';
import { imageSize } from './image-size.ts';
import { chunk, concat, header, PNG_SIGNATURE } from './png.ts';

/** Enough base64 for any header imageSize reads (a JPEG's frame header may sit past 64 kB of EXIF). */
const HEAD_CHARS = 256 * 1024;
/** Marks the stand-in as ours, so it can never be mistaken for an image a story or theme brought. */
const MARK = new TextEncoder().encode('storycard\0stand-in for a fetched image');

/**
 * A data: URI naming a PNG with `uri`'s width and height and no pixels (about 120 characters against the
 * photo's megabytes), or null when `uri` is not a raster image whose size its header gives (an SVG, say): then
 * the image itself is laid out. Satori reads only the size from it (the box an `objectFit: cover` image is drawn
 * at depends on nothing else), so the drawn SVG is the same once the image is put back (putBack).
 */
export function standInFor(uri: string): string | null {
  const m = /^data:(image\/(?:png|jpeg|gif|webp));base64,/.exec(uri);
  if (!m) return null;
  const b64 = uri.slice(m[0].length, m[0].length + HEAD_CHARS);
  let size: [number, number] | null;
  try {
    size = imageSize(fromBase64(b64.slice(0, b64.length - (b64.length % 4))), m[1]!);
  } catch {
    return null;
  }
  if (!size || size[0] < 1 || size[1] < 1) return null;
  const png = concat([
    PNG_SIGNATURE,
    chunk('IHDR', header(size[0], size[1], 6)),
    chunk('tEXt', MARK),
    chunk('IEND', new Uint8Array()),
  ]);
  return `data:image/png;base64,${toBase64(png)}`;
}

/** `svg` with every use of the stand-in replaced by the image: satori writes an image's URI verbatim as its href. */
export const putBack = (svg: string, standIn: string, uri: string): string => svg.replaceAll(standIn, () => uri);

/** A copy of a satori element tree with `standIn` replaced by `uri` wherever a prop holds it (src, style URLs). */
export function putBackInTree(node: unknown, standIn: string, uri: string): unknown {
  if (typeof node === 'string') return node.includes(standIn) ? node.replaceAll(standIn, () => uri) : node;
  if (Array.isArray(node)) return node.map((n) => putBackInTree(n, standIn, uri));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, putBackInTree(v, standIn, uri)]));
  }
  return node;
}
