// Every fault the fakes can play, driven through the outbox with a test clock: in the end one post, or dead with a reason.
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it, vi } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { postInputFor } from '../../src/bot/posters.ts';
import { createXPoster } from '../../src/bot/x-poster.ts';
import { plainHttpAgent } from '../../src/runtime/http-agent.ts';
import { OutboxStore } from '../../src/storage/outbox.ts';
import { createStory } from '../../src/story/schema.ts';
import type { FakeBlueskyState } from '../fakes/fake-bluesky.ts';
import type { FakeMastodonState } from '../fakes/fake-mastodon.ts';
import { FAKE_X_CREDENTIALS, type FakeXState } from '../fakes/fake-x.ts';
import {
  botEnv,
  clock,
  depsFor,
  drive,
  fakeState,
  fault,
  type PostView,
  postStory,
  postsOf,
} from './outbox-harness.ts';

// Fakes of this file's own: the faults scripted here cannot be eaten by requests from other test files.
const fakes = () => inject('outboxFakes');
const e = () => botEnv({ x: fakes().x });

async function xRow(what: string): Promise<PostView> {
  const { body } = await postStory(e(), { headline: `${what} ${crypto.randomUUID().slice(0, 8)} at the city council` });
  return (await postsOf(e(), body.id))[0]!;
}
const xPosts = async (text: string) => (await fakeState<FakeXState>(fakes().x)).posts.filter((p) => p.text === text);
const view = async (row: PostView) => (await postsOf(e(), row.storyId)).find((r) => r.id === row.id)!;
const kinds = (outcomes: { kind: string }[]) => outcomes.map((o) => o.kind);

