// The card store: content addresses, what each address renders, and the card files in R2. Rendered once, kept
// forever, except a card drawn without an image it asked for: served briefly, never kept, rendered again next time.
import { cardFingerprint, type TemplateRegistry } from '../render/index.ts';
import {
  EXTENSION,
  type Format,
  type ImageFormat,
  MIME,
  type RenderRequest,
  type RenderResult,
  SIZE_NAMES,
  type SizeName,
} from '../render/types.ts';
import type { StoryRecord } from './stories.ts';

/** Everything that decides a card's pixels except its size (the size is the last segment of its address). */
export type CardSpec = Omit<RenderRequest, 'size' | 'format'>;
export type RenderFn = (req: RenderRequest) => Promise<Pick<RenderResult, 'image' | 'format' | 'complete'>>;

export const HASH_PATTERN = /^[0-9a-f]{20}$/;
export const IMAGE_FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'webp'];
const BY_EXTENSION = new Map(IMAGE_FORMATS.map((f) => [EXTENSION[f], f]));
export const formatOfExtension = (ext: string): ImageFormat | undefined => BY_EXTENSION.get(ext);

/**
 * The content address: SHA-256 of the render core's fingerprint (story fields drawn, template and its version,
 * theme, fonts version), computed at size `og` because the size is spelled out in the path. 20 hex chars = 80 bits.
 */
export async function cardHash(spec: CardSpec, templates: TemplateRegistry): Promise<string> {
  const fingerprint = cardFingerprint({ ...spec, size: 'og' }, templates);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(fingerprint));
  return [...new Uint8Array(digest.slice(0, 10))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const cardPath = (hash: string, size: SizeName, format: ImageFormat = 'png') =>
  `/cards/${hash}/${size}.${EXTENSION[format]}`;
const objectKey = (hash: string, size: SizeName, format: ImageFormat) => `cards/${hash}/${size}.${EXTENSION[format]}`;

/** A card file and where it came from (for Server-Timing). `complete: false`: drawn without an image; do not keep. */
export interface CardFile {
  bytes: Uint8Array;
  format: ImageFormat;
  source: 'r2' | 'render';
  ms: number;
  complete: boolean;
}

/**
 * The card registry write, for a batch (src/publish/): what an address renders, once; the first owner of a shared
 * address keeps it. A story's address is only registered while the story exists, so a batch racing a DELETE
 * registers nothing rather than failing on the foreign key.
 */
export function registerCardStatement(db: D1Database, hash: string, spec: CardSpec, storyId: string | null) {
  return db
    .prepare(
      `INSERT OR IGNORE INTO cards (hash, story_id, request, created_at)
       SELECT ?1, ?2, ?3, ?4 WHERE ?2 IS NULL OR EXISTS (SELECT 1 FROM stories WHERE id = ?2)`,
    )
    .bind(hash, storyId, JSON.stringify(spec), new Date().toISOString());
}

export async function isCardRegistered(db: D1Database, hash: string): Promise<boolean> {
  return (await db.prepare('SELECT 1 AS ok FROM cards WHERE hash = ?').bind(hash).first()) !== null;
}

/**
 * Renders in progress in this isolate, by object key (or `auto`): concurrent first requests for one card await one
 * render. Across isolates (or Cloudflare locations) two first requests can each render; both write identical bytes
 * to the same R2 key, so the cost is one wasted render, never a wrong card.
 */
const inflight = new Map<string, Promise<CardFile | null>>();

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * auto's choices per address, kept in the isolate: a choice, once recorded, never changes (the address names the
 * content), so a share page view costs no second D1 read once the og and x choices are known. Bounded; oldest out.
 */
const autoChoices = new Map<string, Partial<Record<SizeName, ImageFormat>>>();
const AUTO_CHOICES_MAX = 10_000;
function remember(hash: string, formats: Partial<Record<SizeName, ImageFormat>>) {
  if (!Object.keys(formats).length) return;
  autoChoices.delete(hash);
  autoChoices.set(hash, formats);
  if (autoChoices.size > AUTO_CHOICES_MAX) autoChoices.delete(autoChoices.keys().next().value!);
}

export class CardStore {
  private readonly db: D1Database;
  private readonly bucket: R2Bucket;
  private readonly render: RenderFn;
  /** The templates cards are drawn from: which sizes each address exists at. */
  readonly templates: TemplateRegistry;
  constructor(db: D1Database, bucket: R2Bucket, render: RenderFn, templates: TemplateRegistry) {
    this.db = db;
    this.bucket = bucket;
    this.render = render;
    this.templates = templates;
  }

  /** Remember what an address renders. Idempotent; the first owner of a shared address keeps it. */
  async register(hash: string, spec: CardSpec, storyId: string | null): Promise<void> {
    await registerCardStatement(this.db, hash, spec, storyId).run();
  }

  async spec(hash: string): Promise<CardSpec | null> {
    const row = await this.db
      .prepare('SELECT request FROM cards WHERE hash = ?')
      .bind(hash)
      .first<{ request: string }>();
    return row ? (JSON.parse(row.request) as CardSpec) : null;
  }

  /** The formats `auto` chose for this address's sizes so far (only complete renders count). */
  async autoFormats(hash: string): Promise<Partial<Record<SizeName, ImageFormat>>> {
    const known = autoChoices.get(hash);
    if (known?.og && known.x) return known;
    const row = await this.db
      .prepare('SELECT formats FROM cards WHERE hash = ?')
      .bind(hash)
      .first<{ formats: string | null }>();
    const formats: Partial<Record<SizeName, ImageFormat>> = row?.formats ? JSON.parse(row.formats) : {};
    remember(hash, formats);
    return formats;
  }

