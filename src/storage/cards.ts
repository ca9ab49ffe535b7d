// The card store: content addresses, what each address renders, and the PNGs in R2. Rendered once, kept forever.
import { cardFingerprint, DEFAULT_TEMPLATE, listTemplates } from '../render/index.ts';
import { type RenderRequest, SIZE_NAMES, type SizeName } from '../render/types.ts';

/** Everything that decides a card's pixels except its size (the size is the last segment of its address). */
export type CardSpec = Omit<RenderRequest, 'size'>;
export type RenderPng = (req: RenderRequest) => Promise<Uint8Array>;

export const HASH_PATTERN = /^[0-9a-f]{20}$/;

/**
 * The content address: SHA-256 of the render core's fingerprint (story fields drawn, template and its version,
 * theme, fonts version), computed at size `og` because the size is spelled out in the path. 20 hex chars = 80 bits.
 */
export async function cardHash(spec: CardSpec): Promise<string> {
  const fingerprint = cardFingerprint({ ...spec, size: 'og' });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(fingerprint));
  return [...new Uint8Array(digest.slice(0, 10))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The sizes a template draws (a card address only exists at those); empty for an unknown template. */
export function sizesOf(template: string | undefined): readonly SizeName[] {
  return listTemplates().find((t) => t.name === (template ?? DEFAULT_TEMPLATE))?.sizes ?? [];
}

export const cardPath = (hash: string, size: SizeName) => `/cards/${hash}/${size}.png`;
const objectKey = (hash: string, size: SizeName) => `cards/${hash}/${size}.png`;

/**
 * Renders in progress in this isolate, by object key: concurrent first requests for one card await one render.
 * Across isolates (or Cloudflare locations) two first requests can each render; both write identical bytes to the
 * same R2 key, so the cost is one wasted render, never a wrong card.
 */
const inflight = new Map<string, Promise<Uint8Array>>();

export class CardStore {
  constructor(
    private readonly db: D1Database,
    private readonly bucket: R2Bucket,
    private readonly render: RenderPng,
  ) {}

  /** Remember what an address renders. Idempotent; the first owner of a shared address keeps it. */
  async register(hash: string, spec: CardSpec, storyId: string | null): Promise<void> {
    await this.db
      .prepare('INSERT OR IGNORE INTO cards (hash, story_id, request, created_at) VALUES (?, ?, ?, ?)')
      .bind(hash, storyId, JSON.stringify(spec), new Date().toISOString())
      .run();
  }

  async spec(hash: string): Promise<CardSpec | null> {
    const row = await this.db
      .prepare('SELECT request FROM cards WHERE hash = ?')
      .bind(hash)
      .first<{ request: string }>();
    return row ? (JSON.parse(row.request) as CardSpec) : null;
  }

  /**
   * The PNG at an address: from R2 if it was ever rendered, else rendered now (once per isolate) and stored.
   * `spec` is what to render on a miss; null when the address is unknown.
   */
  async png(hash: string, size: SizeName, spec: () => Promise<CardSpec | null>): Promise<Uint8Array | null> {
    const key = objectKey(hash, size);
    const pending = inflight.get(key);
    if (pending) return pending;
    const stored = await this.bucket.get(key);
    if (stored) return new Uint8Array(await stored.arrayBuffer());
    const what = await spec();
    if (!what) return null;
    // Re-check: another request may have started this render while we were reading R2 and D1.
    const raced = inflight.get(key);
    if (raced) return raced;
    const job = (async () => {
      const png = await this.render({ ...what, size });
      await this.bucket.put(key, png, { httpMetadata: { contentType: 'image/png' }, customMetadata: { hash, size } });
      return png;
    })();
    inflight.set(key, job);
    try {
      return await job;
    } finally {
      inflight.delete(key);
    }
  }

  /** A story's cards go with it: every address it ever had, every size, from D1 and R2. */
  async deleteForStory(storyId: string): Promise<string[]> {
    const { results } = await this.db
      .prepare('SELECT hash FROM cards WHERE story_id = ?')
      .bind(storyId)
      .all<{ hash: string }>();
    const hashes = results.map((r) => r.hash);
    const keys = hashes.flatMap((h) => SIZE_NAMES.map((s) => objectKey(h, s)));
    for (let i = 0; i < keys.length; i += 1000) await this.bucket.delete(keys.slice(i, i + 1000));
    await this.db.prepare('DELETE FROM cards WHERE story_id = ?').bind(storyId).run();
    return hashes;
  }
}

/** This location's edge cache (caches.default), or undefined where there is none (Node). */
export function edgeCache(): Cache | undefined {
  return typeof caches === 'undefined' ? undefined : (caches as unknown as { default: Cache }).default;
}
