// Fetched card images kept for a while: a studio preview, the og and x cards of one story and a batch of cards sharing
// a photo fetch it once, not once per render. Bounded by entries, bytes and age. Runtimes may share one store (workerd
// keeps a runtime per fetch policy, and an isolate has 128 MB for everything): its bounds then hold for all of them.

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

/** Images kept and fetches under way, with the characters kept: one bound for every runtime given the same store. */
export interface ImageStore {
  kept: Map<string, Entry>; // insertion order = least recently used first
  inFlight: Map<string, Promise<string | null>>;
  bytes: number;
}

export const imageStore = (): ImageStore => ({ kept: new Map(), inFlight: new Map(), bytes: 0 });

/**
 * `fetchImage` with a cache in front, keyed by `scope` and the URL (`scope` names the fetch policy when runtimes with
 * different policies share a store: a URL one policy refused is never answered from another's fetch). Only images are
 * kept: a failed fetch (null) is tried again next time. Concurrent fetches of one URL share one request.
 */
export function cachedImages(
  fetchImage: (url: string) => Promise<string | null>,
  limits: ImageCacheLimits,
  now: () => number = Date.now,
  store: ImageStore = imageStore(),
  scope = '',
): (url: string) => Promise<string | null> {
  const { kept, inFlight } = store;
  const drop = (key: string) => {
    const e = kept.get(key);
    if (!e) return;
    kept.delete(key);
    store.bytes -= e.uri.length;
  };
  return async (url) => {
    const key = `${scope}\n${url}`;
    const hit = kept.get(key);
    if (hit && now() - hit.at <= limits.maxAgeMs) {
      kept.delete(key); // to the most recently used end
      kept.set(key, hit);
      return hit.uri;
    }
    drop(key);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchImage(url).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
      const uri = await pending;
      // Oldest first out until within both bounds: an image over the whole byte budget is drawn, then dropped too.
      if (uri !== null) {
        drop(key);
        kept.set(key, { uri, at: now() });
        store.bytes += uri.length;
        for (const [old] of kept) {
          if (kept.size <= limits.entries && store.bytes <= limits.bytes) break;
          drop(old);
        }
      }
      return uri;
    }
    return pending;
  };
}
