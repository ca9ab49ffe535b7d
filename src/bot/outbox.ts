// The outbox state machine: claim → (check) → post → record, per row, every step fenced by the attempt's lease token.
import { type CheckCause, isDue, type Outbox, type OutboxRow } from '../storage/outbox.ts';
import type { Story } from '../story/schema.ts';
import { postInputFor } from './posters.ts';
import { recordKeyFor } from './record-key.ts';
import {
  afterLookup,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  type NextStep,
  nextStep,
  nextUtcDay,
  type RetryPolicy,
} from './retry.ts';
import { type DeskSchedule, describeSlot, NO_SCHEDULE, slotsOf } from './schedule.ts';
import type { Platform, Poster } from './types.ts';

/**
 * How long a claim holds before another consumer may take the row over. An attempt renews it while it works (every
 * third of it, and right before each request that could publish), so only an attempt that stalled loses it; the
 * stalled attempt is fenced out (its token no longer matches) and sends nothing when it wakes.
 */
export const LEASE_MS = 10 * 60_000;

/**
 * The card each platform gets: X shows 2:1 images uncropped; Bluesky's link card, Mastodon, Telegram, Threads and
 * Facebook take 1.91:1.
 */
export const CARD_SIZE: Record<Platform, CardSize> = {
  x: 'x',
  bluesky: 'og',
  mastodon: 'og',
  telegram: 'og',
  threads: 'og',
  facebook: 'og',
  // Instagram crops feed images to 4:5 at most and shows Stories 9:16: the portrait and story cards.
  instagram: 'portrait',
  'instagram-story': 'story',
  linkedin: 'og',
};
export type CardSize = 'og' | 'x' | 'portrait' | 'story';

/** The card a post carries for a template: the size asked for (CARD_SIZE), or og where the template draws no such size. */
export function drawnCardSize(size: CardSize, templateSizes: readonly string[]): CardSize {
  return templateSizes.includes(size) ? size : 'og';
}

/** Platforms that fetch the card by URL and take JPEG only (Instagram): they get the JPEG's address. */
const JPEG_ONLY: ReadonlySet<Platform> = new Set(['instagram', 'instagram-story']);

export interface OutboxDeps {
  store: Outbox;
  /** One poster per enabled platform, kept for the isolate's life. */
  posters: Partial<Record<Platform, Poster>>;
  /** Daily cap per platform account (Config.dailyCaps). */
  caps: Partial<Record<Platform, number>>;
  /** The desk's schedule (Config.schedule): delay, quiet hours, spacing. None: posts go when due, up to the cap. */
  schedule?: DeskSchedule;
  loadStory(storyId: string): Promise<Story | null>;
  /**
   * The card at a content address and size in the auto format (PNG, or JPEG when a PNG would pass the size's weight
   * budget: so Bluesky's 1,000,000-byte limit always holds); null if the address is unknown.
   */
  loadCard(cardHash: string, size: CardSize): Promise<LoadedCard | null>;
  now(): number;
  policy?: Partial<RetryPolicy>;
  leaseMs?: number;
}

/** A card for a post. `complete: false`: drawn without the story's image (its host failed), the brand fallback. */
export interface LoadedCard {
  bytes: Uint8Array;
  type: 'image/png' | 'image/jpeg';
  /** Its public URL (PUBLIC_BASE_URL), for platforms that fetch the image themselves (Threads, Instagram). */
  url?: string;
  /** The same card as a JPEG at its content address (rendered on first fetch), for Instagram. */
  jpegUrl?: string;
  complete?: boolean;
}

/**
 * Attempts that wait for the story's image before a post goes out with the fallback card instead. A post keeps its
 * card forever (unlike the share page, whose card is drawn again), so a photo host that is down for a minute should
 * not cost the post its photo; one that stays down must not cost the post either. With the default backoff these
 * waits span a few minutes.
 */
export const INCOMPLETE_CARD_ATTEMPTS = 3;

export type Outcome =
  /** `found`: an earlier attempt's post, found by the check (this attempt sent nothing). */
  | { kind: 'posted'; platformPostId: string; url: string; found?: boolean }
  | { kind: 'dead'; reason: string }
  /** The post may exist and the platform cannot say: the row waits in review for an editor (Telegram). */
  | { kind: 'held'; reason: string }
  /**
   * Not finished: come back at `at` (a retry, a check, the daily cap, or another consumer's lease). `requeue`: this
   * call set that time, so it (and only it) should schedule the next attempt; a duplicate delivery must not multiply.
   */
  | { kind: 'wait'; at: number; reason: string; requeue: boolean }
  /** Nothing to do for this row: gone, already settled, a dry-run record, or another attempt took it over. */
  | { kind: 'skip'; reason: string };

/** This attempt no longer holds the row: another took it over after the lease ran out. It must change nothing. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

const LEASE_LOST = 'another attempt took the row over after this one outlived its lease; that attempt decides';

/** The Bluesky record key of a row: the same for every attempt, so only one record can land. */
export const recordKeyOf = (row: OutboxRow) => recordKeyFor(row.id, Date.parse(row.createdAt));

