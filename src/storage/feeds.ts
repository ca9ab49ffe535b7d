// D1 feed state: per-feed status and validators (GET /api/feeds), and the item keys that make polling idempotent.

export type FeedStatus = 'ok' | 'not_modified' | 'error';

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  primedAt: string | null;
  lastPolledAt: string | null;
  lastStatus: FeedStatus | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  lastOkAt: string | null;
  title: string | null;
  format: string | null;
  itemsSeen: number;
  storiesCreated: number;
}

interface Row {
  url: string;
  etag: string | null;
  last_modified: string | null;
  primed_at: string | null;
  last_polled_at: string | null;
  last_status: FeedStatus | null;
  last_http_status: number | null;
  last_error: string | null;
  last_ok_at: string | null;
  title: string | null;
  format: string | null;
  items_seen: number;
  stories_created: number;
}

const fromRow = (r: Row): FeedState => ({
  url: r.url,
  etag: r.etag,
  lastModified: r.last_modified,
  primedAt: r.primed_at,
  lastPolledAt: r.last_polled_at,
  lastStatus: r.last_status,
  lastHttpStatus: r.last_http_status,
  lastError: r.last_error,
  lastOkAt: r.last_ok_at,
  title: r.title,
  format: r.format,
  itemsSeen: r.items_seen,
  storiesCreated: r.stories_created,
});

/** What one poll changes. Counters are added to; validators are replaced only when given (304s keep them). */
export interface PollRecord {
  at: string;
  status: FeedStatus;
  httpStatus: number | null;
  error: string | null;
  validators?: { etag: string | null; lastModified: string | null };
  primed?: boolean;
  title?: string | null;
  format?: string | null;
  newItems?: number;
  newStories?: number;
}

// D1 binds at most 100 parameters per statement; one is the feed URL.
const KEY_CHUNK = 90;

export class FeedStore {
  private readonly db: D1Database;
  constructor(db: D1Database) {
    this.db = db;
  }

  async get(url: string): Promise<FeedState | null> {
    const row = await this.db.prepare('SELECT * FROM feeds WHERE url = ?').bind(url).first<Row>();
    return row ? fromRow(row) : null;
  }

  async all(): Promise<FeedState[]> {
    const { results } = await this.db.prepare('SELECT * FROM feeds ORDER BY url').all<Row>();
    return results.map(fromRow);
  }

  /** Which of these keys the feed has shown before. */
  async knownKeys(feedUrl: string, keys: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += KEY_CHUNK) {
      const chunk = unique.slice(i, i + KEY_CHUNK);
      const { results } = await this.db
        .prepare(
          `SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN (${chunk.map(() => '?').join(',')})`,
        )
        .bind(feedUrl, ...chunk)
        .all<{ item_key: string }>();
      for (const r of results) known.add(r.item_key);
    }
    return known;
  }

  /** Remember item keys (idempotent: a key already there keeps its story). */
  async recordKeys(feedUrl: string, keys: string[], storyId: string | null, at: string): Promise<void> {
    if (!keys.length) return;
    const stmt = this.db.prepare(
      'INSERT INTO feed_items (feed_url, item_key, story_id, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (let i = 0; i < keys.length; i += 100) {
      await this.db.batch(keys.slice(i, i + 100).map((k) => stmt.bind(feedUrl, k, storyId, at)));
    }
  }

  /** Write one poll's outcome, creating the feed's row on its first poll. */
  async recordPoll(url: string, p: PollRecord): Promise<void> {
    const v = p.validators;
    await this.db
      .prepare(
        `INSERT INTO feeds (url, etag, last_modified, primed_at, last_polled_at, last_status, last_http_status, last_error,
           last_ok_at, title, format, items_seen, stories_created)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (url) DO UPDATE SET
           etag = CASE WHEN ?14 THEN ?2 ELSE etag END,
           last_modified = CASE WHEN ?14 THEN ?3 ELSE last_modified END,
           primed_at = COALESCE(primed_at, ?4),
           last_polled_at = ?5, last_status = ?6, last_http_status = ?7, last_error = ?8,
           last_ok_at = COALESCE(?9, last_ok_at),
           title = COALESCE(?10, title), format = COALESCE(?11, format),
           items_seen = items_seen + ?12, stories_created = stories_created + ?13`,
      )
      .bind(
        url,
        v?.etag ?? null,
        v?.lastModified ?? null,
        p.primed ? p.at : null,
        p.at,
        p.status,
        p.httpStatus,
        p.error,
        p.status === 'error' ? null : p.at,
        p.title ?? null,
        p.format ?? null,
        p.newItems ?? 0,
        p.newStories ?? 0,
        v ? 1 : 0,
      )
      .run();
  }
}
