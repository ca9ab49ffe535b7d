// End to end through `npm start`: share pages from wrangler dev's Workers Cache, people and unknown crawlers redirected.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unfurl } from 'unfurl.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Started, startServer } from '../helpers/npm-start.ts';

// Not in isbot's list: a link-preview client nobody has heard of yet, which therefore gets what people get.
const UNKNOWN_CRAWLER = 'Mozilla/5.0 Zylo/3.1';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

let server: Started;
let articles: Server;
let articleOrigin: string;
const articleRequests: string[] = [];

/** A news site on loopback whose article carries its own Open Graph tags. */
function startArticleSite(): Promise<Server> {
  const site = createServer((req, res) => {
    articleRequests.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Site title</title>
<meta property="og:title" content="The article's own title">
<meta property="og:url" content="${articleOrigin}${path}">
<meta property="og:description" content="The article's own description."></head><body><h1>Article</h1></body></html>`);
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(site)));
}

beforeAll(async () => {
  articles = await startArticleSite();
  articleOrigin = `http://127.0.0.1:${(articles.address() as AddressInfo).port}`;
  server = await startServer({ SHARE_REDIRECT_QUERY: 'utm_source=storycard&utm_medium=share' });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((r) => articles?.close(r));
}, 30_000);

async function createStory(headline: string) {
  const res = await fetch(`${server.origin}/api/stories`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.printed['API token']}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ headline, url: `${articleOrigin}/news/${Date.now()}`, siteName: 'Loopback News' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; shareUrl: string; story: Record<string, unknown> };
}

describe('share pages through npm start', () => {
  it('gives known crawlers our tags, and an unknown one the article’s own tags through the 302', async () => {
    const s = await createStory('Known crawlers read the card, unknown ones the article');
    const known = await unfurl(s.shareUrl, { follow: 0, oembed: false });
    expect(known.open_graph.title).toBe('Known crawlers read the card, unknown ones the article');
    expect(known.open_graph.url).toBe(s.shareUrl);
    expect(known.open_graph.images?.[0]?.url).toMatch(/\/cards\/[0-9a-f]{20}\/og\.png$/);

    const unknown = await unfurl(s.shareUrl, {
      oembed: false,
      headers: { 'User-Agent': UNKNOWN_CRAWLER, Accept: 'text/html' },
    });
    expect(unknown.open_graph.title).toBe("The article's own title");
    expect(unknown.open_graph.url).toBe(s.story.url);
    // It arrived as a person does, with the campaign parameters; the tags it read name the article's own URL.
    expect(articleRequests.at(-1)).toBe(
      `${new URL(String(s.story.url)).pathname}?utm_source=storycard&utm_medium=share`,
    );
  });

  it('redirects people with the campaign parameters, the second time from the edge cache', async () => {
    const s = await createStory('People go straight to the article');
    const views = [];
    for (let i = 0; i < 2; i++) {
      views.push(await fetch(s.shareUrl, { headers: { 'User-Agent': SAFARI }, redirect: 'manual' }));
    }
    for (const res of views) {
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`${s.story.url}?utm_source=storycard&utm_medium=share`);
    }
    expect(views[0]!.headers.get('server-timing')).toMatch(/^d1;dur=/);
    expect(views[1]!.headers.get('server-timing')).toBe('cache');
  });

  it('shows an edit at once although the page was cached', async () => {
    const s = await createStory('Before the edit');
    const read = async () => {
      const res = await fetch(s.shareUrl, { headers: { 'User-Agent': 'Twitterbot/1.0' } });
      const title = /<meta property="og:title" content="([^"]*)">/.exec(await res.text())?.[1];
      return { title, timing: res.headers.get('server-timing') };
    };
    await read();
    expect(await read()).toEqual({ title: 'Before the edit', timing: 'cache' });
    const put = await fetch(`${server.origin}/api/stories/${s.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${server.printed['API token']}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...s.story, headline: 'After the edit' }),
    });
    expect(put.status).toBe(200);
    expect((await read()).title).toBe('After the edit');
  });
});
