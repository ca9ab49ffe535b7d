// The fenced outbox: an attempt that outlives its lease changes nothing, and existence checks look far enough and
// compare the link. Each test ends in exactly one post, or proves why not.
import { describe, expect, inject, it } from 'vitest';
import { LEASE_MS, type Outcome, processRow } from '../../src/bot/outbox.ts';
import { createXPoster } from '../../src/bot/x-poster.ts';
import { plainHttpAgent } from '../../src/runtime/http-agent.ts';
import type { FakeBlueskyState } from '../fakes/fake-bluesky.ts';
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

const fakes = () => inject('fenceFakes');
const unique = (what: string) => `${what} ${crypto.randomUUID().slice(0, 8)} at the harbour office`;

async function rowOf(e: Env, overrides: Parameters<typeof postStory>[1] = {}): Promise<PostView> {
  const { body } = await postStory(e, { headline: unique('Fenced'), ...overrides });
  return (await postsOf(e, body.id))[0]!;
}
const held = async (url: string) => ((await (await fetch(`${url}/__held`)).json()) as { held: number }).held;
const release = async (url: string) => expect((await fetch(`${url}/__release`, { method: 'POST' })).status).toBe(200);
async function untilHeld(url: string, n: number) {
  // No budget of its own (the test's timeout bounds it): a loaded machine may take more than a few seconds.
  while ((await held(url)) < n) await new Promise((r) => setTimeout(r, 25));
  expect(await held(url)).toBe(n);
}
/** Requests the fake saw to `path` (POST), so a test can tell whether an attempt even tried. */
const creates = async (url: string, path: string) =>
  ((await (await fetch(`${url}/__log`)).json()) as { method: string; path: string }[]).filter(
    (r) => r.method === 'POST' && r.path === path,
  ).length;
const bskyPosts = async (text: string) =>
  (await fakeState<FakeBlueskyState>(fakes().bluesky)).posts.filter((p) => p.text === text);

describe('an attempt that outlives its lease', () => {
  it('Bluesky: stalled in the upload past its lease, it wakes after a takeover posted, and sends nothing', async () => {
    const e = botEnv({ bluesky: fakes().bluesky });
    const row = await rowOf(e);
    const c = clock();
    await fault(fakes().bluesky, { mode: 'hold', on: 'media' });
    // A: claims, then stalls in the card upload (long timeouts: it is slow, not failed).
    const a = processRow(row.id, depsFor(e, c.now, 20_000));
    await untilHeld(fakes().bluesky, 1);
    // The lease runs out; B takes the row over, checks (nothing there) and posts.
    c.t += LEASE_MS + 1;
    const b = await processRow(row.id, depsFor(e, c.now, 20_000));
    expect(b).toMatchObject({ kind: 'posted' });
    const sent = await creates(fakes().bluesky, '/xrpc/com.atproto.repo.createRecord');
    await release(fakes().bluesky);
    expect(await a).toMatchObject({ kind: 'skip', reason: expect.stringContaining('lease') });
    // Fenced right before the platform call: the woken attempt did not even send its create request.
    expect(await creates(fakes().bluesky, '/xrpc/com.atproto.repo.createRecord')).toBe(sent);
    expect(await bskyPosts(row.text)).toHaveLength(1);
    expect((await postsOf(e, row.storyId))[0]).toMatchObject({
      state: 'posted',
      platformPostId: (b as { platformPostId: string }).platformPostId,
    });
  });

  it('Bluesky: its create request stalls past the lease and succeeds late, after the takeover sent its own: one post', async () => {
    const e = botEnv({ bluesky: fakes().bluesky });
    const row = await rowOf(e);
    const c = clock();
    // Both create requests are held at the PDS: A's (sent while it held the lease) and then B's.
    await fault(fakes().bluesky, { mode: 'hold', on: 'post', count: 2 });
    const a = processRow(row.id, depsFor(e, c.now, 20_000));
    await untilHeld(fakes().bluesky, 1);
    c.t += LEASE_MS + 1;
    const b = processRow(row.id, depsFor(e, c.now, 20_000));
    await untilHeld(fakes().bluesky, 2);
    // A's request lands first and makes the post; its attempt no longer holds the row, so it records nothing.
    await release(fakes().bluesky);
    const outcomeA: Outcome = await a;
    expect(outcomeA).toMatchObject({ kind: 'skip' });
    // B's request finds the row's record key taken: the post there is the row's post.
    await release(fakes().bluesky);
    const outcomeB = await b;
    const posts = await bskyPosts(row.text);
    expect(posts).toHaveLength(1);
    expect(outcomeB).toMatchObject({ kind: 'posted', platformPostId: posts[0]!.uri });
    expect((await postsOf(e, row.storyId))[0]).toMatchObject({ state: 'posted', platformPostId: posts[0]!.uri });
  });

  it('X: stalled in the media upload past its lease, it sends no tweet after the takeover posted', async () => {
    const e = botEnv({ x: fakes().x });
    const row = await rowOf(e);
    const c = clock();
    await fault(fakes().x, { mode: 'hold', on: 'media' });
    const a = processRow(row.id, depsFor(e, c.now, 20_000));
    await untilHeld(fakes().x, 1);
    c.t += LEASE_MS + 1;
    expect(await processRow(row.id, depsFor(e, c.now, 20_000))).toMatchObject({ kind: 'posted' });
    const sent = await creates(fakes().x, '/2/tweets');
    await release(fakes().x);
    expect(await a).toMatchObject({ kind: 'skip' });
    const tweets = (await fakeState<FakeXState>(fakes().x)).posts.filter((p) => p.text === row.text);
    expect(tweets).toHaveLength(1);
    // The stalled attempt did not even try: no second create request reached X.
    expect(await creates(fakes().x, '/2/tweets')).toBe(sent);
  });
});

