// Stories and outbox rows in memory, with the D1 stores' rules: the CLI's `storycard post` keeps it in a state file.
import {
  activityOf,
  type CheckCause,
  type ClaimOptions,
  type FullOutbox,
  iso,
  type NewOutboxRow,
  type OutboxRow,
} from '../storage/outbox.ts';
import { accepts, countsAgainstCap, isDue } from '../storage/outbox-machine.ts';
import type { StoryWrite } from '../storage/stories.ts';
import { canonicalUrl } from '../story/slug.ts';
import { type Entered, type PublishStore, SlugTaken, UrlTaken } from './index.ts';

export interface MemoryState {
  version: 2;
  stories: Entered[];
  outbox: OutboxRow[];
}

/**
 * The same guarded transitions as src/storage/outbox.ts, from the same table (src/storage/outbox-machine.ts), and the same
 * all-or-nothing entry as src/publish/d1.ts, over plain arrays. `persist` runs after every change, before the change
 * is reported: the CLI writes the state file there, so a post is never sent on a claim that was not saved.
 */
export class MemoryStore {
  readonly publish: PublishStore;
  readonly outbox: FullOutbox;

  readonly state: MemoryState;
  private readonly persist: (state: MemoryState) => Promise<void>;

  constructor(state: MemoryState, persist: (state: MemoryState) => Promise<void> = async () => {}) {
    this.state = state;
    this.persist = persist;
    this.publish = {
      byUrl: (url) => this.byUrl(url),
      get: async (id) => this.state.stories.find((s) => s.id === id) ?? null,
      // The CLI renders its cards itself from the story: there is no registry to repair.
      hasCard: async () => true,
      postsOf: (storyId) => this.postsOf(storyId),
      commit: (w, now) => this.commit(w, now),
    };
    this.outbox = {
      get: async (id) => (this.row(id) ? { ...this.row(id)! } : null),
      claim: (id, c) => this.claim(id, c),
      renew: (id, token, c) => this.renew(id, token, c),
      countToday: async (row, dayStart, now) => this.othersToday(row, dayStart, now),
      markPosted: (id, token, p) => this.markPosted(id, token, p),
      reschedule: (id, token, r) => this.reschedule(id, token, r),
      markDead: (id, token, r) => this.markDead(id, token, r),
      defer: (id, until, reason, now) => this.defer(id, until, reason, now),
      hold: (id, token, r) => this.hold(id, token, r),
      activity: async (platform, account, dayStart, now) =>
        activityOf(
          this.state.outbox.filter((r) => r.platform === platform && r.account === account),
          dayStart,
          now,
        ),
      due: async (now, limit) =>
        this.state.outbox
          .filter((r) => isDue(r, now))
          .sort((a, b) => (a.nextAttemptAt ?? a.leaseUntil ?? 0) - (b.nextAttemptAt ?? b.leaseUntil ?? 0))
          .slice(0, limit)
          .map((r) => r.id),
      requeue: (id, now) => this.move(id, 'requeue', { state: 'queued', nextAttemptAt: now, attempts: 0 }, now),
      approve: (id, now) => this.move(id, 'approve', { state: 'queued', nextAttemptAt: now }, now),
      approveAsDryRun: (id, now) => this.move(id, 'approveAsDryRun', { state: 'dry-run', nextAttemptAt: null }, now),
      skip: (id, now) => this.move(id, 'skip', { state: 'skipped', nextAttemptAt: null }, now),
      editText: async (id, text, now) => {
        const row = this.row(id);
        if (!row || !accepts('editText', row.state) || row.firstAttemptAt !== null) return null;
        Object.assign(row, { text, updatedAt: iso(now) });
        return this.changed({ ...row });
      },
    };
  }

  private row(id: string) {
    return this.state.outbox.find((r) => r.id === id);
  }

  private async changed<T>(value: T): Promise<T> {
    await this.persist(this.state);
    return value;
  }

  // ---- PublishStore ----

  private async byUrl(url: string) {
    const key = canonicalUrl(url);
    return this.state.stories.find((s) => s.story.url !== undefined && canonicalUrl(s.story.url) === key) ?? null;
  }

  private async postsOf(storyId: string) {
    return this.state.outbox
      .filter((r) => r.storyId === storyId)
      .map((r) => ({ ...r }))
      .sort((a, b) => (a.platform + a.account < b.platform + b.account ? -1 : 1));
  }

  private async commit(w: Parameters<PublishStore['commit']>[0], now: number): Promise<void> {
    if (w.story) {
      if (await this.byUrl(w.story.write.story.url)) throw new UrlTaken('article URL taken');
      if (this.state.stories.some((s) => s.slug === w.story!.slug)) throw new SlugTaken('slug taken');
    }
    const at = iso(now);
    if (w.story) {
      const { id, slug, write, botMode } = w.story;
      this.state.stories.push({ ...recordOf(id, slug, write, at), botMode });
    }
    for (const p of w.posts) this.insert(p, now);
    await this.changed(undefined);
  }

