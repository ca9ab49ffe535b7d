// The bot inside workerd against real local D1 and Node fakes: one story → one post per platform, never twice.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { INCOMPLETE_CARD_ATTEMPTS, processRow } from '../../src/bot/outbox.ts';
import { handlePostBatch, type PostMessage, sweepOutbox } from '../../src/bot/queue.ts';
import { OutboxStore } from '../../src/storage/outbox.ts';
import { registry as templates } from '../../templates/index.ts';
import { FAKE_BLUESKY_ACCOUNT, type FakeBlueskyState } from '../fakes/fake-bluesky.ts';
import { FAKE_MASTODON_TOKEN, type FakeMastodonState } from '../fakes/fake-mastodon.ts';
import { FAKE_X_CREDENTIALS, type FakeXState } from '../fakes/fake-x.ts';
import { botEnv, callWith, clock, depsFor, drive, fakeState, postStory, postsOf, render } from './outbox-harness.ts';

// Fakes no test scripts faults on: another file's fault cannot land on these requests, nor ours on its.
const fakes = () => inject('quietFakes');
const headline = (what: string) => `${what} ${crypto.randomUUID().slice(0, 8)} as the council votes on bike lanes`;
const xPosts = async (text: string) => (await fakeState<FakeXState>(fakes().x)).posts.filter((p) => p.text === text);

