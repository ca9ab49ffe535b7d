// The outbox contract: every transition of src/storage/outbox-machine.ts and every refusal, as one suite both stores
// run — D1 inside workerd (tests/worker/outbox-contract.test.ts) and the CLI's memory store under Node
// (tests/unit/outbox-contract.test.ts). A store that breaks a guard (the fence, the cap, a state list) fails here.
import { describe, expect, it } from 'vitest';
import type { ClaimOptions, FullOutbox, NewOutboxRow, OutboxRow } from '../../src/storage/outbox.ts';
import { OUTBOX_STATES, type OutboxState, TRANSITIONS } from '../../src/storage/outbox-machine.ts';

export interface ContractStore {
  store: FullOutbox;
  /** Write new rows as publishing does (one batch at `now`) and answer them as stored, in the order given. */
  insert(rows: NewOutboxRow[], now: number): Promise<OutboxRow[]>;
}

const LEASE = 60_000;
const DAY = 86_400_000;
/** A fixed clock: noon UTC, so "today" (since DAY0) holds the hours either side. */
const T0 = Date.UTC(2026, 11, 6, 12);
const DAY0 = Date.UTC(2026, 11, 6);
const claimAt = (now: number, cap = 10): ClaimOptions => ({ now, leaseMs: LEASE, cap, dayStart: DAY0 });
const done = (now: number) => ({ platformPostId: 'p1', url: 'https://example.social/p1', attempts: 1, now });
const retryAt = (at: number, now: number) => ({ at, error: 'try later', attempts: 1, needsCheck: null, now });
const deadAt = (now: number) => ({ reason: 'gave up', attempts: 3, needsCheck: null, now });

