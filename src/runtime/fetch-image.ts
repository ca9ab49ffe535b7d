// Fetches a remote image for a card (logo, story image) as a data: URI, within limits; shared by both runtimes.
import { readCapped } from '../streams.ts';
import { overPixelBudget } from './image-size.ts';

export const IMAGE_TIMEOUT_MS = 5_000;
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** Content types a card may embed, each with a check of the file's first bytes (a mislabelled file is refused). */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]),
  'image/webp': (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  'image/svg+xml': (b) => new TextDecoder().decode(b.subarray(0, 1024)).includes('<svg'),
};

/**
 * The image at `url` as `data:<type>;base64,…`, or null when it is not http(s), fails, takes longer than
 * IMAGE_TIMEOUT_MS, is larger than IMAGE_MAX_BYTES or MAX_IMAGE_PIXELS, or is not a PNG, JPEG, GIF, WebP or SVG. Never throws:
 * a card drops a missing image rather than failing.
 */
export async function fetchImageAsDataUri(
  url: string,
  opts: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<string | null> {
  const fetchImpl = opts.fetch ?? fetch;
  try {
    const { protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    const res = await fetchImpl(url, {
      signal: AbortSignal.timeout(opts.timeoutMs ?? IMAGE_TIMEOUT_MS),
      headers: { accept: Object.keys(SIGNATURES).join(', ') },
    });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const matches = SIGNATURES[type];
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (!res.ok || !matches || !res.body || declared > IMAGE_MAX_BYTES) {
      await res.body?.cancel();
      return null;
    }
    const read = await readCapped(res.body, IMAGE_MAX_BYTES);
    if (!read.ok || !matches(read.bytes)) return null;
    if (overPixelBudget(read.bytes, type)) return null; // too big to decode: dropped like a failed fetch
    return `data:${type};base64,${toBase64(read.bytes)}`;
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
