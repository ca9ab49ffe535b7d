// Fetches a remote image for a card (logo, story image) as a data: URI, within limits; shared by both runtimes.
// Every hop is checked (src/safe-fetch.ts): no loopback, private or link-local address, nor the Worker itself.
import { toBase64 } from '../base64.ts';
import { overPixelBudget } from '../render/image-size.ts';
import { BlockedFetchError, type FetchPolicy, safeFetch } from '../safe-fetch.ts';
import { IMAGE_SIGNATURES, parseDataImage } from '../story/urls.ts';
import { readCapped } from '../streams.ts';

export const IMAGE_TIMEOUT_MS = 5_000;
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export interface FetchImageOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Which hosts may be fetched (FETCH_ALLOW_HOSTS, the Worker's own hosts); default: public addresses only. */
  policy?: FetchPolicy;
}

/**
 * The image at `url` as `data:<type>;base64,…`, or null when it is not http(s) or a valid data: image, is refused
 * by the fetch policy, fails, takes longer than IMAGE_TIMEOUT_MS, is larger than IMAGE_MAX_BYTES, or is not a PNG,
 * JPEG, GIF, WebP or SVG, or over MAX_IMAGE_PIXELS. A data: image (a logo given inline) is checked the same way and drawn as given. Never
 * throws: a card drops a missing image rather than failing.
 */
export async function fetchImageAsDataUri(url: string, opts: FetchImageOptions = {}): Promise<string | null> {
  try {
    if (url.startsWith('data:')) {
      const image = parseDataImage(url);
      return typeof image === 'string' ? null : `data:${image.type};base64,${toBase64(image.bytes)}`;
    }
    const { protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    const init = {
      // One deadline for the first try and the retry: a retry never stretches the limit.
      signal: AbortSignal.timeout(opts.timeoutMs ?? IMAGE_TIMEOUT_MS),
      headers: { accept: Object.keys(IMAGE_SIGNATURES).join(', ') },
    };
    const get = () => safeFetch(url, init, opts.policy ?? {}, opts.fetch);
    // Every try goes through safeFetch, so the retry is checked hop by hop like the first.
    const res = await get().catch((error) => {
      if (!droppedConnection(error)) throw error;
      return get();
    });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const matches = IMAGE_SIGNATURES[type];
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (!res.ok || !matches || !res.body || declared > IMAGE_MAX_BYTES) {
      await res.body?.cancel();
      return null;
    }
    const read = await readCapped(res.body, IMAGE_MAX_BYTES);
    if (!read.ok || !matches(read.bytes)) return null;
    if (overPixelBudget(read.bytes, type)) return null; // too big to decode: dropped like a failed fetch
    return `data:${type};base64,${toBase64(read.bytes)}`;
  } catch (error) {
    // Refused URLs are worth the operator's attention (someone tried); network failures are routine.
    if (error instanceof BlockedFetchError) console.warn(`card image: ${error.message}`);
    return null;
  }
}

/** Socket-level failures before any response: undici's "other side closed" and resets of a pooled socket. */
const DROPPED = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE']);

/**
 * True when the connection was dropped before a response came. A kept-alive socket the host closed as our request
 * crossed its close on the wire (its idle timer against our pool's, the more likely when a render holds the event
 * loop past our pool's timer) fails so: a GET is idempotent and may be retried on a fresh connection (RFC 9112
 * §9.3.1), once. Timeouts, refused connections and DNS failures are not retried.
 */
function droppedConnection(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return error instanceof TypeError && typeof cause?.code === 'string' && DROPPED.has(cause.code);
}