  private insert(p: NewOutboxRow, now: number) {
    const exists = this.state.outbox.some(
      (r) => r.platform === p.platform && r.account === p.account && r.storyId === p.storyId,
    );
    if (exists) return;
    this.state.outbox.push({
      id: crypto.randomUUID(),
      storyId: p.storyId,
      platform: p.platform,
      account: p.account,
      state: p.state,
      text: p.text,
      link: p.link,
      cardHash: p.cardHash,
      attempts: 0,
      nextAttemptAt: p.state === 'queued' ? now + (p.delayMs ?? 0) : null,
      leaseUntil: null,
      leaseToken: null,
      needsCheck: null,
      firstAttemptAt: null,
      platformPostId: null,
      postUrl: null,
      // The row's note (a dry-run row without credentials, a hold) shows from the start, as in D1.
      lastError: p.note ?? null,
      postedAt: null,
      createdAt: iso(now),
      updatedAt: iso(now),
    });
  }

  // ---- Outbox ----

  private othersToday(row: OutboxRow, dayStart: number, now: number) {
    return this.state.outbox.filter(
      (o) =>
        o.platform === row.platform &&
        o.account === row.account &&
        o.id !== row.id &&
        countsAgainstCap(o, dayStart, now),
    ).length;
  }

  private async claim(id: string, c: ClaimOptions) {
    const row = this.row(id);
    if (!row || !isDue(row, c.now) || this.othersToday(row, c.dayStart, c.now) >= c.cap) return null;
    if (row.state === 'posting') row.needsCheck ??= 'ambiguous';
    Object.assign(row, {
      state: 'posting',
      leaseUntil: c.now + c.leaseMs,
      leaseToken: crypto.randomUUID(),
      firstAttemptAt: row.firstAttemptAt ?? c.now,
      updatedAt: iso(c.now),
    });
    return this.changed({ ...row });
  }

  private held(id: string, token: string) {
    const row = this.row(id);
    return row?.state === 'posting' && row.leaseToken === token ? row : undefined;
  }

  private async renew(id: string, token: string, c: { now: number; leaseMs: number }) {
    const row = this.held(id, token);
    if (!row) return false;
    Object.assign(row, { leaseUntil: c.now + c.leaseMs, updatedAt: iso(c.now) });
    return this.changed(true);
  }

  private async markPosted(
    id: string,
    token: string,
    p: { platformPostId: string; url: string; attempts: number; now: number },
  ) {
    const row = this.held(id, token);
    if (!row) return false;
    Object.assign(row, {
      state: 'posted',
      platformPostId: p.platformPostId,
      postUrl: p.url,
      postedAt: p.now,
      attempts: p.attempts,
      ...released(p.now),
    });
    return this.changed(true);
  }

  private async reschedule(
    id: string,
    token: string,
    r: { at: number; error: string; attempts: number; needsCheck: CheckCause | null; now: number },
  ) {
    const row = this.held(id, token);
    if (!row) return false;
    Object.assign(row, {
      ...released(r.now),
      state: 'failed',
      nextAttemptAt: r.at,
      lastError: r.error,
      attempts: r.attempts,
      needsCheck: r.needsCheck,
    });
    return this.changed(true);
  }

  private async markDead(
    id: string,
    token: string,
    r: { reason: string; attempts: number; needsCheck: CheckCause | null; now: number },
  ) {
    const row = this.held(id, token);
    if (!row) return false;
    Object.assign(row, {
      ...released(r.now),
      state: 'dead',
      lastError: r.reason,
      attempts: r.attempts,
      needsCheck: r.needsCheck,
    });
    return this.changed(true);
  }

  private async hold(id: string, token: string, r: { note: string; attempts: number; now: number }) {
    const row = this.held(id, token);
    if (!row) return false;
    Object.assign(row, { ...released(r.now), state: 'review', lastError: r.note, attempts: r.attempts });
    return this.changed(true);
  }

  private async defer(id: string, until: number, reason: string, now: number) {
    const row = this.row(id);
    if (!row || !isDue(row, now)) return false;
    if (row.state === 'posting') Object.assign(row, { state: 'failed', needsCheck: row.needsCheck ?? 'ambiguous' });
    Object.assign(row, {
      leaseUntil: null,
      leaseToken: null,
      nextAttemptAt: Math.max(row.nextAttemptAt ?? 0, until),
      lastError: reason,
      updatedAt: iso(now),
    });
    return this.changed(true);
  }

  /** requeue (a fresh attempt budget; a pending check stays pending), approve, skip: an editor's moves. */
  private async move(
    id: string,
    t: 'requeue' | 'approve' | 'approveAsDryRun' | 'skip',
    set: Partial<OutboxRow>,
    now: number,
  ) {
    const row = this.row(id);
    if (!row || !accepts(t, row.state)) return null;
    Object.assign(row, set, { updatedAt: iso(now) });
    return this.changed({ ...row });
  }
}

const released = (now: number) => ({
  leaseUntil: null,
  leaseToken: null,
  nextAttemptAt: null,
  needsCheck: null,
  updatedAt: iso(now),
});

function recordOf(id: string, slug: string, w: StoryWrite, at: string) {
  return {
    id,
    slug,
    story: w.story,
    template: w.template,
    theme: w.theme,
    cardHash: w.cardHash,
    createdAt: at,
    updatedAt: at,
  };
}
