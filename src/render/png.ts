// A PNG encoder made for cards: lossless, indexed when a card has ≤ 256 colours, else RGB with adaptive filters.
// Pure: the runtime hands in its native deflate (node:zlib in both Node and workerd), so the bytes match.

/** Pixels as resvg hands them over: RGBA, 4 bytes a pixel, row after row. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/**
 * The one zlib setting both adapters deflate with (Node's node:zlib and workerd's, both zlib): same input, same
 * setting, same bytes. Level 6 is zlib's default; 7–9 buy 1–8 % fewer bytes for 1.3–15× the time on cards.
 */
export const DEFLATE_LEVEL = 6;

/** zlib-wrapped deflate (RFC 1950), the stream an IDAT carries. */
export type Deflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/**
 * The card as PNG, or null when it has transparent pixels: resvg keeps pixels premultiplied, and turning those back
 * into straight alpha is resvg's own job (its asPng), so a non-opaque card goes there and stays pixel-identical.
 */
export async function encodePng(raster: Raster, deflate: Deflate): Promise<Uint8Array | null> {
  const { width, height, pixels } = raster;
  if (pixels.byteLength !== width * height * 4) {
    throw new RangeError(`encodePng: expected ${width * height * 4} bytes of RGBA, received ${pixels.byteLength}`);
  }
  // A Uint32Array view needs 4-byte alignment; a pooled or sliced buffer may not have it.
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : pixels.slice();
  const rgba = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const indexed = indexedScanlines(rgba, width, height);
  if (indexed === 'transparent') return null;
  const scanlines = indexed ? indexed.scanlines : rgbScanlines(pixels, width, height);
  const idat = await deflate(scanlines);
  const chunks: Uint8Array[] = [PNG_SIGNATURE, chunk('IHDR', header(width, height, indexed ? 3 : 2))];
  if (indexed) chunks.push(chunk('PLTE', indexed.palette));
  chunks.push(chunk('IDAT', idat), chunk('IEND', new Uint8Array(0)));
  return concat(chunks);
}

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Indexed rows (filter 0: filters predict neighbouring values, which palette indices are not, PNG spec §12.8), or
 * null past 256 colours, or 'transparent'. An open-addressing table keyed by the colour, with a fast path for the
 * previous pixel's colour: cards are mostly runs of one colour, so most pixels cost one compare. Written straight
 * into the scanlines, so the common case touches each pixel once.
 */
function indexedScanlines(
  rgba: Uint32Array,
  width: number,
  height: number,
): { scanlines: Uint8Array; palette: Uint8Array } | null | 'transparent' {
  const SLOTS = 1024; // ≥ 4× the 256 colours it may hold, so probes stay short
  const keys = new Uint32Array(SLOTS);
  const values = new Int16Array(SLOTS).fill(-1);
  const colours: number[] = [];
  const out = new Uint8Array((width + 1) * height);
  let last = -1;
  let lastIndex = 0;
  let i = 0;
  for (let y = 0; y < height; y++) {
    const rowEnd = i + width;
    let o = y * (width + 1) + 1; // after the row's filter byte (0)
    while (i < rowEnd) {
      const c = rgba[i]!;
      if (c === last) {
        // A run of the previous colour: find its end, then one native fill.
        let j = i + 1;
        while (j < rowEnd && rgba[j] === c) j++;
        out.fill(lastIndex, o, o + j - i);
        o += j - i;
        i = j;
        continue;
      }
      {
        // Little-endian view: alpha is the top byte. Every platform storycard runs on (x86, arm64, wasm) is.
        if (c < 0xff000000) return 'transparent';
        let slot = Math.imul(c, 0x9e3779b1) >>> 22; // top 10 bits of a multiplicative hash: 0..1023
        for (;;) {
          const v = values[slot]!;
          if (v < 0) {
            if (colours.length === 256) return hasTransparency(rgba, i) ? 'transparent' : null;
            keys[slot] = c;
            values[slot] = colours.length;
            lastIndex = colours.length;
            colours.push(c);
            break;
          }
          if (keys[slot] === c) {
            lastIndex = v;
            break;
          }
          slot = (slot + 1) & (SLOTS - 1);
        }
        last = c;
      }
      out[o++] = lastIndex;
      i++;
    }
  }
  const palette = new Uint8Array(colours.length * 3);
  colours.forEach((c, n) => {
    palette[n * 3] = c & 0xff;
    palette[n * 3 + 1] = (c >>> 8) & 0xff;
    palette[n * 3 + 2] = (c >>> 16) & 0xff;
  });
  return { scanlines: out, palette };
}

