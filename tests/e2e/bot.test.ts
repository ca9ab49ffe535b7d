// End to end: `npm start` with BOT_MODE=live against a fake X on loopback posts each new story exactly once, with its card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { FAKE_X_CREDENTIALS, type FakeX, startFakeX } from '../fakes/fake-x.ts';
import { type Started, startServer, storycardApi } from '../helpers/npm-start.ts';

let x: FakeX;
let server: Started;

beforeAll(async () => {
  x = await startFakeX();
  server = await startServer({
    BOT_MODE: 'live',
    X_APP_KEY: FAKE_X_CREDENTIALS.appKey,
    X_APP_SECRET: FAKE_X_CREDENTIALS.appSecret,
    X_ACCESS_TOKEN: FAKE_X_CREDENTIALS.accessToken,
    X_ACCESS_SECRET: FAKE_X_CREDENTIALS.accessSecret,
    X_API_BASE_URL: x.url,
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await x?.close();
}, 30_000);

const { api, postsOf } = storycardApi(() => server);

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('the bot under npm start (BOT_MODE=live, fake X)', () => {
  const story = {
    headline: `Tram line reopens after the flood ${crypto.randomUUID().slice(0, 8)}`,
    quote: 'We rebuilt the depot in eleven weeks',
    quoteAuthor: 'Transit chief Ida Berg',
    url: `https://news.example.org/tram/${crypto.randomUUID()}`,
    siteName: 'The Example Times',
    tags: ['transport'],
  };

  it('posts a new story once, with its card and alt text, and shows it as posted', async () => {
    const res = await api('/api/stories', { method: 'POST', body: JSON.stringify(story) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const [post] = await until('the post', async () => {
      const rows = await postsOf(id);
      return rows.length === 1 && rows[0]!.state === 'posted' ? rows : undefined;
    });
    expect(post).toMatchObject({ platform: 'x', attempts: 1, lastError: null });
    const tweets = x.state.posts.filter((p) => p.text === post!.text);
    expect(tweets).toHaveLength(1);
    expect(post!.platformPostId).toBe(tweets[0]!.id);
    expect(post!.url).toBe(`https://x.com/i/web/status/${tweets[0]!.id}`);
    expect(tweets[0]!.text).toContain(story.headline);
    expect(tweets[0]!.text).toContain(story.url);
    expect(tweets[0]!.mediaIds).toHaveLength(1);
    expect(tweets[0]!.altTexts[0]).toContain(story.headline);
    const media = x.state.media[tweets[0]!.mediaIds[0]!]!;
    expect(media).toMatchObject({ mediaType: 'image/png', finalized: true });
    expect(media.totalBytes).toBeGreaterThan(10_000);
  });

  it('the same story posted again makes no second post', async () => {
    const res = await api('/api/stories', { method: 'POST', body: JSON.stringify(story) });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    // Longer than the local queue's batch wait: a stray message would have been consumed by now.
    await new Promise((r) => setTimeout(r, 8000));
    expect(await postsOf(id)).toHaveLength(1);
    expect(x.state.posts.filter((p) => p.text.includes(story.headline))).toHaveLength(1);
  });

  it('says which account it posts to, and never posts the demo story it seeds', async () => {
    expect(server.output()).toMatch(
      new RegExp(
        `^ {2}bot {10}LIVE: every new story is posted to x as 1234567890 \\(@storycard_bot\\) via ${x.url.replace(/\./g, '\\.')}$`,
        'm',
      ),
    );
    expect(server.output()).toMatch(/^ +the demo story above is never posted$/m);
    const res = await api('/api/stories', { method: 'POST', body: JSON.stringify(DEMO_STORY) });
    const { id } = (await res.json()) as { id: string };
    // Longer than the local queue's batch wait: a post would have been made by now.
    await new Promise((r) => setTimeout(r, 8000));
    expect(await postsOf(id)).toEqual([]);
    expect(x.state.posts.filter((p) => p.text.startsWith(DEMO_STORY.headline))).toEqual([]);
  });

  it('X answering 503 to the post: the delayed re-check on the real local queue finds nothing, then posts once', async () => {
    const flaky = {
      ...story,
      headline: `Bridge closes for repairs ${crypto.randomUUID().slice(0, 8)}`,
      url: `${story.url}-b`,
    };
    x.fault({ mode: '503' });
    const res = await api('/api/stories', { method: 'POST', body: JSON.stringify(flaky) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const [post] = await until('the post after a 503', async () => {
      const rows = await postsOf(id);
      return rows[0]?.state === 'posted' ? rows : undefined;
    });
    // The first attempt got the 503; the re-enqueued message (delaySeconds) checked, found nothing, posted.
    expect(post).toMatchObject({ attempts: 2, lastError: expect.stringContaining('503') });
    expect(x.state.posts.filter((p) => p.text === post!.text)).toHaveLength(1);
  });
});
