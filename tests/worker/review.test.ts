// The editor in control: BOT_MODE=review holds each post until approved, skip drops it, PATCH edits its text within
// the platform's length; campaign parameters go on post links only; today's posts against the cap, and X's spend.
import { describe, expect, inject, it } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { UNCONFIGURED } from '../../src/bot/plan.ts';
import { PLATFORMS } from '../../src/bot/types.ts';
import type { FakeBlueskyState } from '../fakes/fake-bluesky.ts';
import type { FakeXState } from '../fakes/fake-x.ts';
import { botEnv, callWith, clock, depsFor, fakeState, type PostView, postStory, postsOf } from './outbox-harness.ts';

const fakes = () => inject('quietFakes');
const review = (settings: Record<string, string> = {}) => botEnv({ x: fakes().x }, { BOT_MODE: 'review', ...settings });
const headline = (what: string) => `${what} ${crypto.randomUUID().slice(0, 8)} as the ferry timetable changes`;
const xPosts = async (text: string) => (await fakeState<FakeXState>(fakes().x)).posts.filter((p) => p.text === text);

async function waiting(e: Env, what: string): Promise<PostView> {
  const { status, body } = await postStory(e, { headline: headline(what) });
  expect(status).toBe(201);
  return (await postsOf(e, body.id))[0]!;
}
const act = (e: Env, id: string, action: 'approve' | 'skip') =>
  callWith(e, `/api/posts/${id}/${action}`, { method: 'POST' });