describe('X faults', () => {
  it('429 with reset: waits until X’s reset, then posts once (the wait is not an attempt)', async () => {
    const row = await xRow('Rate limited');
    const c = clock();
    await fault(fakes().x, { mode: '429', resetSeconds: 900 });
    const first = await processRow(row.id, depsFor(e(), c.now));
    expect(first).toMatchObject({ kind: 'wait', requeue: true });
    if (first.kind !== 'wait') throw new Error('expected a wait');
    expect(first.at).toBeGreaterThanOrEqual(c.t + 890_000);
    expect(await view(row)).toMatchObject({ state: 'failed', attempts: 0, lastError: expect.stringContaining('429') });
    // Not before the reset: a redelivered message finds it not due and does not requeue itself again.
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'wait', requeue: false });
    c.t = first.at;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(row.text)).toHaveLength(1);
    expect(await view(row)).toMatchObject({ state: 'posted', attempts: 1 });
  });

  it('429 on the 24-hour user limit: waits for that reset, not the 15-minute one', async () => {
    const row = await xRow('User day limit');
    const c = clock();
    await fault(fakes().x, { mode: '429-user-day', resetSeconds: 20 * 3600 });
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(kinds(outcomes)).toEqual(['wait', 'posted']);
    expect(outcomes[0]).toMatchObject({ at: expect.any(Number) });
    expect((outcomes[0] as { at: number }).at - Date.now()).toBeGreaterThan(19 * 3600_000);
    expect(await xPosts(row.text)).toHaveLength(1);
  });

  it('503 on the post: ambiguous, so it checks first, finds nothing, posts once', async () => {
    const row = await xRow('Service unavailable');
    const c = clock();
    await fault(fakes().x, { mode: '503' });
    const first = await processRow(row.id, depsFor(e(), c.now));
    expect(first).toMatchObject({ kind: 'wait' });
    expect(await view(row)).toMatchObject({
      state: 'failed',
      pendingCheck: true,
      lastError: expect.stringContaining('503'),
    });
    c.t = (first as { at: number }).at;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(row.text)).toHaveLength(1);
    expect(await view(row)).toMatchObject({ state: 'posted', attempts: 2, pendingCheck: false });
  });

  it('503 during the media upload: nothing was posted, so a backoff retry posts once', async () => {
    const row = await xRow('Media upload failed');
    const c = clock();
    await fault(fakes().x, { mode: '503', on: 'media' });
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(kinds(outcomes)).toEqual(['wait', 'posted']);
    expect(await xPosts(row.text)).toHaveLength(1);
    expect(await view(row)).toMatchObject({ state: 'posted', attempts: 2 });
  });

  for (const mode of ['timeout-after-accept', '503-after-accept', 'reset-after-accept']) {
    it(`${mode}: X published it; the check finds it and nothing is posted again`, async () => {
      const row = await xRow(`Accepted then lost (${mode})`);
      const c = clock();
      await fault(fakes().x, { mode });
      const outcomes = await drive(row.id, depsFor(e(), c.now), c);
      expect(kinds(outcomes)).toEqual(['wait', 'posted']);
      const posts = await xPosts(row.text);
      expect(posts).toHaveLength(1);
      expect(await view(row)).toMatchObject({ state: 'posted', platformPostId: posts[0]!.id, attempts: 1 });
    });
  }

  it('a check that cannot answer is repeated later; it never posts blind', async () => {
    const row = await xRow('Lookup down');
    const c = clock();
    await fault(fakes().x, { mode: 'timeout-after-accept' });
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'wait' });
    await fault(fakes().x, { mode: '503', on: 'any' });
    c.t += 60_000;
    const unsure = await processRow(row.id, depsFor(e(), c.now));
    expect(unsure).toMatchObject({ kind: 'wait', reason: expect.stringContaining('could not check') });
    expect(await view(row)).toMatchObject({ state: 'failed', pendingCheck: true });
    c.t = (unsure as { at: number }).at;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(row.text)).toHaveLength(1);
  });

  it('403 duplicate content for a post that is there: adopted as posted after the check, no second post', async () => {
    const row = await xRow('Already on X');
    // The same text went out before (another tool, or an attempt whose answer was lost): X refuses it again.
    const earlier = await createXPoster({
      ...FAKE_X_CREDENTIALS,
      httpAgent: plainHttpAgent(),
      baseUrl: fakes().x,
    }).post({ text: row.text });
    expect(earlier).toMatchObject({ ok: true });
    const c = clock();
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(kinds(outcomes)).toEqual(['wait', 'posted']);
    expect(await xPosts(row.text)).toHaveLength(1);
    expect(await view(row)).toMatchObject({
      state: 'posted',
      platformPostId: (earlier as { platformPostId: string }).platformPostId,
    });
  });

  it('403 duplicate content with no such post found: dead with the reason, not retried', async () => {
    const row = await xRow('Phantom duplicate');
    const c = clock();
    await fault(fakes().x, { mode: 'duplicate' });
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(kinds(outcomes)).toEqual(['wait', 'dead']);
    expect(await view(row)).toMatchObject({ state: 'dead', lastError: expect.stringContaining('duplicate') });
    expect(await xPosts(row.text)).toEqual([]);
  });

  it('401: dead at once with the reason; a redelivered message does not try again', async () => {
    const row = await xRow('Bad credentials');
    const c = clock();
    await fault(fakes().x, { mode: '401' });
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'dead' });
    const dead = await view(row);
    expect(dead).toMatchObject({ state: 'dead', attempts: 1, nextAttemptAt: null });
    expect(dead.lastError).toContain('401');
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'skip' });
    expect(await xPosts(row.text)).toEqual([]);
  });

  it('a Worker that died after X accepted the post: once its lease ends, the check finds the post', async () => {
    const row = await xRow('Died after posting');
    const c = clock();
    const store = new OutboxStore(env.DB);
    // The dying attempt: it claims the row and posts, and its answer never reaches D1.
    const claimed = await store.claim(row.id, { now: c.t, leaseMs: 600_000, cap: 50, dayStart: 0 });
    expect(claimed?.state).toBe('posting');
    const story = createStory({ headline: 'unused', url: 'https://news.example.org/unused' });
    const sent = await createXPoster({ ...FAKE_X_CREDENTIALS, httpAgent: plainHttpAgent(), baseUrl: fakes().x }).post(
      postInputFor(
        story,
        row.text,
        { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
        row.id,
      ),
    );
    expect(sent).toMatchObject({ ok: true });
    // While the lease holds, another delivery keeps off.
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'wait', requeue: false });
    c.t += 600_001;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(row.text)).toHaveLength(1);
    expect(await view(row)).toMatchObject({
      state: 'posted',
      platformPostId: (sent as { platformPostId: string }).platformPostId,
    });
  });

  it('a Worker that died before posting: once its lease ends, the check finds nothing and it posts once', async () => {
    const row = await xRow('Died before posting');
    const c = clock();
    await new OutboxStore(env.DB).claim(row.id, { now: c.t, leaseMs: 600_000, cap: 50, dayStart: 0 });
    c.t += 600_001;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(row.text)).toHaveLength(1);
  });
});