/** One attempt at one row. Safe to call any number of times, concurrently: the claim lets one caller through. */
export async function processRow(id: string, deps: OutboxDeps): Promise<Outcome> {
  const now = deps.now();
  const current = await deps.store.get(id);
  const platform = current?.platform as Platform | undefined;
  const cap = platform ? (deps.caps[platform] ?? 0) : 0;
  const dayStart = nextUtcDay(now) - 86_400_000;
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  if (current && isDue(current, now)) {
    const wait = await scheduled(current, deps, now, cap, dayStart);
    if (wait) return wait;
  }
  const row = await deps.store.claim(id, { now, leaseMs, cap, dayStart });
  if (!row) return notClaimed(id, deps, now, cap);
  const token = row.leaseToken!;
  let lost = false;
  const fence = async () => {
    if (lost || !(await deps.store.renew(row.id, token, { now: deps.now(), leaseMs }))) {
      lost = true;
      throw new LeaseLostError(`outbox ${row.id}: ${LEASE_LOST}`);
    }
  };
  // A slow step (a large upload) keeps the lease; an attempt that stalls stops renewing and is taken over.
  const keepAlive = setInterval(() => fence().catch(() => {}), Math.max(1000, leaseMs / 3));
  try {
    return await attempt(row, token, fence, deps, now);
  } finally {
    clearInterval(keepAlive);
  }
}

async function attempt(
  row: OutboxRow,
  token: string,
  fence: () => Promise<void>,
  deps: OutboxDeps,
  now: number,
): Promise<Outcome> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...deps.policy };
  let cause: CheckCause | null = row.needsCheck;
  let attempts = row.attempts;
  // Set once the create request may have left: from then on any failure (even recording a success) is ambiguous.
  let sent = false;
  try {
    // `return await`: a failure while recording the outcome must land in the catch below, not escape it.
    const poster = deps.posters[row.platform as Platform];
    if (!poster)
      return await dead(deps, row, token, `no ${row.platform} credentials are set on this Worker`, attempts, cause);
    const story = await deps.loadStory(row.storyId);
    if (!story) return await dead(deps, row, token, 'the story was deleted before it was posted', attempts, cause);
    const link = row.link ?? story.url;

    if (cause) {
      // An earlier attempt may have published: look for the frozen text and its link before anything else.
      const lookup = await poster.findExisting(row.text, {
        since: row.firstAttemptAt ?? now,
        link,
        // Rows made before record keys (no link recorded) may have been posted at a random key: look by text.
        recordKey: row.link !== null ? recordKeyOf(row) : undefined,
      });
      if (lookup.status === 'unknown') attempts += 1;
      const step = afterLookup(lookup, cause, Math.max(attempts, 1), now, policy);
      if (!(step.action === 'retry' && step.at <= now))
        return await apply(deps, row, token, step, attempts, cause, now);
      cause = null; // checked: not there, post now
    }

    const card = await deps.loadCard(row.cardHash, CARD_SIZE[row.platform as Platform]);
    if (!card)
      return await dead(
        deps,
        row,
        token,
        `the card ${row.cardHash} is unknown (story changed or deleted)`,
        attempts,
        cause,
      );
    if (card.complete === false && attempts + 1 < INCOMPLETE_CARD_ATTEMPTS) {
      attempts += 1;
      const message = `the story's image could not be fetched for the card (attempt ${attempts}); waiting for it`;
      const step = nextStep({ ok: false, kind: 'retryable', message }, attempts, now, policy);
      return await apply(deps, row, token, step, attempts, cause, now);
    }
    // Re-checked right before the platform call: an attempt that lost its lease while rendering sends nothing.
    await fence();
    sent = true;
    const input = postInputFor(story, row.text, card, row.id, link ?? undefined);
    const imageUrl = JPEG_ONLY.has(row.platform as Platform) ? card.jpegUrl : card.url;
    if (imageUrl) input.imageUrl = imageUrl;
    const result = await poster.post({ ...input, recordKey: recordKeyOf(row), fence });
    const step = nextStep(result, attempts + 1, now, policy);
    if (!(step.action === 'retry' && !step.countsAsAttempt)) attempts += 1;
    const nextCause = step.action === 'check' && !result.ok ? (result.kind as CheckCause) : null;
    return await apply(deps, row, token, step, attempts, nextCause, now);
  } catch (error) {
    if (error instanceof LeaseLostError) return { kind: 'skip', reason: LEASE_LOST };
    // A bug or an infrastructure failure (D1, R2, render, a poster that threw): never a post. If it came after the
    // create request may have left (the poster threw, or D1 failed to record the answer), the next attempt checks first.
    attempts += 1;
    const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`outbox ${row.id} (${row.platform}):`, error);
    const nextCause = sent ? 'ambiguous' : cause;
    if (attempts >= policy.maxAttempts)
      return dead(deps, row, token, `gave up after ${attempts} attempts: ${message}`, attempts, nextCause);
    const at = now + Math.max(1000, backoffDelay(attempts, policy));
    const moved = await deps.store.reschedule(row.id, token, {
      at,
      error: message,
      attempts,
      needsCheck: nextCause,
      now,
    });
    return moved ? { kind: 'wait', at, reason: message, requeue: true } : { kind: 'skip', reason: LEASE_LOST };
  }
}

