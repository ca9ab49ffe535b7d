// Threads through the outbox inside workerd, against a fake Threads API on 127.0.0.1: the card by its public URL,
// the 500-character text, alt text, each fault, and a lost publish answer adopted from the account's threads.
import { describe, expect, inject, it } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { threadsLength } from '../../src/bot/text-length.ts';
import { FAKE_THREADS, type FakeGraphState } from '../fakes/fake-graph.ts';
import { imageInfo } from '../fakes/image-size.ts';
import { kinds, networkHarness, unique } from '../helpers/network-poster.ts';
import * as graph from './graph-faults.ts';
import { callWith, clock, depsFor, drive, fakeState, fault, type PostView, type postStory } from './outbox-harness.ts';

const fake = () => inject('networkFakes').threads;
const { e, storyRows, view } = networkHarness(
  () => ({
    THREADS_USER_ID: FAKE_THREADS.userId,
    THREADS_ACCESS_TOKEN: FAKE_THREADS.token,
    THREADS_API_BASE_URL: fake(),
  }),
  ['threads'],
);

async function threadsRow(what: string, overrides: Parameters<typeof postStory>[1] = {}): Promise<PostView> {
  return (await storyRows(unique(what, 'at the library'), overrides)).rows[0]!;
}
const posts = async (text: string) => (await fakeState<FakeGraphState>(fake())).posts.filter((p) => p.text === text);
const threads: graph.GraphNetwork = { fake, e, view, posts, row: (what) => threadsRow(what), first: { on: 'media' } };

describe('Threads', () => {
  it('publishes a container made from the og card’s public URL, with the text and alt text, once', async () => {
    const row = await threadsRow('Reading room');
    const c = clock();
    expect(kinds(await drive(row.id, depsFor(e(), c.now), c))).toEqual(['posted']);
    const mine = await posts(row.text);
    expect(mine).toHaveLength(1);
    const post = mine[0]!;
    // The URL Threads fetches is the card at its content address on PUBLIC_BASE_URL, and it is the og size.
    expect(post.imageUrl).toMatch(/^https:\/\/cards\.example\.com\/cards\/[0-9a-f]{20}\/og\.(png|jpg)$/);
    const card = await callWith(e(), new URL(post.imageUrl!).pathname);
    expect(card.status).toBe(200);
    expect(imageInfo(new Uint8Array(await card.arrayBuffer()))).toMatchObject({ width: 1200, height: 630 });
    expect(post.alt).toContain(row.text.split('\n')[0]!.slice(0, 30));
    expect(row.text).toContain('https://news.example.org/a/');
    expect(await view(row)).toMatchObject({
      state: 'posted',
      platformPostId: post.id,
      url: `https://www.threads.com/@storycard/post/C${post.id}`,
    });
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'skip' });
    expect(await posts(row.text)).toHaveLength(1);
  });

  it('fits 500 characters as Threads counts them (an emoji is its UTF-8 bytes), so Threads takes it', async () => {
    // ~370 characters with 50 emoji: under 500 by graphemes, well over as Threads counts.
    const quote = 'Read 📚📖 now, '.repeat(25).trim();
    const row = await threadsRow('Emoji count', { quote });
    expect(threadsLength(row.text)).toBeLessThanOrEqual(500);
    expect([...new Intl.Segmenter().segment(row.text)].length).toBeLessThan(threadsLength(row.text));
    const c = clock();
    expect(kinds(await drive(row.id, depsFor(e(), c.now), c))).toEqual(['posted']);
    expect(await posts(row.text)).toHaveLength(1);
  });

  graph.throttled(
    threads,
    'throttled (Graph code 32 with estimated_time_to_regain_access): waits that long, then posts once',
    'Throttled',
    15,
  );

  it('503 on the container: nothing can be published yet, so it simply retries and posts once', async () => {
    const row = await threadsRow('Container failed');
    const c = clock();
    await fault(fake(), { mode: '503', on: 'media' });
    const first = await processRow(row.id, depsFor(e(), c.now));
    expect(first).toMatchObject({ kind: 'wait' });
    expect(await view(row)).toMatchObject({ state: 'failed', pendingCheck: false });
    c.t = (first as { at: number }).at;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await posts(row.text)).toHaveLength(1);
  });

  graph.lostAnswer(
    threads,
    (mode) => `${mode} on threads_publish: the account’s threads show it, and it is adopted, not posted again`,
    (mode) => `Lost publish (${mode})`,
    { attempts: 1 },
  );

  graph.refusedThenPosted(
    threads,
    '503 on threads_publish with nothing published: the check finds nothing, then it posts once',
    'Publish refused',
  );

  it('a check that cannot read the threads is repeated later; it never posts blind', async () => {
    const row = await threadsRow('Lookup down');
    const c = clock();
    await fault(fake(), { mode: 'timeout-after-accept' });
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'wait' });
    await fault(fake(), { mode: '503', on: 'any' });
    c.t += 60_000;
    const unsure = await processRow(row.id, depsFor(e(), c.now));
    expect(unsure).toMatchObject({ kind: 'wait', reason: expect.stringContaining('could not check') });
    c.t = (unsure as { at: number }).at;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted', found: true });
    expect(await posts(row.text)).toHaveLength(1);
  });

  graph.slowThenAdopted(
    threads,
    'slow publish past the timeout: once Threads has it, the check adopts it',
    'Slow publish',
  );
  graph.expiredToken(
    threads,
    'an expired token (code 190): dead with Threads’ reason, nothing retried',
    'Expired token',
  );
});