function hasTransparency(rgba: Uint32Array, from: number): boolean {
  for (let i = from; i < rgba.length; i++) if (rgba[i]! < 0xff000000) return true;
  return false;
}

/**
 * RGB rows, each with the filter whose output has the smallest sum of absolute values (libpng's heuristic: small
 * residuals deflate well), judged on every 4th pixel so choosing costs less than filtering. Cards are opaque, so
 * alpha is dropped: a quarter fewer bytes to deflate.
 */
function rgbScanlines(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 3;
  const out = new Uint8Array((stride + 1) * height);
  let prev = new Uint8Array(stride);
  let cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0, s = y * width * 4; x < stride; x += 3, s += 4) {
      cur[x] = pixels[s]!;
      cur[x + 1] = pixels[s + 1]!;
      cur[x + 2] = pixels[s + 2]!;
    }
    let best = 0;
    let bestSum = Number.POSITIVE_INFINITY;
    for (let f = 0; f < 5; f++) {
      const sum = filterCost(f, cur, prev, bestSum);
      if (sum < bestSum) {
        bestSum = sum;
        best = f;
      }
    }
    const at = y * (stride + 1);
    out[at] = best;
    applyFilter(best, cur, prev, out, at + 1);
    [prev, cur] = [cur, prev];
  }
  return out;
}

const paeth = (a: number, b: number, c: number) => {
  const pa = b > c ? b - c : c - b;
  const pb = a > c ? a - c : c - a;
  const pc = a + b > c + c ? a + b - c - c : c + c - a - b;
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** The filter's residual at byte i (bpp 3; bytes left of the row and above the image are 0). */
function residual(f: number, cur: Uint8Array, prev: Uint8Array, i: number): number {
  const a = i >= 3 ? cur[i - 3]! : 0;
  if (f === 0) return cur[i]!;
  if (f === 1) return (cur[i]! - a) & 0xff;
  const b = prev[i]!;
  if (f === 2) return (cur[i]! - b) & 0xff;
  if (f === 3) return (cur[i]! - ((a + b) >>> 1)) & 0xff;
  return (cur[i]! - paeth(a, b, i >= 3 ? prev[i - 3]! : 0)) & 0xff;
}

/** Sum of absolute residuals over every 4th pixel, stopping once past `limit`. */
function filterCost(f: number, cur: Uint8Array, prev: Uint8Array, limit: number): number {
  let sum = 0;
  for (let x = 0; x < cur.length; x += 12) {
    for (let i = x; i < x + 3; i++) {
      const v = residual(f, cur, prev, i);
      sum += v < 128 ? v : 256 - v;
    }
    if (sum >= limit) return sum;
  }
  return sum;
}

/** Filter one row into `out` at `at`, one tight loop per filter type. */
function applyFilter(f: number, cur: Uint8Array, prev: Uint8Array, out: Uint8Array, at: number): void {
  const n = cur.length;
  if (f === 0) {
    out.set(cur, at);
    return;
  }
  for (let i = 0; i < 3; i++) out[at + i] = residual(f, cur, prev, i);
  if (f === 1) for (let i = 3; i < n; i++) out[at + i] = cur[i]! - cur[i - 3]!;
  else if (f === 2) for (let i = 3; i < n; i++) out[at + i] = cur[i]! - prev[i]!;
  else if (f === 3) for (let i = 3; i < n; i++) out[at + i] = cur[i]! - ((cur[i - 3]! + prev[i]!) >>> 1);
  else for (let i = 3; i < n; i++) out[at + i] = cur[i]! - paeth(cur[i - 3]!, prev[i]!, prev[i - 3]!);
}

export function header(width: number, height: number, colourType: 2 | 3 | 6): Uint8Array {
  const h = new Uint8Array(13);
  const view = new DataView(h.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  h[8] = 8; // bit depth
  h[9] = colourType;
  // compression 0, filter method 0, no interlace
  return h;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = CRC_TABLE[(c ^ p[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  const name = new Uint8Array([...type].map((ch) => ch.charCodeAt(0)));
  view.setUint32(0, data.length);
  out.set(name, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32([name, data]));
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
