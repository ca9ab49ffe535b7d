// Bluesky record keys for outbox rows: one deterministic TID per row, so every attempt writes the same record.

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz'; // atproto's base32-sortable

/** FNV-1a over UTF-16 code units: a stable spread of the row id, not a secret. */
function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The record key every attempt at one outbox row uses: a TID (what app.bsky.feed.post records are keyed by, and the
 * only keys Bluesky's AppView indexes posts under) whose time is the row's creation (milliseconds, plus microseconds
 * and clock id spread from the row id). A retry, a takeover or a late attempt writes to the same key, and the PDS
 * refuses a second record there: one post, whoever sends it.
 */
export function recordKeyFor(rowId: string, createdAtMs: number): string {
  const micros = BigInt(Math.floor(createdAtMs)) * 1000n + BigInt(fnv1a(rowId, 0x811c9dc5) % 1000);
  const clockId = BigInt(fnv1a(rowId, 0x9747b28c) % 1024);
  let n = ((micros & ((1n << 53n) - 1n)) << 10n) | clockId; // top bit stays 0
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = ALPHABET[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}
