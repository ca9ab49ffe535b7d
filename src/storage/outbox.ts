// D1 outbox: the bot's posting rows and their state transitions. Every transition is one guarded SQL statement,
// its states taken from the one table of transitions (outbox-machine.ts).

import { decodeCursor, encodeCursor } from './cursor.ts';
import { countsAgainstCap, type OutboxState, sqlStates } from './outbox-machine.ts';

export { isDue, OUTBOX_STATES, type OutboxState } from './outbox-machine.ts';
export type CheckCause = 'ambiguous' | 'duplicate';

export interface OutboxRow {
  id: string;
  storyId: string;
  platform: string;
  account: string;
  state: OutboxState;
  text: string;
  /** The link the text carries (the article URL with campaign parameters); null for rows made before links. */
  link: string | null;
  cardHash: string;
  attempts: number;
  nextAttemptAt: number | null;
  leaseUntil: number | null;
  leaseToken: string | null;
  needsCheck: CheckCause | null;
  firstAttemptAt: number | null;
  platformPostId: string | null;
  postUrl: string | null;
  lastError: string | null;
  postedAt: number | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  story_id: string;
  platform: string;
  account: string;
  state: OutboxState;
  text: string;
  link: string | null;
  card_hash: string;
  attempts: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  lease_token: string | null;
  needs_check: CheckCause | null;
  first_attempt_at: number | null;
  platform_post_id: string | null;
  post_url: string | null;
  last_error: string | null;
  posted_at: number | null;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: Row): OutboxRow => ({
  id: r.id,
  storyId: r.story_id,
  platform: r.platform,
  account: r.account,
  state: r.state,
  text: r.text,
  link: r.link,
  cardHash: r.card_hash,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  leaseUntil: r.lease_until,
  leaseToken: r.lease_token,
  needsCheck: r.needs_check,
  firstAttemptAt: r.first_attempt_at,
  platformPostId: r.platform_post_id,
  postUrl: r.post_url,
  lastError: r.last_error,
  postedAt: r.posted_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewOutboxRow {
  storyId: string;
  platform: string;
  account: string;
  text: string;
  link: string;
  cardHash: string;
  /** live → queued, review → review (waits for an editor), dry-run → a record that never moves. */
  state: 'queued' | 'review' | 'dry-run';
  /** Shown as the row's lastError from the start: a dry-run row for a platform without credentials says so. */
  note?: string;
  /** A queued row's first attempt waits this long (POST_DELAY_MINUTES: the editor's window). */
  delayMs?: number;
}

export interface ClaimOptions {
  now: number;
  leaseMs: number;
  cap: number;
  dayStart: number;
}

/** A row waiting to go, as the desk's schedule (src/bot/schedule.ts) sees it. */
export interface WaitingRow {
  id: string;
  state: OutboxState;
  createdAt: number;
  /** Not before: next_attempt_at (queued, failed), or when the lease ran out (a posting row to take over). */
  readyAt: number;
  attempts: number;
}

/** One account's posting, for the schedule: today's count against the cap, its last post, and the rows waiting. */
export interface AccountActivity {
  /** Posts counted against the daily cap since `dayStart` (countsAgainstCap). */
  today: number;
  /** The newest post's time; `now` while one is being posted. Null: none yet. */
  lastPostAt: number | null;
  /** Due or future rows of the account: queued, failed, and posting rows whose lease ran out. */
  waiting: WaitingRow[];
}

/**
 * What the outbox state machine (src/bot/outbox.ts) needs from a store. D1 here; the CLI's file-backed store
 * (src/publish/memory.ts) keeps the same rules, both taking their guards from outbox-machine.ts, and one contract
 * suite (tests/contract/outbox-contract.ts) runs against both. Every change an attempt makes names its lease token,
 * and changes nothing (false) once another attempt has taken the row over: the fence.
 */
export interface Outbox {
  get(id: string): Promise<OutboxRow | null>;
  claim(id: string, c: ClaimOptions): Promise<OutboxRow | null>;
  /** Extend the lease of the attempt holding `token`; false when that attempt no longer holds the row. */
  renew(id: string, token: string, c: { now: number; leaseMs: number }): Promise<boolean>;
  countToday(row: OutboxRow, dayStart: number, now: number): Promise<number>;
  markPosted(
    id: string,
    token: string,
    p: { platformPostId: string; url: string; attempts: number; now: number },
  ): Promise<boolean>;
  reschedule(
    id: string,
    token: string,
    r: { at: number; error: string; attempts: number; needsCheck: CheckCause | null; now: number },
  ): Promise<boolean>;
  markDead(
    id: string,
    token: string,
    r: { reason: string; attempts: number; needsCheck: CheckCause | null; now: number },
  ): Promise<boolean>;
  defer(id: string, until: number, reason: string, now: number): Promise<boolean>;
  /**
   * The post may exist and the platform cannot tell (Telegram): back to review with `note`, no check pending, so an
   * editor's approval means "it is not there, post it" and a skip "it is there". Only the lease holder may.
   */
  hold(id: string, token: string, r: { note: string; attempts: number; now: number }): Promise<boolean>;
  /** The account's activity the desk's schedule reads (src/bot/schedule.ts). */
  activity(platform: string, account: string, dayStart: number, now: number): Promise<AccountActivity>;
}

/** The editor's and the sweep's transitions too: what /api/posts and the CLI use, and the contract suite checks. */
export interface FullOutbox extends Outbox {
  /** Rows to (re)enqueue: claimable now, oldest due first. */
  due(now: number, limit: number): Promise<string[]>;
  requeue(id: string, now: number): Promise<OutboxRow | null>;
  approve(id: string, now: number): Promise<OutboxRow | null>;
  /** Review mode without credentials: the approved row becomes the dry-run record of what would have been sent. */
  approveAsDryRun(id: string, now: number): Promise<OutboxRow | null>;
  skip(id: string, now: number): Promise<OutboxRow | null>;
  editText(id: string, text: string, now: number): Promise<OutboxRow | null>;
}

/** The rows waiting to go and the account's last post, from its rows: both stores' `activity`. */
export function activityOf(rows: readonly OutboxRow[], dayStart: number, now: number): AccountActivity {
  let lastPostAt: number | null = null;
  const waiting: WaitingRow[] = [];
  let today = 0;
  for (const r of rows) {
    if (countsAgainstCap(r, dayStart, now)) today++;
    const at = r.state === 'posted' ? r.postedAt : r.state === 'posting' && (r.leaseUntil ?? 0) >= now ? now : null;
    if (at !== null && (lastPostAt === null || at > lastPostAt)) lastPostAt = at;
    const readyAt = r.state === 'posting' ? ((r.leaseUntil ?? 0) < now ? r.leaseUntil : null) : r.nextAttemptAt;
    if ((r.state === 'queued' || r.state === 'failed' || r.state === 'posting') && readyAt !== null)
      waiting.push({ id: r.id, state: r.state, createdAt: Date.parse(r.createdAt), readyAt, attempts: r.attempts });
  }
  return { today, lastPostAt, waiting };
}

/** Rows a consumer may claim at `now`: due queued/failed rows, and posting rows whose lease ran out (isDue in SQL). */
const CLAIMABLE = `((state IN ('queued', 'failed') AND next_attempt_at <= ?1) OR (state = 'posting' AND lease_until < ?1))`;

export const iso = (ms: number) => new Date(ms).toISOString();

export class OutboxStore implements FullOutbox {
  private readonly db: D1Database;
  constructor(db: D1Database) {
    this.db = db;
  }

  /** The insert of one new row, for a batch: a row that exists (same platform, account, story) is left as it is. */
  insertStatement(r: NewOutboxRow, now: number): D1PreparedStatement {
    return this.db
      .prepare(
        `INSERT INTO outbox (id, story_id, platform, account, state, text, link, card_hash, next_attempt_at,
           last_error, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, account, story_id) DO NOTHING`,
      )
      .bind(
        crypto.randomUUID(),
        r.storyId,
        r.platform,
        r.account,
        r.state,
        r.text,
        r.link,
        r.cardHash,
        r.state === 'queued' ? now + (r.delayMs ?? 0) : null,
        r.note ?? null,
        iso(now),
        iso(now),
      );
  }

  async get(id: string): Promise<OutboxRow | null> {
    const row = await this.db.prepare('SELECT * FROM outbox WHERE id = ?').bind(id).first<Row>();
    return row ? fromRow(row) : null;
  }

  async forStory(storyId: string): Promise<OutboxRow[]> {
    const { results } = await this.db
      .prepare('SELECT * FROM outbox WHERE story_id = ? ORDER BY platform, account')
      .bind(storyId)
      .all<Row>();
    return results.map(fromRow);
  }

  /** Newest first, keyset-paged like the stories list; optionally some states or one story. */
  async list(opts: { limit: number; cursor?: string; state?: OutboxState[]; storyId?: string }) {
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.state?.length) {
      where.push(`state IN (${opts.state.map(() => '?').join(', ')})`);
      args.push(...opts.state);
    }
    if (opts.storyId) where.push('story_id = ?') && args.push(opts.storyId);
    if (opts.cursor) {
      where.push('(created_at, id) < (?, ?)');
      args.push(...decodeCursor(opts.cursor));
    }
    const sql = `SELECT * FROM outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY created_at DESC, id DESC LIMIT ?`;
    const { results } = await this.db
      .prepare(sql)
      .bind(...args, opts.limit + 1)
      .all<Row>();
    const items = results.slice(0, opts.limit).map(fromRow);
    const last = items.at(-1);
    const nextCursor = results.length > opts.limit && last ? encodeCursor(last.createdAt, last.id) : null;
    return { items, nextCursor };
  }

  /**
   * Claim a row for one attempt, atomically (one UPDATE; D1 runs statements one at a time), so a message delivered
   * twice or two consumers at once cannot both post. Claims only a claimable row, and only while the account has
   * posted (or is posting) fewer than `cap` posts since `dayStart`. A row taken over from an expired lease may have
   * been posted by its holder: it is marked for a check first, and the new token fences the old attempt out.
   */
  async claim(id: string, c: ClaimOptions) {
    const token = crypto.randomUUID();
    const row = await this.db
      .prepare(
        `UPDATE outbox SET
           needs_check = CASE WHEN state = 'posting' THEN COALESCE(needs_check, 'ambiguous') ELSE needs_check END,
           state = 'posting', lease_until = ?2, lease_token = ?3,
           first_attempt_at = COALESCE(first_attempt_at, ?1), updated_at = ?4
         WHERE id = ?5 AND ${CLAIMABLE}
           AND (SELECT COUNT(*) FROM outbox o
                WHERE o.platform = outbox.platform AND o.account = outbox.account AND o.id != outbox.id
                  AND ((o.state = 'posted' AND o.posted_at >= ?6) OR (o.state = 'posting' AND o.lease_until >= ?1))
               ) < ?7
         RETURNING *`,
      )
      .bind(c.now, c.now + c.leaseMs, token, iso(c.now), id, c.dayStart, c.cap)
      .first<Row>();
    return row ? fromRow(row) : null;
  }

  async renew(id: string, token: string, c: { now: number; leaseMs: number }): Promise<boolean> {
    const res = await this.db
      .prepare(
        `UPDATE outbox SET lease_until = ?, updated_at = ? WHERE id = ? AND state = 'posting' AND lease_token = ?`,
      )
      .bind(c.now + c.leaseMs, iso(c.now), id, token)
      .run();
    return res.meta.changes > 0;
  }

  /** Posts the row's account made since `dayStart` or is making now, other than this row: what the cap counts. */
  async countToday(row: OutboxRow, dayStart: number, now: number): Promise<number> {
    const r = await this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM outbox WHERE platform = ? AND account = ? AND id != ?
           AND ((state = 'posted' AND posted_at >= ?) OR (state = 'posting' AND lease_until >= ?))`,
      )
      .bind(row.platform, row.account, row.id, dayStart, now)
      .first<{ n: number }>();
    return r?.n ?? 0;
  }

  /** Every account's posts since `dayStart` (and in flight): the outbox view's "today against the cap". */
  async today(dayStart: number, now: number) {
    const { results } = await this.db
      .prepare(
        `SELECT platform, account, state, text FROM outbox
         WHERE (state = 'posted' AND posted_at >= ?) OR (state = 'posting' AND lease_until >= ?)`,
      )
      .bind(dayStart, now)
      .all<{ platform: string; account: string; state: 'posted' | 'posting'; text: string }>();
    return results;
  }

  /** The post exists and this attempt still holds the row: record it. False when another attempt took over. */
  async markPosted(
    id: string,
    token: string,
    p: { platformPostId: string; url: string; attempts: number; now: number },
  ) {
    const res = await this.db
      .prepare(
        `UPDATE outbox SET state = 'posted', platform_post_id = ?, post_url = ?, posted_at = ?, attempts = ?,
           needs_check = NULL, lease_until = NULL, lease_token = NULL, next_attempt_at = NULL, updated_at = ?
         WHERE id = ? AND state = 'posting' AND lease_token = ?`,
      )
      .bind(p.platformPostId, p.url, p.now, p.attempts, iso(p.now), id, token)
      .run();
    return res.meta.changes > 0;
  }

  /** Try again at `at` (state failed); `needsCheck` set: look for the post first. Only the lease holder may. */
  async reschedule(
    id: string,
    token: string,
    r: { at: number; error: string; attempts: number; needsCheck: CheckCause | null; now: number },
  ): Promise<boolean> {
    const res = await this.db
      .prepare(
        `UPDATE outbox SET state = 'failed', next_attempt_at = ?, last_error = ?, attempts = ?, needs_check = ?,
           lease_until = NULL, lease_token = NULL, updated_at = ?
         WHERE id = ? AND state = 'posting' AND lease_token = ?`,
      )
      .bind(r.at, r.error, r.attempts, r.needsCheck, iso(r.now), id, token)
      .run();
    return res.meta.changes > 0;
  }

  /** Give up, with the reason; POST /api/posts/:id/retry brings it back. Only the lease holder may. */
  async markDead(
    id: string,
    token: string,
    r: { reason: string; attempts: number; needsCheck: CheckCause | null; now: number },
  ) {
    const res = await this.db
      .prepare(
        `UPDATE outbox SET state = 'dead', last_error = ?, attempts = ?, needs_check = ?, next_attempt_at = NULL,
           lease_until = NULL, lease_token = NULL, updated_at = ?
         WHERE id = ? AND state = 'posting' AND lease_token = ?`,
      )
      .bind(r.reason, r.attempts, r.needsCheck, iso(r.now), id, token)
      .run();
    return res.meta.changes > 0;
  }

  async hold(id: string, token: string, r: { note: string; attempts: number; now: number }) {
    const res = await this.db
      .prepare(
        `UPDATE outbox SET state = 'review', last_error = ?, attempts = ?, needs_check = NULL, next_attempt_at = NULL,
           lease_until = NULL, lease_token = NULL, updated_at = ?
         WHERE id = ? AND state = 'posting' AND lease_token = ?`,
      )
      .bind(r.note, r.attempts, iso(r.now), id, token)
      .run();
    return res.meta.changes > 0;
  }

  /**
   * Over the daily cap: not before `until` (the next UTC day); attempts stay as they are. A posting row whose lease
   * ran out becomes failed with a pending check (its holder may have posted). Only a row nobody holds (claimable)
   * moves, so no live attempt is disturbed. False: the row was not waiting.
   */
  async defer(id: string, until: number, reason: string, now: number): Promise<boolean> {
    const res = await this.db
      .prepare(
        `UPDATE outbox SET
           needs_check = CASE WHEN state = 'posting' THEN COALESCE(needs_check, 'ambiguous') ELSE needs_check END,
           state = CASE WHEN state = 'posting' THEN 'failed' ELSE state END,
           lease_until = NULL, lease_token = NULL,
           next_attempt_at = MAX(COALESCE(next_attempt_at, 0), ?1), last_error = ?2, updated_at = ?3
         WHERE id = ?4 AND ${CLAIMABLE.replaceAll('?1', '?5')}`,
      )
      .bind(until, reason, iso(now), id, now)
      .run();
    return res.meta.changes > 0;
  }

  /** The account's rows that are posted, being posted or waiting: what the schedule reads (activityOf). */
  async activity(platform: string, account: string, dayStart: number, now: number): Promise<AccountActivity> {
    const { results } = await this.db
      .prepare(
        `SELECT * FROM outbox WHERE platform = ? AND account = ?
           AND (state IN ('queued', 'failed', 'posting')
                OR (state = 'posted' AND posted_at = (SELECT MAX(posted_at) FROM outbox o
                                                      WHERE o.platform = outbox.platform AND o.account = outbox.account))
                OR (state = 'posted' AND posted_at >= ?))`,
      )
      .bind(platform, account, dayStart)
      .all<Row>();
    return activityOf(results.map(fromRow), dayStart, now);
  }

  /** Rows to (re)enqueue: claimable now, oldest due first. */
  async due(now: number, limit: number): Promise<string[]> {
    const { results } = await this.db
      .prepare(`SELECT id FROM outbox WHERE ${CLAIMABLE} ORDER BY COALESCE(next_attempt_at, lease_until) LIMIT ?2`)
      .bind(now, limit)
      .all<{ id: string }>();
    return results.map((r) => r.id);
  }

  /**
   * POST /api/posts/:id/retry: a failed or dead row is queued again now with a fresh attempt budget. A pending check
   * stays pending: a row that may have been posted is looked for before it is posted again.
   */
  async requeue(id: string, now: number): Promise<OutboxRow | null> {
    return this.move(id, 'requeue', `state = 'queued', next_attempt_at = ?1, attempts = 0`, now);
  }

  /** An editor's approval (BOT_MODE=review): the row is queued now. Only a row still waiting for review. */
  async approve(id: string, now: number): Promise<OutboxRow | null> {
    return this.move(id, 'approve', `state = 'queued', next_attempt_at = ?1`, now);
  }

  /**
   * An editor's approval of a row no account can send (review mode without credentials): it becomes the dry-run
   * record of what would have been sent, its text as approved, and never moves again.
   */
  async approveAsDryRun(id: string, now: number): Promise<OutboxRow | null> {
    return this.move(id, 'approveAsDryRun', `state = 'dry-run', next_attempt_at = NULL`, now);
  }

  /** An editor drops the post: it is never sent. Only a row nobody is posting (review, queued, failed, dead). */
  async skip(id: string, now: number): Promise<OutboxRow | null> {
    return this.move(id, 'skip', `state = 'skipped', next_attempt_at = NULL`, now);
  }

  /**
   * An editor's new text, while the row waits for review or for its first attempt (the editor's window): nothing
   * was sent, so no check can be looking for the old text.
   */
  async editText(id: string, text: string, now: number): Promise<OutboxRow | null> {
    const row = await this.db
      .prepare(
        `UPDATE outbox SET text = ?1, updated_at = ?2
         WHERE id = ?3 AND state IN (${sqlStates('editText')}) AND first_attempt_at IS NULL RETURNING *`,
      )
      .bind(text, iso(now), id)
      .first<Row>();
    return row ? fromRow(row) : null;
  }

  private async move(id: string, t: 'requeue' | 'approve' | 'approveAsDryRun' | 'skip', set: string, now: number) {
    const row = await this.db
      .prepare(
        `UPDATE outbox SET ${set}, updated_at = ?2
         WHERE id = ?3 AND state IN (${sqlStates(t)}) RETURNING *`,
      )
      .bind(now, iso(now), id)
      .first<Row>();
    return row ? fromRow(row) : null;
  }
}
