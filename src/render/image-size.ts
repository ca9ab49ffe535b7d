// Width × height of a fetched image from its header bytes, so a card refuses an image that would decode to more
// pixels than its budget (a 5 MB file can hold a 20,000 × 20,000 PNG: 1.6 GB of RGBA, past any isolate's memory).
import { MAX_IMAGE_PIXELS } from './budget.ts';

/** [width, height], or null when the header cannot be read (the decoder will decide). */
export function imageSize(b: Uint8Array, type: string): [number, number] | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const has = (n: number) => b.length >= n;
  if (type === 'image/png' && has(24)) return [v.getUint32(16), v.getUint32(20)];
  if (type === 'image/gif' && has(10)) return [v.getUint16(6, true), v.getUint16(8, true)];
  if (type === 'image/webp' && has(30)) {
    const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
    if (chunk === 'VP8X')
      return [1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16))];
    if (chunk === 'VP8 ') return [v.getUint16(26, true) & 0x3fff, v.getUint16(28, true) & 0x3fff];
    if (chunk === 'VP8L') {
      const bits = v.getUint32(21, true);
      return [1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff)];
    }
    return null;
  }
  if (type === 'image/jpeg') {
    // Walk the markers to the first start-of-frame (SOF0–SOF15 but DHT C4, JPG C8, DAC CC).
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return [v.getUint16(i + 7), v.getUint16(i + 5)];
      }
      i += 2 + v.getUint16(i + 2);
    }
  }
  return null;
}

/** True when the image's header says it has more pixels than a card decodes. */
export function overPixelBudget(bytes: Uint8Array, type: string): boolean {
  const size = imageSize(bytes, type);
  return size !== null && size[0] * size[1] > MAX_IMAGE_PIXELS;
}
