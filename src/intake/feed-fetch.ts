// Fetching one feed: conditional GET (ETag / Last-Modified), a time limit, a size cap, and the charset it names;
// every hop checked like any URL a user hands us (src/safe-fetch.ts).
import { type FetchPolicy, safeFetch } from '../safe-fetch.ts';
import { readCapped } from '../streams.ts';

/** A feed bigger than this is refused: real feeds are well under 1 MB, and the whole body is parsed in memory. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
/** One slow feed must not hold the cron run: the whole request, body included, gets this long. */
export const FEED_TIMEOUT_MS = 10_000;

export interface Validators {
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
}

export type FetchedFeed =
  | { kind: 'not_modified'; status: 304; etag?: string | undefined; lastModified?: string | undefined }
  | { kind: 'ok'; status: number; body: string; etag?: string | undefined; lastModified?: string | undefined };

export interface FetchOptions {
  fetch?: typeof fetch;
  /** Which hosts a feed (and its redirects) may be on; default: public addresses only. */
  policy?: FetchPolicy;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

/** The feed could not be fetched: no answer in time, a connection error, a non-2xx status, or too big. */
export class FeedFetchError extends Error {
  override name = 'FeedFetchError';
  readonly status: number | null;
  constructor(message: string, status: number | null, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

const ACCEPT =
  'application/feed+json, application/rss+xml, application/atom+xml, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** Read at most `max` bytes of a body; throws when there is more (the stream is cancelled, not drained). */
async function readBody(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    throw new FeedFetchError(`body: expected at most ${max} bytes, received ${declared} (Content-Length)`, res.status);
  }
  const read = await readCapped(res.body, max);
  if (!read.ok) {
    throw new FeedFetchError(
      `body: expected at most ${max} bytes, received more (${read.read} read so far)`,
      res.status,
    );
  }
  return read.bytes;
}

/** The charset from Content-Type, else from the XML declaration, else UTF-8 (JSON Feed is always UTF-8). */
function decode(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const label =
    /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // A label this runtime does not know: UTF-8 is the best remaining guess.
    }
  }
  return new TextDecoder().decode(bytes);
}

/** GET a feed, sending the validators from the last poll. Throws FeedFetchError for every way it can fail. */
export async function fetchFeed(url: string, validators: Validators, options: FetchOptions = {}): Promise<FetchedFeed> {
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const headers = new Headers({ Accept: ACCEPT, 'User-Agent': options.userAgent ?? 'storycard-feed-poller/1' });
  if (validators.etag) headers.set('If-None-Match', validators.etag);
  if (validators.lastModified) headers.set('If-Modified-Since', validators.lastModified);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await safeFetch(url, { headers, signal }, options.policy ?? {}, options.fetch);
    const etag = res.headers.get('ETag') ?? undefined;
    const lastModified = res.headers.get('Last-Modified') ?? undefined;
    if (res.status === 304) {
      await res.body?.cancel();
      return { kind: 'not_modified', status: 304, etag, lastModified };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new FeedFetchError(
        `expected 200 from the feed, received ${res.status} ${res.statusText}`.trim(),
        res.status,
      );
    }
    const bytes = await readBody(res, options.maxBytes ?? MAX_FEED_BYTES);
    return { kind: 'ok', status: res.status, body: decode(bytes, res.headers.get('Content-Type')), etag, lastModified };
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    if (signal.aborted) {
      throw new FeedFetchError(`no complete answer within ${timeoutMs} ms (timed out)`, null, { cause: error });
    }
    throw new FeedFetchError(`the request failed: ${(error as Error).message}`, null, { cause: error });
  }
}