describe('outbox (BOT_MODE=live)', () => {
  it('posts a new story once to each platform with its card and alt text, and shows it in GET /api/posts', async () => {
    const e = botEnv(fakes());
    const { status, body: story } = await postStory(e, { headline: headline('Posted everywhere') });
    expect(status).toBe(201);
    const rows = await postsOf(e, story.id);
    expect(rows.map((r) => [r.platform, r.state]).sort()).toEqual([
      ['bluesky', 'queued'],
      ['mastodon', 'queued'],
      ['x', 'queued'],
    ]);
    // Accounts are named without secrets: X's user id, the Bluesky handle, the Mastodon host and a token digest.
    const accounts = Object.fromEntries(rows.map((r) => [r.platform, r.account]));
    expect(accounts.x).toBe(FAKE_X_CREDENTIALS.accessToken.split('-')[0]);
    expect(accounts.bluesky).toBe(`${FAKE_BLUESKY_ACCOUNT.handle}@${new URL(fakes().bluesky).host}`);
    expect(accounts.mastodon).toMatch(new RegExp(`^${new URL(fakes().mastodon).host}/token-[0-9a-f]{12}$`));
    expect(JSON.stringify(rows)).not.toContain(FAKE_MASTODON_TOKEN);
    const c = clock();
    for (const r of rows) expect((await drive(r.id, depsFor(e, c.now), c)).at(-1)).toMatchObject({ kind: 'posted' });

    const after = await postsOf(e, story.id);
    for (const r of after) {
      expect(r).toMatchObject({ state: 'posted', attempts: 1, lastError: null, nextAttemptAt: null });
      expect(r.platformPostId).toBeTruthy();
      expect(r.url).toMatch(/^https?:\/\//);
      // The frozen text is what went out.
      expect(r.text).toBe(rows.find((x) => x.id === r.id)!.text);
    }
    const x = after.find((r) => r.platform === 'x')!;
    const [tweet, ...more] = await xPosts(x.text);
    expect(more).toEqual([]);
    expect(tweet!.id).toBe(x.platformPostId);
    expect(tweet!.mediaIds).toHaveLength(1);
    expect(tweet!.altTexts[0]).toContain(story.story.headline);
    expect(x.url).toBe(`https://x.com/i/web/status/${tweet!.id}`);
    // The card went up whole: the fake checked the PNG signature and byte count.
    const media = (await fakeState<FakeXState>(fakes().x)).media[tweet!.mediaIds[0]!]!;
    expect(media).toMatchObject({ mediaType: 'image/png', finalized: true });
    expect(media.totalBytes).toBeGreaterThan(10_000);

    const bsky = after.find((r) => r.platform === 'bluesky')!;
    const skeets = (await fakeState<FakeBlueskyState>(fakes().bluesky)).posts.filter((p) => p.text === bsky.text);
    expect(skeets).toHaveLength(1);
    expect(skeets[0]!.record).toMatchObject({
      embed: { $type: 'app.bsky.embed.external', external: { uri: story.story.url, thumb: { mimeType: 'image/png' } } },
    });
    const toot = after.find((r) => r.platform === 'mastodon')!;
    const toots = (await fakeState<FakeMastodonState>(fakes().mastodon)).statuses.filter((s) => s.text === toot.text);
    expect(toots).toHaveLength(1);
    expect(toots[0]!.mediaIds).toHaveLength(1);
    expect(toots[0]!.descriptions[0]).toContain(story.story.headline);
  });

  it('the same story submitted twice makes one set of rows and one post', async () => {
    const e = botEnv({ x: fakes().x });
    const input = {
      headline: headline('Submitted twice'),
      url: `https://news.example.org/twice/${crypto.randomUUID()}`,
    };
    const first = await postStory(e, input);
    const second = await postStory(e, input);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
    const rows = await postsOf(e, first.body.id);
    expect(rows).toHaveLength(1);
    const c = clock();
    await drive(rows[0]!.id, depsFor(e, c.now), c);
    await postStory(e, input);
    expect(await postsOf(e, first.body.id)).toMatchObject([{ state: 'posted', attempts: 1 }]);
    expect(await xPosts(rows[0]!.text)).toHaveLength(1);
  });

  it('a message delivered twice, and two consumers at once, make one post', async () => {
    const e = botEnv({ x: fakes().x });
    const { body } = await postStory(e, { headline: headline('Delivered twice') });
    const [row] = await postsOf(e, body.id);
    const message = { timestamp: Date.now(), attempts: 1, body: { outboxId: row!.id } };
    const batch = createMessageBatch<PostMessage>('storycard-posts', [
      { id: 'm1', ...message },
      { id: 'm2', ...message },
    ]);
    const ctx = createExecutionContext();
    await handlePostBatch(batch, e, { templates, renderCard: render });
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(['m1', 'm2']);
    expect(result.retryMessages).toEqual([]);
    expect(await xPosts(row!.text)).toHaveLength(1);
    expect((await postsOf(e, body.id))[0]).toMatchObject({ state: 'posted', attempts: 1 });

    // Two consumers racing for one fresh row: the claim lets one through; the other is told to wait for its lease.
    const { body: other } = await postStory(e, { headline: headline('Raced') });
    const [raced] = await postsOf(e, other.id);
    const c = clock();
    const outcomes = await Promise.all([
      processRow(raced!.id, depsFor(e, c.now)),
      processRow(raced!.id, depsFor(e, c.now)),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['posted', 'wait']);
    expect(await xPosts(raced!.text)).toHaveLength(1);
  });

  it('BOT_MODE=dry-run records the exact text and posts nothing; off records nothing', async () => {
    const e = botEnv(fakes(), { BOT_MODE: 'dry-run' });
    const { body } = await postStory(e, { headline: headline('Dry run') });
    const rows = await postsOf(e, body.id);
    expect(rows.map((r) => r.state)).toEqual(['dry-run', 'dry-run', 'dry-run']);
    const x = rows.find((r) => r.platform === 'x')!;
    expect(x.text).toContain(body.story.headline);
    expect(x.text).toContain(String(body.story.url));
    // Even a live consumer leaves a dry-run record alone.
    const live = botEnv(fakes());
    expect(await processRow(x.id, depsFor(live, Date.now))).toMatchObject({ kind: 'skip' });
    expect(await xPosts(x.text)).toEqual([]);
    const retry = await callWith(live, `/api/posts/${x.id}/retry`, { method: 'POST' });
    expect(retry.status).toBe(409);

    const off = botEnv(fakes(), { BOT_MODE: 'off' });
    const { body: quiet } = await postStory(off, { headline: headline('Bot off') });
    expect(await postsOf(off, quiet.id)).toEqual([]);
  });

  it('BOT_MODE=dry-run with no platform configured shows every platform, saying which settings each lacks', async () => {
    const e = botEnv({}, { BOT_MODE: 'dry-run' });
    const { body } = await postStory(e, { headline: headline('Trying the bot') });
    const rows = await postsOf(e, body.id);
    expect(rows.map((r) => [r.platform, r.state, r.lastError]).sort()).toEqual([
      ['bluesky', 'dry-run', 'not configured: set BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD to post here'],
      ['facebook', 'dry-run', 'not configured: set FACEBOOK_PAGE_ID and FACEBOOK_PAGE_TOKEN to post here'],
      ['instagram', 'dry-run', 'not configured: set INSTAGRAM_USER_ID and INSTAGRAM_ACCESS_TOKEN to post here'],
      [
        'instagram-story',
        'dry-run',
        'not configured: set INSTAGRAM_USER_ID, INSTAGRAM_ACCESS_TOKEN and INSTAGRAM_STORIES=on to post here',
      ],
      ['linkedin', 'dry-run', 'not configured: set LINKEDIN_ACCESS_TOKEN and LINKEDIN_AUTHOR to post here'],
      ['mastodon', 'dry-run', 'not configured: set MASTODON_BASE_URL and MASTODON_ACCESS_TOKEN to post here'],
      ['telegram', 'dry-run', 'not configured: set TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID to post here'],
      ['threads', 'dry-run', 'not configured: set THREADS_USER_ID and THREADS_ACCESS_TOKEN to post here'],
      ['x', 'dry-run', 'not configured: set X_APP_KEY, X_APP_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET to post here'],
    ]);
    // Each still shows exactly what that platform would get.
    expect(rows.find((r) => r.platform === 'bluesky')!.text).toContain(body.story.headline);
    // Configuring one platform is a choice: then only it is shown.
    const xOnly = botEnv({ x: fakes().x }, { BOT_MODE: 'dry-run' });
    const { body: other } = await postStory(xOnly, { headline: headline('Only X') });
    expect((await postsOf(xOnly, other.id)).map((r) => r.platform)).toEqual(['x']);
  });

  it('waits for a story image its host failed to give, then posts the card with it; a host that stays down costs the post only its photo', async () => {
    const e = botEnv({ x: fakes().x });
    const rowOf = async (what: string) => {
      const { body } = await postStory(e, { headline: headline(what) });
      return (await postsOf(e, body.id))[0]!;
    };
    // The photo host is down for the first attempt, then back.
    const back = await rowOf('Photo host back');
    const c = clock();
    const base = depsFor(e, c.now);
    let down = 1;
    const flaky = {
      ...base,
      loadCard: async (hash: string, size: 'og' | 'x') => {
        const card = await base.loadCard(hash, size);
        return card && { ...card, complete: down-- <= 0 };
      },
    };
    const outcomes = await drive(back.id, flaky, c);
    expect(outcomes.map((o) => o.kind)).toEqual(['wait', 'posted']);
    expect(outcomes[0]).toMatchObject({ reason: expect.stringContaining("the story's image could not be fetched") });
    expect(await xPosts(back.text)).toHaveLength(1);

    // Down for good: after INCOMPLETE_CARD_ATTEMPTS the post goes out with the fallback card, once.
    const gone = await rowOf('Photo host gone');
    const c2 = clock();
    const base2 = depsFor(e, c2.now);
    const neverComplete = {
      ...base2,
      loadCard: async (hash: string, size: 'og' | 'x') => {
        const card = await base2.loadCard(hash, size);
        return card && { ...card, complete: false };
      },
    };
    const ends = (await drive(gone.id, neverComplete, c2)).map((o) => o.kind);
    expect(ends).toEqual([...Array(INCOMPLETE_CARD_ATTEMPTS - 1).fill('wait'), 'posted']);
    expect(await xPosts(gone.text)).toHaveLength(1);
  });

  it('holds posts over the daily cap until the next UTC day', async () => {
    // A day of its own (far from today's posts by other tests), two minutes before midnight UTC.
    const day = Date.UTC(2031, 4, 6);
    const c = clock(day - 120_000);
    const e = botEnv({ x: fakes().x }, { X_DAILY_CAP: '1' });
    const a = (await postsOf(e, (await postStory(e, { headline: headline('Under the cap') })).body.id))[0]!;
    const b = (await postsOf(e, (await postStory(e, { headline: headline('Over the cap') })).body.id))[0]!;
    expect(await processRow(a.id, depsFor(e, c.now))).toMatchObject({ kind: 'posted' });
    expect(await processRow(b.id, depsFor(e, c.now))).toEqual({
      kind: 'wait',
      at: day,
      reason: expect.stringContaining('daily cap of 1 x posts reached'),
      requeue: true,
    });
    const waiting = (await postsOf(e, b.storyId))[0]!;
    expect(waiting).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: new Date(day).toISOString() });
    expect(waiting.lastError).toContain('daily cap');
    expect(await xPosts(b.text)).toEqual([]);
    c.t = day + 1;
    expect(await processRow(b.id, depsFor(e, c.now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(b.text)).toHaveLength(1);
  });

  it('a post whose Worker died mid-post on a capped day waits for tomorrow with a check pending', async () => {
    const day = Date.UTC(2031, 5, 7);
    const c = clock(day - 60_000);
    const e = botEnv({ x: fakes().x }, { X_DAILY_CAP: '1' });
    const a = (await postsOf(e, (await postStory(e, { headline: headline('First of the day') })).body.id))[0]!;
    const b = (await postsOf(e, (await postStory(e, { headline: headline('Died at the cap') })).body.id))[0]!;
    expect(await processRow(a.id, depsFor(e, c.now))).toMatchObject({ kind: 'posted' });
    // A Worker claims b (before a's post counted) and dies; its lease runs out.
    await new OutboxStore(env.DB).claim(b.id, { now: c.t, leaseMs: 1000, cap: 50, dayStart: 0 });
    c.t += 2000;
    expect(await processRow(b.id, depsFor(e, c.now))).toMatchObject({ kind: 'wait', at: day, requeue: true });
    expect((await postsOf(e, b.storyId))[0]).toMatchObject({ state: 'failed', pendingCheck: true });
    // A duplicate message does not schedule it again.
    expect(await processRow(b.id, depsFor(e, c.now))).toMatchObject({ kind: 'wait', requeue: false });
    c.t = day;
    expect(await processRow(b.id, depsFor(e, c.now))).toMatchObject({ kind: 'posted' });
    expect(await xPosts(b.text)).toHaveLength(1);
  });

  it('the cron sweep re-sends due rows only; while the bot is off, messages are acked and rows left alone', async () => {
    const e = botEnv({ x: fakes().x });
    const due = (await postsOf(e, (await postStory(e, { headline: headline('Lost message') })).body.id))[0]!;
    const done = (await postsOf(e, (await postStory(e, { headline: headline('Done already') })).body.id))[0]!;
    const c = clock();
    expect(await processRow(done.id, depsFor(e, c.now))).toMatchObject({ kind: 'posted' });
    const swept = await sweepOutbox(e, Date.now() + 1000);
    expect(swept).toContain(due.id);
    expect(swept).not.toContain(done.id);

    const off = botEnv({ x: fakes().x }, { BOT_MODE: 'off' });
    const batch = createMessageBatch<PostMessage>('storycard-posts', [
      { id: 'off-1', timestamp: Date.now(), attempts: 1, body: { outboxId: due.id } },
    ]);
    const ctx = createExecutionContext();
    await handlePostBatch(batch, off, { templates, renderCard: render });
    expect((await getQueueResult(batch, ctx)).ackAll).toBe(true);
    expect((await postsOf(e, due.storyId))[0]).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await sweepOutbox(off)).toEqual([]);
  });
});
