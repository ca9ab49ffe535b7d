// D1 stories: the records behind share pages and the stories API. SQL lives here and nowhere else.

import type { Theme } from '../render/types.ts';
import type { Story } from '../story/schema.ts';
import { canonicalUrl } from '../story/slug.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

export interface StoryRecord {
  id: string;
  slug: string;
  story: Story;
  template: string | undefined;
  theme: Partial<Theme> | undefined;
  cardHash: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  slug: string;
  url_key: string;
  story: string;
  template: string | null;
  theme: string | null;
  card_hash: string;
  created_at: string;
  updated_at: string;
}

export interface StoryWrite {
  story: Story & { url: string };
  template: string | undefined;
  theme: Partial<Theme> | undefined;
  cardHash: string;
}

const fromRow = (r: Row): StoryRecord => ({
  id: r.id,
  slug: r.slug,
  story: JSON.parse(r.story) as Story,
  template: r.template ?? undefined,
  theme: r.theme ? (JSON.parse(r.theme) as Partial<Theme>) : undefined,
  cardHash: r.card_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const isUniqueViolation = (e: unknown, column: string) =>
  e instanceof Error && /UNIQUE constraint failed/i.test(e.message) && e.message.includes(column);

export class StoryStore {
  private readonly db: D1Database;
  constructor(db: D1Database) {
    this.db = db;
  }

  async get(id: string): Promise<StoryRecord | null> {
    const row = await this.db.prepare('SELECT * FROM stories WHERE id = ?').bind(id).first<Row>();
    return row ? fromRow(row) : null;
  }

  async bySlug(slug: string): Promise<StoryRecord | null> {
    const row = await this.db.prepare('SELECT * FROM stories WHERE slug = ?').bind(slug).first<Row>();
    return row ? fromRow(row) : null;
  }

  /**
   * The one story whose slug ends in this suffix (the slug's random part), when exactly one does: a share URL whose
   * words differ (an older spelling of the slug, a client that re-cased or re-encoded it) still finds its story.
   */
  async bySuffix(suffix: string): Promise<StoryRecord | null> {
    const { results } = await this.db
      .prepare(`SELECT * FROM stories WHERE slug = ?1 OR slug LIKE ?2 LIMIT 2`)
      .bind(suffix, `%-${suffix}`)
      .all<Row>();
    return results.length === 1 ? fromRow(results[0]!) : null;
  }

  async byUrl(url: string): Promise<StoryRecord | null> {
    const row = await this.db.prepare('SELECT * FROM stories WHERE url_key = ?').bind(canonicalUrl(url)).first<Row>();
    return row ? fromRow(row) : null;
  }

  /**
   * The insert of a new story, for a batch (src/publish/): fails on a slug or canonical URL already taken
   * (`isUniqueViolation`), which rolls the whole batch back. `botMode` records what the bot was told at entry.
   */
  insertStatement(id: string, slug: string, w: StoryWrite, botMode: string, now: number): D1PreparedStatement {
    const at = new Date(now).toISOString();
    return this.db
      .prepare(
        `INSERT INTO stories (id, slug, url_key, story, template, theme, card_hash, created_at, updated_at, bot_mode)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(id, slug, canonicalUrl(w.story.url), ...this.payload(w), at, at, botMode);
  }

  /** Replace a story's content (PUT), for a batch. The slug stays: share URLs already posted keep working. */
  updateStatement(id: string, w: StoryWrite, now: number): D1PreparedStatement {
    return this.db
      .prepare(
        `UPDATE stories SET url_key = ?1, story = ?2, template = ?3, theme = ?4, card_hash = ?5,
           updated_at = CASE WHEN story = ?2 AND template IS ?3 AND theme IS ?4 THEN updated_at ELSE ?6 END
         WHERE id = ?7`,
      )
      .bind(canonicalUrl(w.story.url), ...this.payload(w), new Date(now).toISOString(), id);
  }

  /** What the bot was told when the story entered (null: before that was recorded). */
  async botModeOf(id: string): Promise<string | null> {
    const row = await this.db
      .prepare('SELECT bot_mode FROM stories WHERE id = ?')
      .bind(id)
      .first<{ bot_mode: string | null }>();
    return row?.bot_mode ?? null;
  }

  async setCardHash(id: string, cardHash: string): Promise<void> {
    await this.db.prepare('UPDATE stories SET card_hash = ? WHERE id = ?').bind(cardHash, id).run();
  }

  async delete(id: string): Promise<boolean> {
    const res = await this.db.prepare('DELETE FROM stories WHERE id = ?').bind(id).run();
    return res.meta.changes > 0;
  }

  /** Newest first, keyset-paged: the cursor is the last item's (created_at, id), so inserts never shift pages. */
  async list(limit: number, cursor?: string): Promise<{ items: StoryRecord[]; nextCursor: string | null }> {
    const after = cursor ? decodeCursor(cursor) : null;
    const stmt = after
      ? this.db
          .prepare('SELECT * FROM stories WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?')
          .bind(after[0], after[1], limit + 1)
      : this.db.prepare('SELECT * FROM stories ORDER BY created_at DESC, id DESC LIMIT ?').bind(limit + 1);
    const { results } = await stmt.all<Row>();
    const items = results.slice(0, limit).map(fromRow);
    const last = items.at(-1);
    return { items, nextCursor: results.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
  }

  async ping(): Promise<void> {
    await this.db.prepare('SELECT 1').first();
  }

  private payload(w: StoryWrite): [string, string | null, string | null, string] {
    return [JSON.stringify(w.story), w.template ?? null, w.theme ? JSON.stringify(w.theme) : null, w.cardHash];
  }
}