const edit = (e: Env, id: string, body: unknown) =>
  callWith(e, `/api/posts/${id}`, { method: 'PATCH', body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('BOT_MODE=review', () => {
  it('holds a new post for an editor: listed as waiting, never sent until approved, then posted once', async () => {
    const e = review();
    const row = await waiting(e, 'Held for review');
    expect(row).toMatchObject({ state: 'review', attempts: 0, nextAttemptAt: null });
    const listed = await callWith(e, '/api/posts?state=review&limit=100');
    expect(((await listed.json()) as { items: PostView[] }).items.map((p) => p.id)).toContain(row.id);
    // A consumer (a stray message, the cron sweep) leaves it alone.
    expect(await processRow(row.id, depsFor(e, Date.now))).toMatchObject({ kind: 'skip' });
    expect(await xPosts(row.text)).toEqual([]);

    const approved = await act(e, row.id, 'approve');
    expect(approved.status).toBe(202);
    expect(await approved.json()).toMatchObject({ id: row.id, state: 'queued' });
    expect(await processRow(row.id, depsFor(e, clock().now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(row.text)).toHaveLength(1);
    const again = await act(e, row.id, 'approve');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toMatch(
      /expected a post waiting for review, received posted/,
    );
  });

  it('skip drops a waiting post for good: nothing is sent, and it cannot be approved afterwards', async () => {
    const e = review();
    const row = await waiting(e, 'Skipped by the editor');
    const skipped = await act(e, row.id, 'skip');
    expect(skipped.status).toBe(200);
    expect(await skipped.json()).toMatchObject({ state: 'skipped' });
    expect(await processRow(row.id, depsFor(e, Date.now))).toMatchObject({ kind: 'skip' });
    expect((await act(e, row.id, 'approve')).status).toBe(409);
    expect(await xPosts(row.text)).toEqual([]);
  });

  it('PATCH edits the text before approval, within the platform’s length and keeping the link; clear 4xx otherwise', async () => {
    const e = review();
    const row = await waiting(e, 'Edited before posting');
    const link = row.text.match(/https:\/\/\S+/)![0];
    const text = `Edited by the desk: the ferry keeps its night run. ${link}`;
    const ok = await edit(e, row.id, { text });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ state: 'review', text });

    const long = await edit(e, row.id, { text: `${'word '.repeat(60)}${link}` });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({
      error: 'invalid_request',
      message: expect.stringMatching(/^text: expected at most 280 characters as x counts them, received 3\d\d/),
      issues: [{ path: 'text' }],
    });
    const noLink = await edit(e, row.id, { text: 'No link at all' });
    expect(noLink.status).toBe(400);
    expect(((await noLink.json()) as { message: string }).message).toMatch(/^text: expected the story link/);
    expect((await edit(e, row.id, { text: 5 })).status).toBe(400);
    expect((await edit(e, row.id, { text: '' })).status).toBe(400);
    expect((await edit(e, row.id, { text: `bad \u0007 bell ${link}` })).status).toBe(400);
    expect((await edit(e, row.id, '{"text": "\\ud800 lone"}')).status).toBe(400);
    expect((await edit(e, row.id, 'not json')).status).toBe(400);
    expect((await edit(e, 'no-such-post', { text })).status).toBe(404);

    expect((await act(e, row.id, 'approve')).status).toBe(202);
    expect(await processRow(row.id, depsFor(e, clock().now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(text)).toHaveLength(1);
    // Sent: the text is frozen now.
    const late = await edit(e, row.id, { text: `Too late ${link}` });
    expect(late.status).toBe(409);
  });

  it('without credentials, every platform gets a dry-run row to rehearse on: approving records what would have been sent', async () => {
    const e = botEnv({}, { BOT_MODE: 'review' });
    const { body } = await postStory(e, { headline: headline('Rehearsed review') });
    const rows = await postsOf(e, body.id);
    expect(rows.map((r) => r.platform).sort()).toEqual([...PLATFORMS].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ state: 'review', account: UNCONFIGURED });
      expect(r.lastError).toMatch(/^dry run \(approving records it, sends nothing\): not configured: set /);
      expect(r.text).toContain(body.story.headline);
    }
    const x = rows.find((r) => r.platform === 'x')!;
    const link = x.text.match(/https:\/\/\S+/)![0];
    const text = `Rehearsed by the desk. ${link}`;
    expect((await edit(e, x.id, { text })).status).toBe(200);
    const approved = await act(e, x.id, 'approve');
    expect(approved.status).toBe(202);
    // Exactly what a dry run keeps: the record of the (edited) text, in the dry-run state, which never moves again.
    expect(await approved.json()).toMatchObject({ id: x.id, state: 'dry-run', text, nextAttemptAt: null });
    expect(await processRow(x.id, depsFor(e, Date.now))).toMatchObject({ kind: 'skip', reason: 'already dry-run' });
    expect((await act(e, x.id, 'approve')).status).toBe(409);
    const other = rows.find((r) => r.platform === 'bluesky')!;
    expect(await (await act(e, other.id, 'skip')).json()).toMatchObject({ state: 'skipped' });
  });

  it('approving needs the bot to send (review or live); BOT_MODE=off answers 409 and changes nothing', async () => {
    const row = await waiting(review(), 'Approved while off');
    const off = botEnv({ x: fakes().x }, { BOT_MODE: 'off' });
    const res = await act(off, row.id, 'approve');
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toContain('BOT_MODE');
    expect((await postsOf(off, row.storyId))[0]).toMatchObject({ state: 'review' });
  });
});

describe('campaign links and today’s count', () => {
  it('POST_LINK_QUERY goes on each post’s link, per platform, and never on the share page’s canonical URL', async () => {
    const e = botEnv(
      { x: fakes().x, bluesky: fakes().bluesky },
      { POST_LINK_QUERY: 'utm_source={platform}&utm_medium=social' },
    );
    const { body } = await postStory(e, { headline: headline('Campaign links') });
    const rows = await postsOf(e, body.id);
    const x = rows.find((r) => r.platform === 'x')!;
    expect(x.text).toContain(`${body.story.url}?utm_source=x&utm_medium=social`);
    const bsky = rows.find((r) => r.platform === 'bluesky')!;
    expect(await processRow(bsky.id, depsFor(e, clock().now))).toMatchObject({ kind: 'posted' });
    const [skeet] = (await fakeState<FakeBlueskyState>(fakes().bluesky)).posts.filter((p) => p.text === bsky.text);
    expect((skeet!.record.embed as { external: { uri: string } }).external.uri).toBe(
      `${body.story.url}?utm_source=bluesky&utm_medium=social`,
    );
    const page = await (await callWith(e, `/s/${body.slug}`, { headers: { 'User-Agent': 'Twitterbot/1.0' } })).text();
    expect(page).toContain(`<link rel="canonical" href="${body.story.url}">`);
    expect(page).not.toContain('utm_source');
  });

  it('GET /api/posts/today shows each account’s posts today against its cap, and X’s estimated spend', async () => {
    const e = botEnv({ x: fakes().x }, { X_DAILY_CAP: '40', X_LINK_POST_PRICE_USD: '0.25' });
    const before = (await (await callWith(e, '/api/posts/today')).json()) as {
      platforms: Array<{ platform: string; postedToday: number; cap: number; estimatedSpendUsd?: number }>;
    };
    const xBefore = before.platforms.find((p) => p.platform === 'x')!;
    expect(xBefore.cap).toBe(40);
    for (const what of ['Counted once', 'Counted twice']) {
      const { body } = await postStory(e, { headline: headline(what) });
      const [row] = await postsOf(e, body.id);
      expect(await processRow(row!.id, depsFor(e, clock().now))).toMatchObject({ kind: 'posted' });
    }
    const res = await callWith(e, '/api/posts/today');
    expect(res.status).toBe(200);
    const after = (await res.json()) as typeof before & { prices: { xLinkPostUsd: number } };
    const xAfter = after.platforms.find((p) => p.platform === 'x')!;
    expect(xAfter.postedToday).toBe(xBefore.postedToday + 2);
    expect(xAfter.estimatedSpendUsd).toBeCloseTo((xBefore.estimatedSpendUsd ?? 0) + 0.5, 5);
    expect(after.prices.xLinkPostUsd).toBe(0.25);
  });
});
