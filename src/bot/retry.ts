// What the outbox does after an attempt: done, retry at a time (full-jitter backoff or the platform's reset), check first, or dead.
import type { LookupResult, PostResult } from './types.ts';

export interface RetryPolicy {
  /** First backoff ceiling; doubles each attempt. Default 30 s. */
  baseMs: number;
  /** Largest backoff ceiling. Default 6 h. */
  capMs: number;
  /** Attempts (rate-limit waits not counted) before a row goes dead. Default 8. */
  maxAttempts: number;
  /** Injected for tests; Math.random by default. */
  random: () => number;
  /** Wait after an ambiguous or duplicate failure before looking for the post. Default CHECK_DELAY_MS. */
  checkDelayMs: number;
}

export const CHECK_DELAY_MS = 10_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 30_000,
  capMs: 6 * 3600_000,
  maxAttempts: 8,
  random: Math.random,
  checkDelayMs: CHECK_DELAY_MS,
};

export type NextStep =
  /** `found`: a check found the post an earlier attempt made (nothing was sent now). */
  | { action: 'done'; platformPostId: string; url: string; found?: boolean }
  /** Try posting again at `at` (epoch ms). `countsAsAttempt` is false for rate-limit waits. */
  | { action: 'retry'; at: number; reason: string; countsAsAttempt: boolean }
  /**
   * The post may exist: at `at`, call poster.findExisting(frozen text) and feed the answer to afterLookup.
   * Never post again before a check says 'absent'.
   */
  | { action: 'check'; at: number; reason: string }
  | { action: 'dead'; reason: string }
  /** The post may exist and the platform cannot tell us: an editor decides (the row waits in review with `reason`). */
  | { action: 'hold'; reason: string };

/** Full jitter (AWS's "exponential backoff and jitter"): uniform in [0, min(cap, base · 2^(attempt-1))). */
export function backoffDelay(attempt: number, policy: Partial<RetryPolicy> = {}): number {
  const { baseMs, capMs, random } = { ...DEFAULT_RETRY_POLICY, ...policy };
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `attempt` is the number of counted attempts made so far, including this one (1 after the first try). */
export function nextStep(
  result: PostResult,
  attempt: number,
  now: number,
  policy: Partial<RetryPolicy> = {},
): NextStep {
  const p = { ...DEFAULT_RETRY_POLICY, ...policy };
  if (result.ok) return { action: 'done', platformPostId: result.platformPostId, url: result.url };
  switch (result.kind) {
    case 'permanent':
      return { action: 'dead', reason: result.message };
    case 'ambiguous':
    case 'duplicate':
      // A few seconds' grace: a just-created post can take a moment to show in the account's timeline.
      return { action: 'check', at: now + p.checkDelayMs, reason: result.message };
    case 'rate_limited': {
      // Wait for the reset the platform reported, plus a little jitter so queued posts do not all fire at once.
      const at = Math.max(result.retryAt ?? now + 60_000, now) + Math.floor(p.random() * 5_000);
      return { action: 'retry', at, reason: result.message, countsAsAttempt: false };
    }
    case 'retryable': {
      if (attempt >= p.maxAttempts)
        return { action: 'dead', reason: `gave up after ${attempt} attempts: ${result.message}` };
      const at = Math.max(result.retryAt ?? 0, now + backoffDelay(attempt, p));
      return { action: 'retry', at, reason: result.message, countsAsAttempt: true };
    }
  }
}

/**
 * After a 'check': found → done; absent after an ambiguous failure → post again now; absent after a duplicate → dead
 * (the platform holds an older identical text we cannot see, and retrying cannot succeed); unknown → check later.
 * `attempt` counts post attempts and checks that could not answer.
 */
export function afterLookup(
  lookup: LookupResult,
  cause: 'ambiguous' | 'duplicate',
  attempt: number,
  now: number,
  policy: Partial<RetryPolicy> = {},
): NextStep {
  const p = { ...DEFAULT_RETRY_POLICY, ...policy };
  // At most once: never post again on a guess, never record a post nobody saw.
  if (lookup.status === 'unknowable') return { action: 'hold', reason: lookup.message };
  if (lookup.status === 'found')
    return { action: 'done', platformPostId: lookup.platformPostId, url: lookup.url, found: true };
  if (lookup.status === 'absent') {
    if (cause === 'duplicate') {
      return {
        action: 'dead',
        reason: 'the platform rejects this text as a duplicate, but no matching recent post was found on the account',
      };
    }
    if (attempt >= p.maxAttempts) return { action: 'dead', reason: `gave up after ${attempt} attempts: not posted` };
    return { action: 'retry', at: now, reason: 'checked: the earlier attempt did not publish', countsAsAttempt: true };
  }
  if (attempt >= p.maxAttempts)
    return { action: 'dead', reason: `could not check after ${attempt} attempts: ${lookup.failure.message}` };
  // Still unsure: look again later, never post blind.
  const at = Math.max(lookup.failure.retryAt ?? 0, now + backoffDelay(attempt, p));
  return { action: 'check', at, reason: `could not check yet: ${lookup.failure.message}` };
}

/** The start of the next UTC day: when a platform's daily cap opens again. */
export function nextUtcDay(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
