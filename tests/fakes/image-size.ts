// The pixel size and format of PNG and JPEG bytes, so fakes can record which card a poster sent.

export interface ImageInfo {
  format: 'png' | 'jpeg' | 'other';
  width?: number;
  height?: number;
  bytes: number;
}

/** Reads PNG's IHDR or JPEG's first SOFn marker; anything else is 'other'. */
export function imageInfo(b: Uint8Array): ImageInfo {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20), bytes: b.length };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2;
    while (at + 9 < b.length && b[at] === 0xff) {
      const marker = b[at + 1]!;
      const length = view.getUint16(at + 2);
      // SOF0..SOF15 but not DHT (c4), JPG (c8) or DAC (cc).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { format: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7), bytes: b.length };
      }
      at += 2 + length;
    }
    return { format: 'jpeg', bytes: b.length };
  }
  return { format: 'other', bytes: b.length };
}