export function outboxContract(label: string, make: () => Promise<ContractStore>) {
  /** `n` new rows of one fresh account (unique per test, so a shared D1 never mixes tests' caps). */
  async function setup(n = 1, over: Partial<NewOutboxRow> = {}, now = T0) {
    const h = await make();
    const account = `acct-${crypto.randomUUID().slice(0, 8)}`;
    const news = Array.from({ length: n }, (_, i) => ({
      storyId: `story-${crypto.randomUUID()}`,
      platform: 'x',
      account,
      text: `post ${i}`,
      link: 'https://news.example.org/a',
      cardHash: 'h',
      state: 'queued' as const,
      ...over,
    }));
    const rows = await h.insert(news, now);
    return { ...h, s: h.store, rows, ids: rows.map((r) => r.id), account, news };
  }
  /** Claim and post a row at `now`. */
  async function post(s: FullOutbox, id: string, now: number) {
    const c = await s.claim(id, claimAt(now));
    expect(c).not.toBeNull();
    expect(await s.markPosted(id, c!.leaseToken!, done(now))).toBe(true);
  }
  /** A fresh row brought into `state` through the transitions themselves, and its store. */
  async function storeWithRowIn(state: OutboxState) {
    const h = await make();
    const made = await withStore(h, state);
    return { s: h.store, id: made };
  }
  async function withStore(h: ContractStore, state: OutboxState) {
    const account = `acct-${crypto.randomUUID().slice(0, 8)}`;
    const start: NewOutboxRow['state'] = state === 'review' || state === 'dry-run' ? state : 'queued';
    const [row] = await h.insert(
      [{ storyId: crypto.randomUUID(), platform: 'x', account, text: 't', link: 'l', cardHash: 'h', state: start }],
      T0,
    );
    const s = h.store;
    const id = row!.id;
    if (state === 'skipped') await s.skip(id, T0);
    if (['posting', 'posted', 'failed', 'dead'].includes(state)) {
      const token = (await s.claim(id, claimAt(T0)))!.leaseToken!;
      if (state === 'posted') await s.markPosted(id, token, done(T0));
      if (state === 'failed') await s.reschedule(id, token, retryAt(T0 + DAY, T0));
      if (state === 'dead') await s.markDead(id, token, deadAt(T0));
    }
    expect((await s.get(id))?.state).toBe(state);
    return id;
  }

  describe(`${label}: the outbox contract`, () => {
    describe('insert', () => {
      it('writes queued rows due now, review and dry-run rows never due; a second write of the same post is ignored', async () => {
        const { s, rows, news, insert } = await setup();
        expect(rows[0]).toMatchObject({ state: 'queued', nextAttemptAt: T0, attempts: 0, leaseToken: null });
        await insert([{ ...news[0]!, text: 'changed' }], T0 + 5);
        expect(await s.get(rows[0]!.id)).toMatchObject({ text: 'post 0' });
        const review = await setup(1, { state: 'review', note: 'held for an editor' });
        expect(review.rows[0]).toMatchObject({ state: 'review', nextAttemptAt: null, lastError: 'held for an editor' });
        expect(await review.s.claim(review.ids[0]!, claimAt(T0 + DAY))).toBeNull();
      });

      it('writes a queued row with a delay (the editor’s window) due only once it has passed', async () => {
        const { s, rows } = await setup(1, { delayMs: 20 * 60_000 });
        expect(rows[0]).toMatchObject({ state: 'queued', nextAttemptAt: T0 + 20 * 60_000, attempts: 0 });
        expect(await s.claim(rows[0]!.id, claimAt(T0 + 20 * 60_000 - 1))).toBeNull();
        expect(await s.claim(rows[0]!.id, claimAt(T0 + 20 * 60_000))).not.toBeNull();
      });
    });

    describe('claim', () => {
      it('takes a due queued row: posting, a lease, a token, the first attempt time', async () => {
        const { s, ids } = await setup();
        const c = await s.claim(ids[0]!, claimAt(T0 + 5));
        expect(c).toMatchObject({ state: 'posting', leaseUntil: T0 + 5 + LEASE, firstAttemptAt: T0 + 5 });
        expect(c!.leaseToken).toEqual(expect.any(String));
        expect(c!.needsCheck).toBeNull();
        expect(await s.get(ids[0]!)).toMatchObject({ state: 'posting', leaseToken: c!.leaseToken });
      });

      it('lets one claim through while the lease holds', async () => {
        const { s, ids } = await setup();
        expect(await s.claim(ids[0]!, claimAt(T0))).not.toBeNull();
        expect(await s.claim(ids[0]!, claimAt(T0 + 1))).toBeNull();
        expect(await s.claim(ids[0]!, claimAt(T0 + LEASE))).toBeNull();
      });

      it('refuses a row not yet due, and takes it once due', async () => {
        const { s, ids } = await setup();
        const c = await s.claim(ids[0]!, claimAt(T0));
        await s.reschedule(ids[0]!, c!.leaseToken!, retryAt(T0 + 1000, T0));
        expect(await s.claim(ids[0]!, claimAt(T0 + 999))).toBeNull();
        expect(await s.claim(ids[0]!, claimAt(T0 + 1000))).toMatchObject({ state: 'posting', firstAttemptAt: T0 });
      });

      it('takes over an expired lease with a new token, marking the row for a check (its holder may have posted)', async () => {
        const { s, ids } = await setup();
        const a = await s.claim(ids[0]!, claimAt(T0));
        const b = await s.claim(ids[0]!, claimAt(T0 + LEASE + 1));
        expect(b).toMatchObject({ state: 'posting', needsCheck: 'ambiguous', firstAttemptAt: T0 });
        expect(b!.leaseToken).not.toBe(a!.leaseToken);
      });

      for (const state of ['review', 'posted', 'dead', 'skipped', 'dry-run'] as const) {
        it(`refuses a ${state} row at any time`, async () => {
          const { s, id } = await storeWithRowIn(state);
          const before = await s.get(id);
          expect(await s.claim(id, claimAt(T0 + 2 * DAY))).toBeNull();
          expect(await s.get(id)).toEqual(before);
        });
      }

      it('answers null for a row that does not exist', async () => {
        const { s } = await setup();
        expect(await s.claim('no-such-row', claimAt(T0))).toBeNull();
      });
    });

    describe('the fence: only the lease holder changes the row', () => {
      it('renew extends the holder’s lease (and keeps the row claimed); a wrong token changes nothing', async () => {
        const { s, ids } = await setup();
        const c = await s.claim(ids[0]!, claimAt(T0));
        expect(await s.renew(ids[0]!, 'not-the-token', { now: T0 + 10, leaseMs: LEASE })).toBe(false);
        expect(await s.get(ids[0]!)).toMatchObject({ leaseUntil: T0 + LEASE });
        expect(await s.renew(ids[0]!, c!.leaseToken!, { now: T0 + 10, leaseMs: LEASE })).toBe(true);
        expect(await s.get(ids[0]!)).toMatchObject({ state: 'posting', leaseUntil: T0 + 10 + LEASE });
        // Renewed: not expired at the old lease's end.
        expect(await s.claim(ids[0]!, claimAt(T0 + LEASE + 1))).toBeNull();
      });

      it('a taken-over attempt can neither renew, record a post, reschedule nor give up', async () => {
        const { s, ids } = await setup();
        const id = ids[0]!;
        const a = (await s.claim(id, claimAt(T0)))!.leaseToken!;
        const b = await s.claim(id, claimAt(T0 + LEASE + 1));
        const now = T0 + LEASE + 2;
        expect(await s.renew(id, a, { now, leaseMs: LEASE })).toBe(false);
        expect(await s.markPosted(id, a, done(now))).toBe(false);
        expect(await s.reschedule(id, a, retryAt(now + 5, now))).toBe(false);
        expect(await s.markDead(id, a, deadAt(now))).toBe(false);
        expect(await s.get(id)).toMatchObject({ state: 'posting', leaseToken: b!.leaseToken, attempts: 0 });
      });

      it('a taken-over attempt cannot keep the row: its renew does not stretch the new holder’s lease', async () => {
        const { s, ids } = await setup();
        const id = ids[0]!;
        const a = (await s.claim(id, claimAt(T0)))!.leaseToken!;
        const b = await s.claim(id, claimAt(T0 + LEASE + 1));
        expect(await s.renew(id, a, { now: T0 + 2 * LEASE, leaseMs: 10 * LEASE })).toBe(false);
        // B stalls too: its lease (not A's stretched one) decides when a third attempt may take over.
        const c = await s.claim(id, claimAt(T0 + 2 * LEASE + 2));
        expect(c).not.toBeNull();
        expect(c!.leaseToken).not.toBe(b!.leaseToken);
      });

      it('the holder records its post: posted, released, its check cleared', async () => {
        const { s, ids } = await setup();
        const id = ids[0]!;
        await s.claim(id, claimAt(T0));
        const b = (await s.claim(id, claimAt(T0 + LEASE + 1)))!.leaseToken!;
        expect(await s.markPosted(id, b, { ...done(T0 + LEASE + 5), attempts: 2 })).toBe(true);
        expect(await s.get(id)).toMatchObject({
          state: 'posted',
          platformPostId: 'p1',
          postUrl: 'https://example.social/p1',
          postedAt: T0 + LEASE + 5,
          attempts: 2,
          needsCheck: null,
          leaseToken: null,
          leaseUntil: null,
          nextAttemptAt: null,
        });
      });

      it('hold: the holder puts a post that may exist back in review with its note, check cleared; others cannot', async () => {
        const { s, ids } = await setup();
        const id = ids[0]!;
        const a = (await s.claim(id, claimAt(T0)))!.leaseToken!;
        expect(await s.reschedule(id, a, { ...retryAt(T0 + 10, T0), needsCheck: 'ambiguous' })).toBe(true);
        const b = (await s.claim(id, claimAt(T0 + 10)))!.leaseToken!;
        const note = { note: 'may have posted: look at the channel', attempts: 1, now: T0 + 11 };
        expect(await s.hold(id, a, note)).toBe(false);
        expect(await s.hold(id, b, note)).toBe(true);
        expect(await s.get(id)).toMatchObject({
          state: 'review',
          lastError: 'may have posted: look at the channel',
          needsCheck: null,
          leaseToken: null,
          nextAttemptAt: null,
          attempts: 1,
        });
        // Nothing claims it until an editor approves (post it) or skips (it is there).
        expect(await s.claim(id, claimAt(T0 + DAY))).toBeNull();
        expect(await s.hold(id, b, note)).toBe(false);
      });

      it('a token means nothing once its attempt has settled the row', async () => {
        const { s, ids } = await setup();
        const id = ids[0]!;
        const t = (await s.claim(id, claimAt(T0)))!.leaseToken!;
        expect(await s.markPosted(id, t, done(T0 + 1))).toBe(true);
        expect(await s.renew(id, t, { now: T0 + 2, leaseMs: LEASE })).toBe(false);
        expect(await s.markPosted(id, t, done(T0 + 2))).toBe(false);
        expect(await s.reschedule(id, t, retryAt(T0 + 5, T0 + 2))).toBe(false);
        expect(await s.markDead(id, t, deadAt(T0 + 2))).toBe(false);
        expect(await s.get(id)).toMatchObject({ state: 'posted', postedAt: T0 + 1 });
      });

      it('a made-up token on a row nobody took over changes nothing', async () => {
        const { s, ids } = await setup();
        const id = ids[0]!;
        await s.claim(id, claimAt(T0));
        const fake = crypto.randomUUID();
        expect(await s.markPosted(id, fake, done(T0 + 1))).toBe(false);
        expect(await s.markDead(id, fake, deadAt(T0 + 1))).toBe(false);
        expect(await s.reschedule(id, fake, retryAt(T0 + 5, T0 + 1))).toBe(false);
        expect(await s.get(id)).toMatchObject({ state: 'posting', postedAt: null, lastError: null });
      });
    });

    describe('the daily cap', () => {
      it('refuses a claim once the account posted `cap` times today', async () => {
        const { s, ids } = await setup(3);
        await post(s, ids[0]!, T0);
        await post(s, ids[1]!, T0 + 1);
        expect(await s.claim(ids[2]!, claimAt(T0 + 2, 2))).toBeNull();
        expect(await s.claim(ids[2]!, claimAt(T0 + 2, 3))).not.toBeNull();
      });

      it('a claim refused by the cap changes nothing: no lease, no token, no first attempt', async () => {
        const { s, ids } = await setup(2);
        await post(s, ids[0]!, T0);
        const before = await s.get(ids[1]!);
        expect(await s.claim(ids[1]!, claimAt(T0 + 1, 1))).toBeNull();
        expect(await s.get(ids[1]!)).toEqual(before);
        expect(before).toMatchObject({ state: 'queued', leaseToken: null, firstAttemptAt: null });
      });

      it('counts a post in flight (lease alive), not one whose lease ran out', async () => {
        const { s, ids } = await setup(2);
        await s.claim(ids[0]!, claimAt(T0));
        expect(await s.claim(ids[1]!, claimAt(T0 + 1, 1))).toBeNull();
        expect(await s.claim(ids[1]!, claimAt(T0 + LEASE + 1, 1))).not.toBeNull();
      });

      it('counts only today (since dayStart): yesterday’s posts do not', async () => {
        const { s, ids } = await setup(2, {}, T0 - DAY);
        await post(s, ids[0]!, T0 - DAY);
        expect(await s.claim(ids[1]!, claimAt(T0, 1))).not.toBeNull();
      });

      it('counts per account and platform: another account’s or network’s posts do not', async () => {
        const mine = await setup(1);
        const others = await mine.insert(
          [
            { ...mine.news[0]!, storyId: 'other-1', account: `${mine.account}-2` },
            { ...mine.news[0]!, storyId: 'other-2', platform: 'telegram' },
          ],
          T0,
        );
        for (const o of others) await post(mine.s, o.id, T0);
        expect(await mine.s.claim(mine.ids[0]!, claimAt(T0 + 1, 1))).not.toBeNull();
      });

      it('a cap of 0 refuses every claim', async () => {
        const { s, ids } = await setup();
        expect(await s.claim(ids[0]!, claimAt(T0, 0))).toBeNull();
      });

      it('countToday says what the claim counts: posted today and in flight, other than the row itself', async () => {
        const { s, ids } = await setup(4);
        await post(s, ids[0]!, T0);
        await s.claim(ids[1]!, claimAt(T0 + 1));
        const row = (await s.get(ids[2]!))!;
        expect(await s.countToday(row, DAY0, T0 + 2)).toBe(2);
        expect(await s.countToday(row, DAY0, T0 + LEASE + 2)).toBe(1);
        expect(await s.countToday(row, T0 + 1, T0 + 2)).toBe(1);
        expect(await s.countToday((await s.get(ids[0]!))!, DAY0, T0 + 2)).toBe(1);
      });
    });

    describe('defer (over the cap, or a schedule)', () => {
      it('moves a due row to `until` with the reason, attempts kept; never earlier than it already was', async () => {
        const { s, ids } = await setup();
        expect(await s.defer(ids[0]!, T0 + DAY, 'capped', T0)).toBe(true);
        expect(await s.get(ids[0]!)).toMatchObject({
          state: 'queued',
          nextAttemptAt: T0 + DAY,
          lastError: 'capped',
          attempts: 0,
        });
        expect(await s.defer(ids[0]!, T0 + 5, 'earlier', T0 + DAY)).toBe(true);
        expect(await s.get(ids[0]!)).toMatchObject({ nextAttemptAt: T0 + DAY });
      });

      it('refuses a row not yet due, and a row an attempt holds', async () => {
        const { s, ids } = await setup(2);
        await s.defer(ids[0]!, T0 + DAY, 'capped', T0);
        expect(await s.defer(ids[0]!, T0 + 2 * DAY, 'again', T0 + 1)).toBe(false);
        await s.claim(ids[1]!, claimAt(T0));
        expect(await s.defer(ids[1]!, T0 + DAY, 'capped', T0 + 1)).toBe(false);
        expect(await s.get(ids[1]!)).toMatchObject({ state: 'posting' });
      });

      it('a posting row whose lease ran out becomes failed with a check pending, its lease dropped', async () => {
        const { s, ids } = await setup();
        await s.claim(ids[0]!, claimAt(T0));
        expect(await s.defer(ids[0]!, T0 + DAY, 'capped', T0 + LEASE + 1)).toBe(true);
        expect(await s.get(ids[0]!)).toMatchObject({
          state: 'failed',
          needsCheck: 'ambiguous',
          leaseToken: null,
          nextAttemptAt: T0 + DAY,
        });
      });

      for (const state of ['review', 'posted', 'dead', 'skipped', 'dry-run'] as const) {
        it(`refuses a ${state} row`, async () => {
          const { s, id } = await storeWithRowIn(state);
          expect(await s.defer(id, T0 + 3 * DAY, 'capped', T0 + 2 * DAY)).toBe(false);
          expect((await s.get(id))?.state).toBe(state);
        });
      }
    });

    describe('retry: reschedule, requeue', () => {
      it('reschedule: failed until `at`, with the error, attempts and a check to make; claimable at `at`', async () => {
        const { s, ids } = await setup();
        const t = (await s.claim(ids[0]!, claimAt(T0)))!.leaseToken!;
        const r = { at: T0 + 5000, error: '503 from the API', attempts: 1, needsCheck: 'ambiguous' as const, now: T0 };
        expect(await s.reschedule(ids[0]!, t, r)).toBe(true);
        expect(await s.get(ids[0]!)).toMatchObject({
          state: 'failed',
          nextAttemptAt: T0 + 5000,
          lastError: '503 from the API',
          attempts: 1,
          needsCheck: 'ambiguous',
          leaseToken: null,
        });
        expect(await s.claim(ids[0]!, claimAt(T0 + 4999))).toBeNull();
        expect(await s.claim(ids[0]!, claimAt(T0 + 5000))).toMatchObject({ needsCheck: 'ambiguous' });
      });

      it('requeue: a failed or dead row is queued now with a fresh attempt budget, a pending check kept', async () => {
        for (const state of TRANSITIONS.requeue.from) {
          const { s, id } = await storeWithRowIn(state);
          const row = await s.requeue(id, T0 + 10);
          expect(row).toMatchObject({ state: 'queued', nextAttemptAt: T0 + 10, attempts: 0 });
          expect(await s.claim(id, claimAt(T0 + 10))).not.toBeNull();
        }
        const { s, ids } = await setup();
        const t = (await s.claim(ids[0]!, claimAt(T0)))!.leaseToken!;
        await s.markDead(ids[0]!, t, { ...deadAt(T0), needsCheck: 'ambiguous' });
        expect(await s.requeue(ids[0]!, T0 + 1)).toMatchObject({ needsCheck: 'ambiguous' });
      });

      for (const state of OUTBOX_STATES.filter((st) => !(TRANSITIONS.requeue.from as readonly string[]).includes(st)))
        it(`requeue refuses a ${state} row`, async () => {
          const { s, id } = await storeWithRowIn(state);
          expect(await s.requeue(id, T0 + 10)).toBeNull();
          expect((await s.get(id))?.state).toBe(state);
        });
    });

    describe('dead', () => {
      it('markDead: dead with its reason and attempts, released, never claimable again until requeued', async () => {
        const { s, ids } = await setup();
        const t = (await s.claim(ids[0]!, claimAt(T0)))!.leaseToken!;
        expect(await s.markDead(ids[0]!, t, deadAt(T0 + 1))).toBe(true);
        expect(await s.get(ids[0]!)).toMatchObject({
          state: 'dead',
          lastError: 'gave up',
          attempts: 3,
          nextAttemptAt: null,
          leaseToken: null,
        });
        expect(await s.claim(ids[0]!, claimAt(T0 + 2 * DAY))).toBeNull();
        expect(await s.due(T0 + 2 * DAY, 10)).not.toContain(ids[0]);
      });
    });

    describe('review: approve, skip, edit', () => {
      it('approve: a review row is queued, due now', async () => {
        const { s, id } = await storeWithRowIn('review');
        expect(await s.approve(id, T0 + 7)).toMatchObject({ state: 'queued', nextAttemptAt: T0 + 7 });
        expect(await s.claim(id, claimAt(T0 + 7))).not.toBeNull();
      });

      for (const state of OUTBOX_STATES.filter((st) => st !== 'review'))
        it(`approve refuses a ${state} row`, async () => {
          const { s, id } = await storeWithRowIn(state);
          expect(await s.approve(id, T0 + 10)).toBeNull();
          expect((await s.get(id))?.state).toBe(state);
        });

      it('approve as a dry run: a review row becomes the record of what would have been sent, never due', async () => {
        const { s, id } = await storeWithRowIn('review');
        expect(await s.approveAsDryRun(id, T0 + 7)).toMatchObject({ state: 'dry-run', nextAttemptAt: null });
        expect(await s.claim(id, claimAt(T0 + 7))).toBeNull();
        expect(await s.due(T0 + DAY, 10)).not.toContain(id);
        expect(await s.approve(id, T0 + 8)).toBeNull();
      });

      for (const state of OUTBOX_STATES.filter((st) => st !== 'review'))
        it(`approve as a dry run refuses a ${state} row`, async () => {
          const { s, id } = await storeWithRowIn(state);
          expect(await s.approveAsDryRun(id, T0 + 10)).toBeNull();
          expect((await s.get(id))?.state).toBe(state);
        });

      it('skip: a row not yet sent is skipped for good, never claimed nor listed as due', async () => {
        for (const state of TRANSITIONS.skip.from) {
          const { s, id } = await storeWithRowIn(state);
          expect(await s.skip(id, T0 + 10)).toMatchObject({ state: 'skipped', nextAttemptAt: null });
          expect(await s.claim(id, claimAt(T0 + 2 * DAY))).toBeNull();
          expect(await s.due(T0 + 2 * DAY, 500)).not.toContain(id);
        }
      });

      for (const state of ['posting', 'posted', 'dry-run', 'skipped'] as const)
        it(`skip refuses a ${state} row`, async () => {
          const { s, id } = await storeWithRowIn(state);
          const before = await s.get(id);
          expect(await s.skip(id, T0 + 10)).toBeNull();
          expect(await s.get(id)).toEqual(before);
        });

      it('edit: a review row, or a queued one no attempt was made on, takes new text', async () => {
        for (const state of ['review', 'queued'] as const) {
          const { s, id } = await storeWithRowIn(state);
          expect(await s.editText(id, 'edited', T0 + 10)).toMatchObject({ state, text: 'edited' });
          expect(await s.get(id)).toMatchObject({ text: 'edited' });
        }
      });

      it('edit refuses a queued row once an attempt was made (a check may look for its text)', async () => {
        const { s, id } = await storeWithRowIn('failed');
        await s.requeue(id, T0 + 1);
        expect(await s.editText(id, 'edited', T0 + 2)).toBeNull();
        expect(await s.get(id)).toMatchObject({ state: 'queued', text: 't' });
      });

      for (const state of ['posting', 'posted', 'failed', 'dead', 'skipped', 'dry-run'] as const)
        it(`edit refuses a ${state} row`, async () => {
          const { s, id } = await storeWithRowIn(state);
          expect(await s.editText(id, 'edited', T0 + 10)).toBeNull();
          expect(await s.get(id)).toMatchObject({ state, text: 't' });
        });
    });

    describe('due (the sweep) and activity (the schedule)', () => {
      it('due lists claimable rows, oldest due first: queued, failed and expired leases; nothing else', async () => {
        const { s, ids } = await setup(4);
        const [a, b, c, d] = ids as [string, string, string, string];
        await s.defer(a, T0 + 30, 'later', T0);
        const tb = (await s.claim(b, claimAt(T0)))!.leaseToken!;
        await s.reschedule(b, tb, retryAt(T0 + 20, T0));
        await s.claim(c, { ...claimAt(T0), leaseMs: 10 });
        await post(s, d, T0);
        const due = (await s.due(T0 + 40, 500)).filter((id) => ids.includes(id));
        expect(due).toEqual([c, b, a]);
        expect((await s.due(T0 + 25, 500)).filter((id) => ids.includes(id))).toEqual([c, b]);
      });

      it('activity: today’s count, the last post (now while one is in flight), and the rows waiting', async () => {
        const { s, ids, account } = await setup(4);
        await post(s, ids[0]!, T0 + 100);
        let act = await s.activity('x', account, DAY0, T0 + 200);
        expect(act).toMatchObject({ today: 1, lastPostAt: T0 + 100 });
        expect(act.waiting.map((w) => w.id).sort()).toEqual(ids.slice(1).sort());
        expect(act.waiting[0]).toMatchObject({ state: 'queued', readyAt: T0, createdAt: T0, attempts: 0 });
        await s.claim(ids[1]!, claimAt(T0 + 300));
        act = await s.activity('x', account, DAY0, T0 + 400);
        expect(act).toMatchObject({ today: 2, lastPostAt: T0 + 400 });
        expect(act.waiting.map((w) => w.id).sort()).toEqual(ids.slice(2).sort());
        // Tomorrow: nothing counts against the cap, the last post is still known.
        act = await s.activity('x', account, DAY0 + DAY, DAY0 + DAY + 1);
        expect(act).toMatchObject({ today: 0, lastPostAt: T0 + 100 });
        expect(act.waiting.map((w) => w.id)).toContain(ids[1]);
      });
    });
  });
}
