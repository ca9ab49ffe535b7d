// Retry decisions: backoff stays within its full-jitter bounds, rate limits wait for the reset, unsure posts are checked first.
import { describe, expect, it } from 'vitest';
import { afterLookup, backoffDelay, CHECK_DELAY_MS, nextStep, nextUtcDay } from '../../src/bot/retry.ts';
import { failure } from '../../src/bot/types.ts';

const now = Date.UTC(2026, 10, 26, 12, 0, 0);
const top = { random: () => 0.999999 };
const bottom = { random: () => 0 };

describe('backoffDelay', () => {
  it('doubles its ceiling each attempt up to the cap, from zero', () => {
    expect(backoffDelay(1, bottom)).toBe(0);
    expect(backoffDelay(1, top)).toBe(29_999);
    expect(backoffDelay(3, top)).toBe(119_999);
    expect(backoffDelay(30, { random: () => 0.5 })).toBe(3 * 3600_000);
  });
});

describe('nextStep', () => {
  it('is done on success', () => {
    expect(nextStep({ ok: true, platformPostId: '1', url: 'u' }, 1, now)).toEqual({
      action: 'done',
      platformPostId: '1',
      url: 'u',
    });
  });

  it('waits for the reported reset on a rate limit without spending an attempt', () => {
    const step = nextStep(failure('rate_limited', '429', { retryAt: now + 900_000 }), 1, now, bottom);
    expect(step).toEqual({ action: 'retry', at: now + 900_000, reason: '429', countsAsAttempt: false });
  });

  it('checks before anything else after an ambiguous failure or a duplicate', () => {
    expect(nextStep(failure('ambiguous', 'timeout'), 1, now)).toEqual({
      action: 'check',
      at: now + CHECK_DELAY_MS,
      reason: 'timeout',
    });
    expect(nextStep(failure('duplicate', 'dup'), 1, now)).toMatchObject({ action: 'check' });
  });

  it('goes dead on a permanent failure with its reason, and after the last retryable attempt', () => {
    expect(nextStep(failure('permanent', 'X answered 401'), 1, now)).toEqual({
      action: 'dead',
      reason: 'X answered 401',
    });
    expect(nextStep(failure('retryable', '503'), 8, now)).toMatchObject({
      action: 'dead',
      reason: expect.stringContaining('8 attempts'),
    });
    expect(nextStep(failure('retryable', '503'), 2, now, top)).toMatchObject({ action: 'retry', at: now + 59_999 });
  });
});

describe('afterLookup', () => {
  it('is done when the post exists, posts again when an ambiguous attempt did not publish', () => {
    expect(afterLookup({ status: 'found', platformPostId: '9', url: 'u' }, 'ambiguous', 1, now)).toMatchObject({
      action: 'done',
    });
    expect(afterLookup({ status: 'absent' }, 'ambiguous', 1, now)).toMatchObject({ action: 'retry', at: now });
  });

  it('goes dead on a duplicate that cannot be found, and checks again later when the check failed', () => {
    expect(afterLookup({ status: 'absent' }, 'duplicate', 1, now)).toMatchObject({ action: 'dead' });
    const unknown = afterLookup({ status: 'unknown', failure: failure('retryable', 'down') }, 'ambiguous', 1, now, top);
    expect(unknown).toEqual({ action: 'check', at: now + 29_999, reason: 'could not check yet: down' });
  });
});

it('nextUtcDay is the next UTC midnight', () => {
  expect(nextUtcDay(now)).toBe(Date.UTC(2026, 10, 27));
});