  /** The stored card, or null: never renders (for `Cache-Control: only-if-cached`). */
  async stored(hash: string, size: SizeName, format: Exclude<Format, 'svg'>): Promise<CardFile | null> {
    const started = now();
    const known = format === 'auto' ? (await this.autoFormats(hash))[size] : format;
    const stored = known ? await this.bucket.get(objectKey(hash, size, known)) : null;
    if (!stored || !known) return null;
    const bytes = new Uint8Array(await stored.arrayBuffer());
    return { bytes, format: known, source: 'r2', ms: now() - started, complete: true };
  }

  /**
   * The card at an address in `format`: from R2 if it was ever rendered complete, else rendered now (once per
   * isolate) and stored when complete. `auto` resolves to the format recorded for the address, or renders and
   * records one. `spec` is what to render on a miss; null when the address is unknown.
   */
  async file(
    hash: string,
    size: SizeName,
    format: Exclude<Format, 'svg'>,
    spec: () => Promise<CardSpec | null>,
  ): Promise<CardFile | null> {
    const flightKey = `${hash}/${size}/${format}`;
    const pending = inflight.get(flightKey);
    if (pending) return pending;
    // Registered before the first await, so a request arriving a moment later (the crawler right after the
    // pre-render started) joins this one instead of reading R2 too early and rendering again.
    const job = this.fetchOrRender(hash, size, format, spec);
    inflight.set(flightKey, job);
    try {
      return await job;
    } finally {
      inflight.delete(flightKey);
    }
  }

  private async fetchOrRender(
    hash: string,
    size: SizeName,
    format: Exclude<Format, 'svg'>,
    spec: () => Promise<CardSpec | null>,
  ): Promise<CardFile | null> {
    const started = now();
    // The pre-render (auto) may be drawing this very file: a crawler asking for it meanwhile waits for that render.
    const auto = format === 'auto' ? undefined : inflight.get(`${hash}/${size}/auto`);
    if (auto) {
      const drawn = await auto.catch(() => null);
      if (drawn?.format === format) return drawn;
    }
    const stored = await this.stored(hash, size, format);
    if (stored) return { ...stored, ms: now() - started };
    const what = await spec();
    if (!what) return null;
    const t0 = now();
    const result = await this.render({ ...what, size, format });
    const made = result.format as ImageFormat;
    const file: CardFile = {
      bytes: result.image,
      format: made,
      source: 'render',
      ms: now() - t0,
      complete: result.complete,
    };
    // A card missing its image is never kept: its address names the image URL, not the image, and the image may
    // load next time.
    if (!result.complete) return file;
    await this.bucket.put(objectKey(hash, size, made), result.image, {
      httpMetadata: { contentType: MIME[made] },
      customMetadata: { hash, size },
    });
    if (format === 'auto') await this.recordAuto(hash, size, made);
    return file;
  }

  private async recordAuto(hash: string, size: SizeName, format: ImageFormat): Promise<void> {
    remember(hash, { ...autoChoices.get(hash), [size]: format });
    // json_set on the stored object: two sizes recorded at once by two requests both land.
    await this.db
      .prepare("UPDATE cards SET formats = json_set(coalesce(formats, '{}'), '$.' || ?, ?) WHERE hash = ?")
      .bind(size, format, hash)
      .run();
  }

  /** A story's cards go with it: every address it ever had, every size and format, from D1 and R2. */
  async deleteForStory(storyId: string): Promise<string[]> {
    const { results } = await this.db
      .prepare('SELECT hash FROM cards WHERE story_id = ?')
      .bind(storyId)
      .all<{ hash: string }>();
    const hashes = results.map((r) => r.hash);
    for (const h of hashes) autoChoices.delete(h);
    const keys = hashes.flatMap((h) => SIZE_NAMES.flatMap((s) => IMAGE_FORMATS.map((f) => objectKey(h, s, f))));
    for (let i = 0; i < keys.length; i += 1000) await this.bucket.delete(keys.slice(i, i + 1000));
    await this.db.prepare('DELETE FROM cards WHERE story_id = ?').bind(storyId).run();
    return hashes;
  }
}

/** The sizes a share page names (og, and x where the template draws it), rendered ahead of the first crawler. */
export const PRERENDER_SIZES: readonly SizeName[] = ['og', 'x'];

/**
 * Render a new story's og and x cards in `auto` (stored, format recorded), so the crawler that reads the share page a
 * second later gets stored bytes. Call it from waitUntil; never throws (a miss only means the crawler renders).
 */
export async function prerenderCards(
  cards: CardStore,
  record: Pick<StoryRecord, 'id' | 'cardHash' | 'story' | 'template' | 'theme'>,
): Promise<void> {
  const spec: CardSpec = { story: record.story, template: record.template, theme: record.theme };
  const sizes = PRERENDER_SIZES.filter((s) => cards.templates.sizesOf(record.template).includes(s));
  for (const size of sizes) {
    try {
      await cards.file(record.cardHash, size, 'auto', async () => spec);
    } catch (error) {
      console.error(`prerender: card ${record.cardHash} at ${size} for story ${record.id} failed:`, error);
    }
  }
}

/** This location's edge cache (caches.default), or undefined where there is none (Node). */
export function edgeCache(): Cache | undefined {
  return typeof caches === 'undefined' ? undefined : (caches as unknown as { default: Cache }).default;
}
