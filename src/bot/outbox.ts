// The outbox state machine: create a story's rows once with frozen text, then claim → (check) → post → record, per row.
import type { BotMode } from '../config.ts';
import type { CheckCause, NewOutboxRow, OutboxRow, OutboxStore } from '../storage/outbox.ts';
import type { Story } from '../story/schema.ts';
import { composePost } from './compose.ts';
import { type BotCredentials, enabledPlatforms, missingCredentials, postInputFor } from './posters.ts';
import {
  afterLookup,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  type NextStep,
  nextStep,
  nextUtcDay,
  type RetryPolicy,
} from './retry.ts';
import { PLATFORMS, type Platform, type Poster } from './types.ts';

/**
 * How long a claim holds. It must outlast the slowest attempt (the X poster makes up to 5 requests with a 20 s
 * timeout each, plus rendering the card), or a second consumer could take over a live attempt: when a lease runs out
 * the next claimer treats the attempt as ambiguous and looks for the post before posting, but a post still in flight
 * would not be found yet.
 */
export const LEASE_MS = 10 * 60_000;

/** The card each platform gets: X shows 2:1 images uncropped; Bluesky's link card and Mastodon take 1.91:1. */
export const CARD_SIZE: Record<Platform, 'og' | 'x'> = { x: 'x', bluesky: 'og', mastodon: 'og' };

export interface OutboxDeps {
  store: OutboxStore;
  /** One poster per enabled platform, kept for the isolate's life. */
  posters: Partial<Record<Platform, Poster>>;
  /** Daily cap per platform account (Config.dailyCaps). */
  caps: Record<Platform, number>;
  loadStory(storyId: string): Promise<Story | null>;
  /**
   * The card at a content address and size in the auto format (PNG, or JPEG when a PNG would pass the size's weight
   * budget: so Bluesky's 1,000,000-byte limit always holds); null if the address is unknown.
   */
  loadCard(cardHash: string, size: 'og' | 'x'): Promise<{ bytes: Uint8Array; type: 'image/png' | 'image/jpeg' } | null>;
  now(): number;
  policy?: Partial<RetryPolicy>;
  leaseMs?: number;
}

export type Outcome =
  | { kind: 'posted'; platformPostId: string; url: string }
  | { kind: 'dead'; reason: string }
  /**
   * Not finished: come back at `at` (a retry, a check, the daily cap, or another consumer's lease). `requeue`: this
   * call set that time, so it (and only it) should schedule the next attempt; a duplicate delivery must not multiply.
   */
  | { kind: 'wait'; at: number; reason: string; requeue: boolean }
  /** Nothing to do for this row: gone, already settled, or a dry-run record. */
  | { kind: 'skip'; reason: string };

/**
 * The rows a new story gets: one per enabled platform account, its text composed and frozen now. BOT_MODE=dry-run
 * makes 'dry-run' records (never posted); live makes 'queued' rows. A story that already has rows keeps them.
 */
export async function createPostRows(
  store: OutboxStore,
  story: { id: string; story: Story; cardHash: string },
  accounts: Partial<Record<Platform, string>>,
  mode: BotMode,
  now: number,
  credentials?: BotCredentials,
): Promise<OutboxRow[]> {
  if (mode === 'off') return [];
  const rows: NewOutboxRow[] = [];
  const row = (platform: Platform, account: string, note?: string): NewOutboxRow => ({
    storyId: story.id,
    platform,
    account,
    text: composePost(story.story, platform).text,
    cardHash: story.cardHash,
    state: mode === 'live' ? 'queued' : 'dry-run',
    ...(note ? { note } : {}),
  });
  for (const [platform, account] of Object.entries(accounts) as [Platform, string][]) rows.push(row(platform, account));
  // A dry run with no platform configured yet (someone trying the bot) shows every platform: what each would get and
  // which settings it lacks, instead of an empty outbox with no hint. Once one is configured, only those are shown.
  if (mode === 'dry-run' && credentials && rows.length === 0) {
    for (const platform of PLATFORMS) {
      const missing = missingCredentials(credentials, platform);
      rows.push(row(platform, UNCONFIGURED, `not configured: set ${listOf(missing)} to post here`));
    }
  }
  return store.create(rows, now);
}

/** The account of a dry-run row for a platform without credentials. */
export const UNCONFIGURED = 'not-configured';

