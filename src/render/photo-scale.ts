// A photo drawn at the pixels its box shows: resvg scales it once, with its own filter (so the pixels are the ones it
// would draw in the card), the visible part is kept as a lossless PNG and drawn 1:1 in every render after.

import { toBase64 } from '../base64.ts';
import { encodePng, type Raster } from './png.ts';
import type { RenderRuntime } from './types.ts';

/** Scaled photos kept per runtime: by the photo's data: URI itself and where the card draws it. */
const LIMITS = { entries: 8, chars: 16 * 1024 * 1024 };

interface Scaled {
  /** The card's <image> element, drawing the visible part of the photo 1:1; null: draw the photo as it is. */
  tag: string | null;
  chars: number;
}
const caches = new WeakMap<RenderRuntime, Map<string, Map<string, Scaled>>>();

const NUM = '(-?\\d+(?:\\.\\d+)?)';
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `svg` (drawn with the photo's stand-in) with the photo in it: scaled once to the pixels the card shows when satori
 * drew it as one untransformed `<image>` clipped to a whole-pixel box (the photo template's `objectFit: cover`), else
 * the photo itself for resvg to scale (a transparent photo, a rotated or fractional box: nothing is guessed).
 */
export async function drawPhoto(
  svg: string,
  standIn: string,
  photo: string,
  size: { width: number; height: number },
  runtime: RenderRuntime,
): Promise<string> {
  const tags = [...svg.matchAll(new RegExp(`<image ([^>]*?)href="${escaped(standIn)}"([^>]*?)/>`, 'g'))];
  const tag = tags.length === 1 ? tags[0]! : undefined;
  const as = tag ? new RegExp(`^x="${NUM}" y="${NUM}" width="${NUM}" height="${NUM}" $`).exec(tag[1]!) : null;
  const clipId = tag ? /^ preserveAspectRatio="none" clip-path="url\(#([\w-]+)\)"/.exec(tag[2]!)?.[1] : undefined;
  const clip = clipId
    ? new RegExp(
        `<clipPath id="${escaped(clipId)}"><rect x="${NUM}" y="${NUM}" width="${NUM}" height="${NUM}"/></clipPath>`,
      ).exec(svg)
    : null;
  if (!tag || !as || !clip) return svg.replaceAll(standIn, () => photo);
  const geometry = `${size.width}x${size.height} ${as.slice(1).join(',')} ${clip.slice(1).join(',')}`;

  let byPhoto = caches.get(runtime);
  if (!byPhoto) {
    byPhoto = new Map();
    caches.set(runtime, byPhoto);
  }
  let scaled = byPhoto.get(photo)?.get(geometry);
  if (scaled) keep(byPhoto, photo, geometry, scaled);
  else {
    const [x, y, w, h] = as.slice(1).map(Number) as [number, number, number, number];
    const [cx, cy, cw, ch] = clip.slice(1).map(Number) as [number, number, number, number];
    const tagFor = (href: string, r: number[]) =>
      `<image x="${r[0]}" y="${r[1]}" width="${r[2]}" height="${r[3]}" href="${href}"${tag[2]}/>`;
    scaled = { tag: null, chars: 0 };
    // Only a whole-pixel box inside the card and inside the photo is cut out: its every pixel is the photo's.
    const whole = [cx, cy, cw, ch].every(Number.isInteger);
    if (
      whole &&
      cx >= Math.max(0, x) &&
      cy >= Math.max(0, y) &&
      cx + cw <= Math.min(size.width, x + w) &&
      cy + ch <= Math.min(size.height, y + h) &&
      cw > 0 &&
      ch > 0
    ) {
      // The photo as the card draws it, with its clip and mask: resvg takes the same path, so the same pixels.
      const maskId = / mask="url\(#([\w-]+)\)"/.exec(tag[2]!)?.[1];
      const mask = maskId ? new RegExp(`<mask id="${escaped(maskId)}">.*?</mask>`).exec(svg)?.[0] : '';
      const layer = await runtime.rasterize(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">${clip[0]}${mask ?? ''}${tagFor(photo, [x, y, w, h])}</svg>`,
      );
      const box = crop(layer, cx, cy, cw, ch);
      const png = box && (await encodePng(box, (d) => runtime.deflate(d)));
      if (png) {
        const href = `data:image/png;base64,${toBase64(png)}`;
        // Exactly the clip's box, so without the clip and the mask: resvg then draws it without a layer for
        // either (Node: 35 against 45 ms for the whole card's parse and raster), the same pixels.
        const box1 = `x="${cx}" y="${cy}" width="${cw}" height="${ch}"`;
        scaled = { tag: `<image ${box1} href="${href}" preserveAspectRatio="none"/>`, chars: href.length };
      }
    }
    keep(byPhoto, photo, geometry, scaled);
  }
  // Any other use of the stand-in (none in satori's output today) still gets the photo: never a card without it.
  const drawn = scaled.tag ? svg.replace(tag[0], () => scaled.tag!) : svg;
  return drawn.replaceAll(standIn, () => photo);
}

/** The w×h pixels at (x, y) of `r`, or null when any is not opaque (premultiplied alpha would not survive a PNG). */
function crop(r: Raster, x: number, y: number, w: number, h: number): Raster | null {
  const out = new Uint8Array(w * h * 4);
  for (let row = 0; row < h; row++) {
    const from = ((y + row) * r.width + x) * 4;
    out.set(r.pixels.subarray(from, from + w * 4), row * w * 4);
  }
  for (let i = 3; i < out.length; i += 4) if (out[i] !== 255) return null;
  return { width: w, height: h, pixels: out };
}

/** Least recently used photo out first, until within LIMITS (counting each photo's URI, which the cache holds). */
function keep(byPhoto: Map<string, Map<string, Scaled>>, photo: string, geometry: string, scaled: Scaled) {
  const shapes = byPhoto.get(photo) ?? new Map<string, Scaled>();
  byPhoto.delete(photo);
  shapes.set(geometry, scaled);
  byPhoto.set(photo, shapes);
  const charsOf = (p: string, s: Map<string, Scaled>) => p.length + [...s.values()].reduce((n, v) => n + v.chars, 0);
  let chars = 0;
  for (const [p, s] of byPhoto) chars += charsOf(p, s);
  for (const [p, s] of byPhoto) {
    if (byPhoto.size <= LIMITS.entries && chars <= LIMITS.chars) break;
    byPhoto.delete(p);
    chars -= charsOf(p, s);
  }
}