describe('Bluesky and Mastodon faults', () => {
  const bskyEnv = () => botEnv({ bluesky: fakes().bluesky });
  const mastoEnv = () => botEnv({ mastodon: fakes().mastodon });
  const rowIn = async (en: ReturnType<typeof botEnv>, what: string) => {
    const { body } = await postStory(en, { headline: `${what} ${crypto.randomUUID().slice(0, 8)} in the harbour` });
    return (await postsOf(en, body.id))[0]!;
  };

  // 503: nothing was written, so it is checked later and posted. Timeout after accept: the record is at the row's
  // key, which the poster reads at once, so the first attempt already ends posted.
  for (const [mode, ends] of [
    ['503', ['wait', 'posted']],
    ['timeout-after-accept', ['posted']],
  ] as const) {
    it(`Bluesky ${mode}: checked before posting again, one post`, async () => {
      const row = await rowIn(bskyEnv(), `Bluesky ${mode}`);
      const c = clock();
      await fault(fakes().bluesky, { mode });
      expect(kinds(await drive(row.id, depsFor(bskyEnv(), c.now), c))).toEqual(ends);
      const posts = (await fakeState<FakeBlueskyState>(fakes().bluesky)).posts.filter((p) => p.text === row.text);
      expect(posts).toHaveLength(1);
    });
  }

  for (const mode of ['503-after-accept', '429']) {
    it(`Mastodon ${mode}: one status in the end`, async () => {
      const row = await rowIn(mastoEnv(), `Mastodon ${mode}`);
      const c = clock();
      await fault(fakes().mastodon, { mode });
      expect(kinds(await drive(row.id, depsFor(mastoEnv(), c.now), c))).toEqual(['wait', 'posted']);
      const statuses = (await fakeState<FakeMastodonState>(fakes().mastodon)).statuses.filter(
        (s) => s.text === row.text,
      );
      expect(statuses).toHaveLength(1);
    });
  }

  it('a card over Bluesky’s 1,000,000-byte limit: dead with a reason naming both sizes, nothing uploaded', async () => {
    const { body } = await postStory(bskyEnv(), {
      headline: `Huge card ${crypto.randomUUID().slice(0, 8)} at the port`,
    });
    const [row] = await postsOf(bskyEnv(), body.id);
    // The stored card for this address is what the consumer reads; make it a PNG over the limit.
    const key = new URL(body.cardUrl).pathname.slice(1);
    const big = new Uint8Array(1_200_000);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await env.CARDS.put(key, big);
    const before = (await fakeState<FakeBlueskyState>(fakes().bluesky)).blobs;
    const c = clock();
    expect(await processRow(row!.id, depsFor(bskyEnv(), c.now))).toMatchObject({ kind: 'dead' });
    const dead = (await postsOf(bskyEnv(), body.id))[0]!;
    expect(dead.state).toBe('dead');
    expect(dead.lastError).toContain('1,000,000 bytes');
    expect(dead.lastError).toContain('1,200,000 bytes');
    expect(Object.keys((await fakeState<FakeBlueskyState>(fakes().bluesky)).blobs)).toEqual(Object.keys(before));
  });

  it('D1 failing to record a Bluesky post (which has no idempotency key): the next attempt finds it, no second post', async () => {
    const row = await rowIn(bskyEnv(), 'Unrecorded');
    const c = clock();
    const deps = depsFor(bskyEnv(), c.now);
    const flaky = Object.create(deps.store) as typeof deps.store;
    flaky.markPosted = async () => {
      throw new Error('D1_ERROR: Network connection lost.');
    };
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const first = await processRow(row.id, { ...deps, store: flaky });
    expect(log).toHaveBeenCalledWith(
      `outbox ${row.id} (bluesky):`,
      expect.objectContaining({ message: 'D1_ERROR: Network connection lost.' }),
    );
    log.mockRestore();
    expect(first).toMatchObject({ kind: 'wait', reason: expect.stringContaining('D1_ERROR') });
    expect((await postsOf(bskyEnv(), row.storyId))[0]).toMatchObject({ state: 'failed', pendingCheck: true });
    c.t = (first as { at: number }).at;
    expect(await processRow(row.id, depsFor(bskyEnv(), c.now))).toMatchObject({ kind: 'posted' });
    const posts = (await fakeState<FakeBlueskyState>(fakes().bluesky)).posts.filter((p) => p.text === row.text);
    expect(posts).toHaveLength(1);
  });
});
