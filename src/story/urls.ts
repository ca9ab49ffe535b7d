// URLs users hand us: stored as new URL(u).href, refused when they hide control characters or backslashes, and
// data: images checked to be the image they say they are, within a size cap.
import { fromBase64 } from '../base64.ts';

/** Content types a card may embed, each with a check of the file's first bytes (a mislabelled file is refused). */
export const IMAGE_SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]),
  'image/webp': (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  'image/svg+xml': (b) => new TextDecoder().decode(b.subarray(0, 1024)).includes('<svg'),
};

/** A data: logo is drawn as given, so it is capped: 256 KB of image (a story body is at most 64 KB anyway). */
export const DATA_IMAGE_MAX_BYTES = 256 * 1024;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Why `raw` is not an acceptable http(s) URL, or undefined when it is. The URL parser would quietly drop tabs and
 * line breaks and turn backslashes into slashes, so a URL that relies on that is refused rather than "repaired".
 */
export function httpUrlProblem(raw: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const control = /[\u0000-\u001f\u007f]/.exec(raw);
  if (control) return `a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  if (raw.includes('\\')) return 'a backslash';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'text that is not an absolute URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `a ${u.protocol} URL`;
  return undefined;
}

/** The stored form: what the URL parser makes of it (host lower-cased, path percent-encoded). */
export const normalUrl = (raw: string) => new URL(raw).href;

export interface DataImage {
  type: string;
  bytes: Uint8Array;
}

/** A `data:image/…;base64,…` URI decoded, or why not (wrong type, not base64, too big, bytes of another kind). */
export function parseDataImage(uri: string): DataImage | string {
  const m = /^data:(image\/(?:png|jpeg|gif|webp|svg\+xml));base64,([A-Za-z0-9+/]*={0,2})$/i.exec(uri);
  if (!m) return 'a data: URI that is not base64 PNG, JPEG, GIF, WebP or SVG';
  const type = m[1]!.toLowerCase();
  const b64 = m[2]!;
  if ((b64.length * 3) / 4 > DATA_IMAGE_MAX_BYTES + 3) return `a data: image over ${DATA_IMAGE_MAX_BYTES} bytes`;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(b64);
  } catch {
    return 'a data: URI whose base64 does not decode';
  }
  if (bytes.length === 0) return 'an empty data: image';
  if (bytes.length > DATA_IMAGE_MAX_BYTES) return `a data: image over ${DATA_IMAGE_MAX_BYTES} bytes`;
  if (!IMAGE_SIGNATURES[type]!(bytes)) return `a data: URI labelled ${type} whose bytes are not one`;
  return { type, bytes };
}
