// Fetched card images kept for a while, per runtime (so per fetch policy): a studio preview, the og and x cards of one
// story and a batch of cards sharing a photo fetch it once, not once per render. Bounded by entries, bytes and age.

export interface ImageCacheLimits {
  /** Images kept at most (least recently used go first). */
  entries: number;
  /** Characters of data: URIs kept at most (one byte each: base64 is ASCII). */
  bytes: number;
  /** ms an image is kept after its fetch: a photo replaced at the same URL is seen again after this. */
  maxAgeMs: number;
}

/** Node: a CLI batch or a dev server. workerd gets less (an isolate has 128 MB for everything). */
export const NODE_IMAGE_CACHE: ImageCacheLimits = { entries: 32, bytes: 48 * 1024 * 1024, maxAgeMs: 5 * 60_000 };
export const WORKERD_IMAGE_CACHE: ImageCacheLimits = { entries: 8, bytes: 16 * 1024 * 1024, maxAgeMs: 5 * 60_000 };

interface Entry {
  uri: string;
  at: number;
}

/**
 * `fetchImage` with a cache in front, keyed by the URL (the policy is the runtime's own, fixed). Only images are
 * kept: a failed fetch (null) is tried again next time. Concurrent fetches of one URL share one request.
 */
export function cachedImages(
  fetchImage: (url: string) => Promise<string | null>,
  limits: ImageCacheLimits,
  now: () => number = Date.now,
): (url: string) => Promise<string | null> {
  const kept = new Map<string, Entry>(); // insertion order = least recently used first
  const inFlight = new Map<string, Promise<string | null>>();
  let bytes = 0;
  const drop = (url: string) => {
    const e = kept.get(url);
    if (!e) return;
    kept.delete(url);
    bytes -= e.uri.length;
  };
  return async (url) => {
    const hit = kept.get(url);
    if (hit && now() - hit.at <= limits.maxAgeMs) {
      kept.delete(url); // to the most recently used end
      kept.set(url, hit);
      return hit.uri;
    }
    drop(url);
    let pending = inFlight.get(url);
    if (!pending) {
      pending = fetchImage(url).finally(() => inFlight.delete(url));
      inFlight.set(url, pending);
      const uri = await pending;
      // Oldest first out until within both bounds: an image over the whole byte budget is drawn, then dropped too.
      if (uri !== null) {
        drop(url);
        kept.set(url, { uri, at: now() });
        bytes += uri.length;
        for (const [old] of kept) {
          if (kept.size <= limits.entries && bytes <= limits.bytes) break;
          drop(old);
        }
      }
      return uri;
    }
    return pending;
  };
}
