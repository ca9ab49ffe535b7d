// A photo drawn at the pixels its box shows: resvg scales it once, with its own filter (so the pixels are the ones it
// would draw in the card), the visible part is kept as a lossless PNG and drawn 1:1 in every render after.

import { toBase64 } from '../base64.ts';
import { encodePng, type Raster } from './png.ts';
import type { RenderRuntime } from './types.ts';

/**
 * Scaled photos, one budget for the isolate (a Worker keeps a runtime per fetch policy, up to 16: a budget per runtime
 * would let them hold 16 times as much): boxes (a photo scaled for one card shape), and characters held — each box's
 * data: URI plus, once, the URI of each photo that has a box kept (the cache holds it as a key). Exported for tests.
 */
export const SCALED_PHOTO_LIMITS = { entries: 32, chars: 16 * 1024 * 1024 };

interface Scaled {
  /** The card's <image> element, drawing the visible part of the photo 1:1; null: draw the photo as it is. */
  tag: string | null;
  chars: number;
}
/**
 * Boxes are still kept per runtime (a runtime is what scaled them; one handed a different rasterizer never reads
 * another's pixels): runtime → photo → geometry. `recent` orders every box in the isolate, least recently used first.
 */
const caches = new WeakMap<RenderRuntime, Map<string, Map<string, Scaled>>>();
interface Held {
  byPhoto: Map<string, Map<string, Scaled>>;
  photo: string;
  geometry: string;
}
const recent = new Map<Scaled, Held>();
let heldChars = 0;

/** What the isolate holds now (for tests and the bench). */
export function scaledPhotoHeld(): { entries: number; chars: number } {
  return { entries: recent.size, chars: heldChars };
}

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
  if (scaled) {
    recent.delete(scaled);
    recent.set(scaled, { byPhoto, photo, geometry });
  } else {
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

/**
 * `scaled` kept as the most recently used box, then the least recently used boxes out — of any runtime, one box at a
 * time, never the one just kept (the card being drawn uses it next) — until the isolate is within its limits.
 */
function keep(byPhoto: Map<string, Map<string, Scaled>>, photo: string, geometry: string, scaled: Scaled) {
  let shapes = byPhoto.get(photo);
  if (!shapes) {
    shapes = new Map();
    byPhoto.set(photo, shapes);
    heldChars += photo.length;
  }
  const before = shapes.get(geometry);
  if (before) forget(before);
  shapes.set(geometry, scaled);
  recent.set(scaled, { byPhoto, photo, geometry });
  heldChars += scaled.chars;
  for (const old of recent.keys()) {
    if (recent.size <= SCALED_PHOTO_LIMITS.entries && heldChars <= SCALED_PHOTO_LIMITS.chars) break;
    if (old !== scaled) forget(old);
  }
}

/** One box out; its photo's URI with it when that was the photo's last box. */
function forget(scaled: Scaled) {
  const held = recent.get(scaled);
  if (!held) return;
  recent.delete(scaled);
  heldChars -= scaled.chars;
  const shapes = held.byPhoto.get(held.photo);
  shapes?.delete(held.geometry);
  if (shapes && shapes.size === 0) {
    held.byPhoto.delete(held.photo);
    heldChars -= held.photo.length;
  }
}
