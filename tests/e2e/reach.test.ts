// End to end: `npm start` (BOT_MODE=live) with every network configured against its fake on loopback posts a story
// created through the API to each network exactly once, with that network's card size, and names every account first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/bot/types.ts';
import { FAKE_BLUESKY_ACCOUNT, type FakeBluesky, startFakeBluesky } from '../fakes/fake-bluesky.ts';
import {
  FAKE_FACEBOOK,
  FAKE_GRAPH_NAMES,
  FAKE_INSTAGRAM,
  FAKE_THREADS,
  type FakeGraph,
  startFakeGraph,
} from '../fakes/fake-graph.ts';
import { FAKE_LINKEDIN, type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin.ts';
import { type FakeMastodon, startFakeMastodon } from '../fakes/fake-mastodon.ts';
import { FAKE_TELEGRAM_CHANNEL, type FakeTelegram, startFakeTelegram } from '../fakes/fake-telegram.ts';
import { type FakeX, startFakeX } from '../fakes/fake-x.ts';
import { fakeNetworkSettings } from '../helpers/fake-network-settings.ts';
import { freePort, type PostView, type Started, startServer, storycardApi } from '../helpers/npm-start.ts';

let x: FakeX;
let bluesky: FakeBluesky;
let mastodon: FakeMastodon;
let telegram: FakeTelegram;
let threads: FakeGraph;
let facebook: FakeGraph;
let instagram: FakeGraph;
let linkedin: FakeLinkedIn;
let server: Started;

/** Every network storycard posts to, as outbox rows name them: a new one fails here until this test configures it. */
const NETWORKS = PLATFORMS;

beforeAll(async () => {
  [x, bluesky, mastodon, telegram, linkedin] = await Promise.all([
    startFakeX(),
    startFakeBluesky(),
    startFakeMastodon(),
    startFakeTelegram(),
    startFakeLinkedIn(),
  ]);
  // Threads and Instagram fetch the card from PUBLIC_BASE_URL, as the platforms do: the port is chosen first.
  [threads, facebook, instagram] = await Promise.all([
    startFakeGraph('threads', { fetchCards: true }),
    startFakeGraph('facebook'),
    startFakeGraph('instagram', { fetchCards: true }),
  ]);
  const port = await freePort();
  server = await startServer(
    {
      BOT_MODE: 'live',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      ...fakeNetworkSettings({ x, bluesky, mastodon, telegram, threads, facebook, instagram, linkedin }),
      INSTAGRAM_STORIES: 'on',
    },
    { port },
  );
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await Promise.all([x, bluesky, mastodon, telegram, threads, facebook, instagram, linkedin].map((f) => f?.close()));
}, 30_000);

const { api, postsOf } = storycardApi(() => server);

describe('npm start posting to every network through its fake (BOT_MODE=live)', () => {
  const story = {
    headline: `Harbour ferry returns after a winter ashore ${crypto.randomUUID().slice(0, 8)}`,
    quote: 'The new hull rides the swell like a gull',
    quoteAuthor: 'Skipper Ana Lund',
    url: `https://news.example.org/ferry/${crypto.randomUUID()}`,
    siteName: 'The Example Times',
  };

  it('names every account as the platform itself answers for it, before anything is posted', () => {
    const out = server.output();
    expect(out).toMatch(/^ {2}bot {10}LIVE: every new story is posted to:$/m);
    // The platform's own names (users/me, resolveHandle, getMe + getChat, /me, /{ig-user}, organizations,
    // verify_credentials), never a guess.
    const expected: Record<string, string> = {
      x: `x as 1234567890 (@storycard_bot) via ${x.url}`,
      bluesky: `bluesky as ${FAKE_BLUESKY_ACCOUNT.handle}@127.0.0.1:${new URL(bluesky.url).port} (${FAKE_BLUESKY_ACCOUNT.did})`,
      mastodon: `(@storycard@127.0.0.1:${new URL(mastodon.url).port})`,
      telegram: `telegram as @${FAKE_TELEGRAM_CHANNEL.username} ("${FAKE_TELEGRAM_CHANNEL.title}" @${FAKE_TELEGRAM_CHANNEL.username}, bot @storycard_bot) via ${telegram.url}`,
      threads: `threads as ${FAKE_THREADS.userId} (@${FAKE_GRAPH_NAMES.threads}) via ${threads.url}`,
      facebook: `facebook as ${FAKE_FACEBOOK.pageId} ("${FAKE_GRAPH_NAMES.facebook}") via ${facebook.url}`,
      instagram: `instagram as ${FAKE_INSTAGRAM.userId} (@${FAKE_GRAPH_NAMES.instagram}) via ${instagram.url}`,
      'instagram-story': `instagram-story as ${FAKE_INSTAGRAM.userId} (@${FAKE_GRAPH_NAMES.instagram}) via ${instagram.url}`,
      linkedin: `linkedin as ${FAKE_LINKEDIN.author} ("${FAKE_LINKEDIN.name}") via ${linkedin.url}`,
    };
    for (const network of NETWORKS) {
      const line = out.split('\n').find((l) => l.trimStart().startsWith(`${network} as `));
      expect(line, `npm start names no ${network} account`).toBeDefined();
      expect(line, network).toContain(expected[network]);
      expect(line, network).not.toContain('NOT CONFIRMED');
    }
  });

  it('a story created through the API goes to every network exactly once, each with its card size', async () => {
    const res = await api('/api/stories', { method: 'POST', body: JSON.stringify(story) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const deadline = Date.now() + 150_000;
    let rows: PostView[] = [];
    for (;;) {
      rows = await postsOf(id);
      // Settled: nothing waiting or in flight (a failed row waits for a retry the assertions below refuse anyway).
      if (rows.length === NETWORKS.length && rows.every((r) => r.state !== 'queued' && r.state !== 'posting')) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    // Every network has its row, posted at the first attempt; a network missing or failing is named.
    const byNetwork = Object.fromEntries(rows.map((r) => [r.platform, r]));
    for (const network of NETWORKS) {
      expect(byNetwork[network], `no outbox row for ${network}: ${JSON.stringify(rows)}`).toBeDefined();
      expect(byNetwork[network], `${network}\n${server.output().slice(-2000)}`).toMatchObject({
        state: 'posted',
        attempts: 1,
        lastError: null,
      });
    }
    expect(rows).toHaveLength(NETWORKS.length);

    // Exactly one post of the story on each platform, as each fake saw it arrive.
    const mine = (text: string) => text.includes(story.headline);
    const tweets = x.state.posts.filter((p) => mine(p.text));
    expect(tweets, 'x').toHaveLength(1);
    expect(x.state.media[tweets[0]!.mediaIds[0]!]).toMatchObject({ finalized: true });
    expect(
      bluesky.state.posts.filter((p) => mine(p.text)),
      'bluesky',
    ).toHaveLength(1);
    expect(
      mastodon.state.statuses.filter((s) => mine(s.text)),
      'mastodon',
    ).toHaveLength(1);
    const messages = telegram.state.messages.filter((m) => mine(m.caption));
    expect(messages, 'telegram').toHaveLength(1);
    const threadsPosts = threads.state.posts.filter((p) => mine(p.text));
    expect(threadsPosts, 'threads').toHaveLength(1);
    const pagePosts = facebook.state.posts.filter((p) => mine(p.text));
    expect(pagePosts, 'facebook').toHaveLength(1);
    const feed = instagram.state.posts.filter((p) => p.mediaType === 'IMAGE' && mine(p.text));
    expect(feed, 'instagram').toHaveLength(1);
    // A Story has no caption: it is the one STORIES post, fetched from this story's card.
    const stories = instagram.state.posts.filter((p) => p.mediaType === 'STORIES');
    expect(stories, 'instagram-story').toHaveLength(1);
    const shared = linkedin.state.posts.filter((p) => mine(p.commentary));
    expect(shared, 'linkedin').toHaveLength(1);

    // The card each network got: og (1200×630) where it takes 1.91:1; for Instagram the portrait card (1080×1350) on
    // the feed and the story card (1080×1920) in Stories, both JPEG, fetched by the fake from PUBLIC_BASE_URL.
    const og = { width: 1200, height: 630 };
    expect(messages[0]!.photo, 'telegram').toMatchObject(og);
    expect(threadsPosts[0]!.image, 'threads').toMatchObject(og);
    expect(pagePosts[0]!.image, 'facebook').toMatchObject(og);
    expect(shared[0]!.image, 'linkedin').toMatchObject(og);
    expect(feed[0]!.image, 'instagram').toEqual(expect.objectContaining({ format: 'jpeg', width: 1080, height: 1350 }));
    expect(stories[0]!.image, 'instagram-story').toEqual(
      expect.objectContaining({ format: 'jpeg', width: 1080, height: 1920 }),
    );
    expect(stories[0]!.imageUrl).toBe(feed[0]!.imageUrl!.replace('/portrait.', '/story.'));

    // The link goes where it is clickable; Instagram's caption names the site instead (no caption link works there).
    for (const [network, text] of [
      ['x', tweets[0]!.text],
      ['mastodon', mastodon.state.statuses.find((s) => mine(s.text))!.text],
      ['telegram', messages[0]!.caption],
      ['threads', threadsPosts[0]!.text],
      ['facebook', pagePosts[0]!.text],
      ['linkedin', shared[0]!.shown],
    ]) {
      expect(text, network).toContain(story.url);
    }
    expect(feed[0]!.text).not.toContain('https://');
    expect(feed[0]!.text).toContain('news.example.org');
  });

  it('the same story sent again makes no second post anywhere', async () => {
    const res = await api('/api/stories', { method: 'POST', body: JSON.stringify(story) });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    // Longer than the local queue's batch wait: a stray message would have been consumed by now.
    await new Promise((r) => setTimeout(r, 8000));
    expect(await postsOf(id)).toHaveLength(NETWORKS.length);
    const mine = (text: string) => text.includes(story.headline);
    const counts = {
      x: x.state.posts.filter((p) => mine(p.text)).length,
      bluesky: bluesky.state.posts.filter((p) => mine(p.text)).length,
      mastodon: mastodon.state.statuses.filter((p) => mine(p.text)).length,
      telegram: telegram.state.messages.filter((m) => mine(m.caption)).length,
      threads: threads.state.posts.filter((p) => mine(p.text)).length,
      facebook: facebook.state.posts.filter((p) => mine(p.text)).length,
      instagram: instagram.state.posts.filter((p) => p.mediaType === 'IMAGE' && mine(p.text)).length,
      'instagram-story': instagram.state.posts.filter((p) => p.mediaType === 'STORIES').length,
      linkedin: linkedin.state.posts.filter((p) => mine(p.commentary)).length,
    };
    expect(counts).toEqual(Object.fromEntries(NETWORKS.map((n) => [n, 1])));
  });
});