async function apply(
  deps: OutboxDeps,
  row: OutboxRow,
  token: string,
  step: NextStep,
  attempts: number,
  cause: CheckCause | null,
  now: number,
): Promise<Outcome> {
  switch (step.action) {
    case 'done': {
      const p = { platformPostId: step.platformPostId, url: step.url, attempts, now };
      if (await deps.store.markPosted(row.id, token, p))
        return {
          kind: 'posted',
          platformPostId: step.platformPostId,
          url: step.url,
          ...(step.found ? { found: true } : {}),
        };
      // The post exists, but the row is another attempt's now: its check finds this post (the same record key on
      // Bluesky, the same text and link elsewhere), so nothing is lost by leaving the record to it.
      console.warn(`outbox ${row.id}: posted as ${step.platformPostId} after losing the lease; the holder records it`);
      return { kind: 'skip', reason: LEASE_LOST };
    }
    case 'dead':
      return dead(deps, row, token, step.reason, attempts, cause);
    case 'hold': {
      // An editor looks at the account and approves (post again) or skips (it is there); see Outbox.hold.
      const held = await deps.store.hold(row.id, token, { note: step.reason, attempts, now: deps.now() });
      return held ? { kind: 'held', reason: step.reason } : { kind: 'skip', reason: LEASE_LOST };
    }
    case 'check':
    case 'retry': {
      const needsCheck = step.action === 'check' ? (cause ?? 'ambiguous') : null;
      const moved = await deps.store.reschedule(row.id, token, {
        at: step.at,
        error: step.reason,
        attempts,
        needsCheck,
        now,
      });
      return moved
        ? { kind: 'wait', at: step.at, reason: step.reason, requeue: true }
        : { kind: 'skip', reason: LEASE_LOST };
    }
  }
}

async function dead(
  deps: OutboxDeps,
  row: OutboxRow,
  token: string,
  reason: string,
  attempts: number,
  cause: CheckCause | null,
): Promise<Outcome> {
  const moved = await deps.store.markDead(row.id, token, { reason, attempts, needsCheck: cause, now: deps.now() });
  return moved ? { kind: 'dead', reason } : { kind: 'skip', reason: LEASE_LOST };
}

/**
 * The desk's schedule (src/bot/schedule.ts), before a due row is claimed: a row whose slot is later (the editor's
 * window, quiet hours, spacing behind older posts, the daily cap) is deferred to it. Only the call that moved the row
 * schedules it again; null: it may go now (the claim's own guards still hold: the cap is counted again atomically).
 */
async function scheduled(row: OutboxRow, deps: OutboxDeps, now: number, cap: number, dayStart: number) {
  const activity = await deps.store.activity(row.platform, row.account, dayStart, now);
  const o = { platform: row.platform, cap, schedule: deps.schedule ?? NO_SCHEDULE, now };
  const slot = slotsOf(activity, o, row.id).get(row.id);
  if (!slot || slot.at <= now) return null;
  const reason = describeSlot(slot, o);
  const moved = await deps.store.defer(row.id, slot.at, reason, now);
  return { kind: 'wait', at: slot.at, reason, requeue: moved } satisfies Outcome;
}

/** Why a claim failed, and when to come back: settled, another consumer's lease, not due yet, or the daily cap. */
async function notClaimed(id: string, deps: OutboxDeps, now: number, cap: number): Promise<Outcome> {
  const row = await deps.store.get(id);
  if (!row) return { kind: 'skip', reason: 'no such outbox row' };
  switch (row.state) {
    case 'posted':
    case 'dead':
    case 'dry-run':
    case 'skipped':
      return { kind: 'skip', reason: `already ${row.state}` };
    case 'review':
      return { kind: 'skip', reason: 'waiting for an editor to approve it' };
    case 'posting':
      if (!isDue(row, now))
        return { kind: 'wait', at: row.leaseUntil!, reason: 'another attempt holds it', requeue: false };
      break;
    default:
      if (!isDue(row, now)) return { kind: 'wait', at: row.nextAttemptAt!, reason: 'not due yet', requeue: false };
  }
  // Due but not claimed: the account reached its daily cap, or a racing claim won just now (then come back soon).
  const dayStart = nextUtcDay(now) - 86_400_000;
  if ((await deps.store.countToday(row, dayStart, now)) < cap)
    return { kind: 'wait', at: now + 1000, reason: 'raced', requeue: true };
  const until = nextUtcDay(now);
  const reason = `daily cap of ${cap} ${row.platform} posts reached; waiting for ${new Date(until).toISOString()}`;
  // Only the call that moved the row to tomorrow schedules it; a duplicate message finds it not due.
  const moved = await deps.store.defer(id, until, reason, now);
  return { kind: 'wait', at: until, reason, requeue: moved };
}

export { accountsFor } from './accounts.ts';