describe('is it already posted?', () => {
  it('pages back far enough: a post lost behind 120 newer ones is still found, not posted again', async () => {
    const e = botEnv({ x: fakes().x });
    const row = await rowOf(e);
    const c = clock();
    await fault(fakes().x, { mode: 'timeout-after-accept' });
    expect(await processRow(row.id, depsFor(e, c.now))).toMatchObject({ kind: 'wait' });
    // Before the check comes round, the account posts 120 other things (a busy hour, another tool).
    const other = createXPoster({ ...FAKE_X_CREDENTIALS, httpAgent: plainHttpAgent(), baseUrl: fakes().x });
    for (let i = 0; i < 120; i++)
      expect(await other.post({ text: `${unique('Other news')} ${i}` })).toMatchObject({ ok: true });
    const outcomes = await drive(row.id, depsFor(e, c.now), c);
    expect(outcomes.at(-1)).toMatchObject({ kind: 'posted' });
    const tweets = (await fakeState<FakeXState>(fakes().x)).posts.filter((p) => p.text === row.text);
    expect(tweets).toHaveLength(1);
    expect((await postsOf(e, row.storyId))[0]).toMatchObject({ state: 'posted', platformPostId: tweets[0]!.id });
  });

  it('compares the link: another story with the same words is not this post, so this one is posted', async () => {
    const e = botEnv({ x: fakes().x });
    const words = { headline: unique('Same words'), quote: 'Exactly the same quote in both stories, word for word' };
    const first = await rowOf(e, { ...words, url: `https://news.example.org/first/${crypto.randomUUID()}` });
    const c = clock();
    expect((await drive(first.id, depsFor(e, c.now), c)).at(-1)).toMatchObject({ kind: 'posted' });
    const second = await rowOf(e, { ...words, url: `https://news.example.org/second/${crypto.randomUUID()}` });
    // The first attempt at the second story fails in a way that needs a check (nothing was published).
    await fault(fakes().x, { mode: '503' });
    const later = clock();
    const outcomes = await drive(second.id, depsFor(e, later.now), later);
    expect(outcomes.map((o) => o.kind)).toEqual(['wait', 'posted']);
    const posts = (await fakeState<FakeXState>(fakes().x)).posts;
    const mine = posts.filter((p) => p.text === second.text);
    expect(mine).toHaveLength(1);
    const rows = [(await postsOf(e, first.storyId))[0]!, (await postsOf(e, second.storyId))[0]!];
    expect(rows[1]!.platformPostId).toBe(mine[0]!.id);
    expect(rows[1]!.platformPostId).not.toBe(rows[0]!.platformPostId);
  });

  it('Bluesky posts carry a deterministic record key: the same row always writes the same TID', async () => {
    const e = botEnv({ bluesky: fakes().bluesky });
    const row = await rowOf(e);
    const c = clock();
    await drive(row.id, depsFor(e, c.now), c);
    const [post] = await bskyPosts(row.text);
    const { recordKeyFor } = await import('../../src/bot/record-key.ts');
    const created = (await postsOf(e, row.storyId))[0] as PostView & { createdAt: string };
    expect(post!.rkey).toBe(recordKeyFor(row.id, Date.parse(created.createdAt)));
    expect(post!.rkey).toMatch(/^[234567abcdefghij][234567a-z]{12}$/);
  });
});