const listOf = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** One attempt at one row. Safe to call any number of times, concurrently: the claim lets one caller through. */
export async function processRow(id: string, deps: OutboxDeps): Promise<Outcome> {
  const now = deps.now();
  const platform = (await deps.store.get(id))?.platform as Platform | undefined;
  const cap = platform ? (deps.caps[platform] ?? 0) : 0;
  const dayStart = nextUtcDay(now) - 86_400_000;
  const row = await deps.store.claim(id, { now, leaseMs: deps.leaseMs ?? LEASE_MS, cap, dayStart });
  if (!row) return notClaimed(id, deps, now, cap);
  const token = row.leaseToken!;
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

    if (cause) {
      // The earlier attempt may have published: look for the frozen text before anything else.
      const lookup = await poster.findExisting(row.text, { since: row.firstAttemptAt ?? now });
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
    sent = true;
    const result = await poster.post(postInputFor(story, row.text, card, row.id));
    const step = nextStep(result, attempts + 1, now, policy);
    if (!(step.action === 'retry' && !step.countsAsAttempt)) attempts += 1;
    const nextCause = step.action === 'check' && !result.ok ? (result.kind as CheckCause) : null;
    return await apply(deps, row, token, step, attempts, nextCause, now);
  } catch (error) {
    // A bug or an infrastructure failure (D1, R2, render, a poster that threw): never a post. If it came after the
    // create request may have left (the poster threw, or D1 failed to record the answer), the next attempt checks first.
    attempts += 1;
    const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`outbox ${row.id} (${row.platform}):`, error);
    const nextCause = sent ? 'ambiguous' : cause;
    if (attempts >= policy.maxAttempts)
      return dead(deps, row, token, `gave up after ${attempts} attempts: ${message}`, attempts, nextCause);
    const at = now + Math.max(1000, backoffDelay(attempts, policy));
    await deps.store.reschedule(row.id, token, { at, error: message, attempts, needsCheck: nextCause, now });
    return { kind: 'wait', at, reason: message, requeue: true };
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
    case 'done':
      await deps.store.markPosted(row.id, { platformPostId: step.platformPostId, url: step.url, attempts, now });
      return { kind: 'posted', platformPostId: step.platformPostId, url: step.url };
    case 'dead':
      return dead(deps, row, token, step.reason, attempts, cause);
    case 'check':
    case 'retry': {
      const needsCheck = step.action === 'check' ? (cause ?? 'ambiguous') : null;
      await deps.store.reschedule(row.id, token, { at: step.at, error: step.reason, attempts, needsCheck, now });
      return { kind: 'wait', at: step.at, reason: step.reason, requeue: true };
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
  await deps.store.markDead(row.id, token, { reason, attempts, needsCheck: cause, now: deps.now() });
  return { kind: 'dead', reason };
}

/** Why a claim failed, and when to come back: settled, another consumer's lease, not due yet, or the daily cap. */
async function notClaimed(id: string, deps: OutboxDeps, now: number, cap: number): Promise<Outcome> {
  const row = await deps.store.get(id);
  if (!row) return { kind: 'skip', reason: 'no such outbox row' };
  switch (row.state) {
    case 'posted':
    case 'dead':
    case 'dry-run':
      return { kind: 'skip', reason: `already ${row.state}` };
    case 'posting':
      if (!deps.store.isDue(row, now))
        return { kind: 'wait', at: row.leaseUntil!, reason: 'another attempt holds it', requeue: false };
      break;
    default:
      if (!deps.store.isDue(row, now))
        return { kind: 'wait', at: row.nextAttemptAt!, reason: 'not due yet', requeue: false };
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

const digest = async (s: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))]
    .slice(0, 6)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/**
 * The account each enabled platform posts as, as outbox rows name it (the unique key is platform, account, story).
 * Never a secret: the X user id (X access tokens start with it), the Bluesky identifier, the Mastodon host with a
 * digest of the token.
 */
export async function accountsFor(c: BotCredentials): Promise<Partial<Record<Platform, string>>> {
  const out: Partial<Record<Platform, string>> = {};
  for (const platform of enabledPlatforms(c)) {
    if (platform === 'x') {
      const token = c.x.accessToken!;
      out.x = /^(\d+)-/.exec(token)?.[1] ?? `token-${await digest(token)}`;
    } else if (platform === 'bluesky') {
      out.bluesky = `${c.bluesky.identifier!.toLowerCase()}@${new URL(c.bluesky.service).host}`;
    } else {
      out.mastodon = `${new URL(c.mastodon.baseUrl!).host}/token-${await digest(c.mastodon.accessToken!)}`;
    }
  }
  return out;
}
