// The CLI's outbox store keeps the D1 store's rules: one claim at a time, fenced writes, the daily cap, and a
// stalled attempt that wakes after a takeover sends nothing (the same state machine, src/bot/outbox.ts, on top).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MS, processRow } from '../../src/bot/outbox.ts';
import { createXPoster } from '../../src/bot/x-poster.ts';
import { MemoryStore } from '../../src/publish/memory.ts';
import { plainHttpAgent } from '../../src/runtime/http-agent.ts';
import type { NewOutboxRow } from '../../src/storage/outbox.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_X_CREDENTIALS, type FakeX, startFakeX } from '../fakes/fake-x.ts';
import { makePng } from '../fakes/png.ts';

let x: FakeX;
beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());

const newRow = (text: string, i: number): NewOutboxRow => ({
  storyId: `s${i}`,
  platform: 'x',
  account: '1234567890',
  text,
  link: 'https://news.example.org/a',
  cardHash: 'h',
  state: 'queued',
});

function storeWith(...texts: string[]) {
  const store = new MemoryStore({ version: 2, stories: [], outbox: [] });
  return store.publish.commit({ posts: texts.map(newRow) }, 1000).then(() => store);
}

describe('MemoryStore', () => {
  it('lets one claim through, fences every write by the lease token, and hands an expired lease over', async () => {
    const store = await storeWith('one');
    const id = store.state.outbox[0]!.id;
    const c = { now: 2000, leaseMs: 1000, cap: 10, dayStart: 0 };
    const a = await store.outbox.claim(id, c);
    expect(a).toMatchObject({ state: 'posting', leaseUntil: 3000 });
    expect(await store.outbox.claim(id, c)).toBeNull();
    expect(await store.outbox.renew(id, 'not-the-token', { now: 2500, leaseMs: 1000 })).toBe(false);
    const b = await store.outbox.claim(id, { ...c, now: 3001 });
    expect(b).toMatchObject({ state: 'posting', needsCheck: 'ambiguous' });
    const posted = { platformPostId: '1', url: 'u', attempts: 1, now: 3002 };
    expect(await store.outbox.markPosted(id, a!.leaseToken!, posted)).toBe(false);
    expect(await store.outbox.markPosted(id, b!.leaseToken!, posted)).toBe(true);
    expect(await store.outbox.get(id)).toMatchObject({ state: 'posted', leaseToken: null });
  });

  it('counts the account’s posts against the cap, and defers a capped row to the next day', async () => {
    const store = await storeWith('first', 'second');
    const [r1, r2] = store.state.outbox;
    const c = { now: 2000, leaseMs: 1000, cap: 1, dayStart: 0 };
    const a = await store.outbox.claim(r1!.id, c);
    await store.outbox.markPosted(r1!.id, a!.leaseToken!, { platformPostId: '1', url: 'u', attempts: 1, now: 2000 });
    expect(await store.outbox.claim(r2!.id, c)).toBeNull();
    expect(await store.outbox.defer(r2!.id, 86_400_000, 'capped', 2000)).toBe(true);
    expect(await store.outbox.get(r2!.id)).toMatchObject({ state: 'queued', nextAttemptAt: 86_400_000 });
  });

  it('under the state machine, an attempt stalled past its lease sends nothing once a takeover posted', async () => {
    const text = `Stalled CLI attempt ${crypto.randomUUID().slice(0, 8)}`;
    const store = await storeWith(text);
    const id = store.state.outbox[0]!.id;
    const story = createStory({ headline: text, url: 'https://news.example.org/a' });
    const clock = { t: 5000 };
    const deps = {
      store: store.outbox,
      posters: { x: createXPoster({ ...FAKE_X_CREDENTIALS, httpAgent: plainHttpAgent(), baseUrl: x.url }) },
      caps: { x: 50, bluesky: 50, mastodon: 50 },
      loadStory: async () => story,
      loadCard: async () => ({ bytes: makePng(4, 3), type: 'image/png' as const }),
      now: () => clock.t,
    };
    x.fault({ mode: 'hold', on: 'media' });
    const a = processRow(id, deps);
    // Until X has the upload (the first attempt is then holding its claim): however long a loaded machine takes.
    while (!x.log.some((r) => r.path.startsWith('/2/media'))) await new Promise((r) => setTimeout(r, 10));
    clock.t += LEASE_MS + 1;
    expect(await processRow(id, deps)).toMatchObject({ kind: 'posted' });
    const tweetsBefore = x.log.filter((r) => r.path === '/2/tweets').length;
    await fetch(`${x.url}/__release`, { method: 'POST' });
    expect(await a).toMatchObject({ kind: 'skip' });
    expect(x.log.filter((r) => r.path === '/2/tweets').length).toBe(tweetsBefore);
    expect(x.state.posts.filter((p) => p.text === text)).toHaveLength(1);
  });
});
