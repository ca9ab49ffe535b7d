// pollFeeds in Node with a real local D1 (wrangler's platform proxy) against feeds a 127.0.0.1 server changes between polls.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlatformProxy } from 'wrangler';
import { type FeedPollResult, pollFeeds } from '../../src/feed-polling.ts';
import { FeedStore } from '../../src/storage/feeds.ts';
import { type StoryRecord, StoryStore } from '../../src/storage/stories.ts';
import { registry as templates } from '../../templates/index.ts';
import { type FakeFeeds, startFakeFeeds } from '../fakes/fake-feeds.ts';
import { atom, jsonFeed, rss, type TestItem } from '../helpers/feeds.ts';

let feeds: FakeFeeds;
let env: Env;
let dispose: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'storycard-feeds-'));
  const proxy = await getPlatformProxy<Env>({ configPath: './wrangler.toml', persist: { path: dir } });
  env = proxy.env;
  dispose = proxy.dispose;
  // The same migrations `npm start` and the worker tests apply.
  for (const file of readdirSync('migrations').sort()) {
    const sql = readFileSync(join('migrations', file), 'utf8').replace(/--[^\n]*/g, '');
    for (const statement of sql
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean))
      await env.DB.prepare(statement).run();
  }
  feeds = await startFakeFeeds();
});
afterAll(async () => {
  await feeds?.close();
  await dispose?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const item = (slug: string, extra: Partial<TestItem> = {}): TestItem => ({
  title: `Valley news: ${slug} of the week`,
  link: `https://valley.example/${slug}`,
  guid: `valley-${slug}`,
  date: '2025-11-01T08:00:00Z',
  ...extra,
});
const QUOTED =
  '<p>The mill reopens on Monday with forty jobs.</p><p>“This valley has waited ten years for this morning,” said owner Lea Brun.</p>';

function poller(urls: string[], options: { timeoutMs?: number; maxBytes?: number } = {}) {
  const created: StoryRecord[] = [];
  // The fake feed server is on loopback: exempt, as local development does with FETCH_ALLOW_HOSTS.
  const e = { ...env, FEEDS: urls.join(','), FETCH_ALLOW_HOSTS: '127.0.0.1' } as Env;
  const run = (): Promise<FeedPollResult[]> =>
    pollFeeds(e, Date.now(), { templates, onStoryCreated: async (r) => void created.push(r), ...options });
  return { run, created };
}

describe('pollFeeds', () => {
  it('records the first poll, gets 304s while nothing changes, and makes each new item a story once', async () => {
    feeds.set('/valley.xml', {
      body: rss('Valley Post', [item('b'), item('a')]),
      etag: '"1"',
      lastModified: 'Mon, 03 Nov 2025 08:00:00 GMT',
    });
    const url = `${feeds.url}/valley.xml`;
    const { run, created } = poller([url]);

    expect(await run()).toEqual([{ url, status: 'ok', httpStatus: 200, newItems: 2, newStories: 0 }]);
    expect(created).toEqual([]);

    expect(await run()).toEqual([{ url, status: 'not_modified', httpStatus: 304, newItems: 0, newStories: 0 }]);
    expect(feeds.log.at(-1)).toMatchObject({ ifNoneMatch: '"1"', ifModifiedSince: 'Mon, 03 Nov 2025 08:00:00 GMT' });

    const c = item('c', { date: '2025-11-03T08:00:00Z', html: QUOTED });
    feeds.set('/valley.xml', { body: rss('Valley Post', [c, item('b'), item('a')]), etag: '"2"' });
    expect(await run()).toEqual([{ url, status: 'ok', httpStatus: 200, newItems: 1, newStories: 1 }]);
    expect(created.map((r) => r.story)).toEqual([
      expect.objectContaining({
        headline: c.title,
        url: c.link,
        quote: 'This valley has waited ten years for this morning',
        quoteAuthor: 'Lea Brun',
        siteName: 'Valley Post',
      }),
    ]);

    // Edited (title, tracking on the link) and re-ordered: nothing new.
    const edited = [item('a'), { ...c, title: 'Mill reopens (updated)', link: `${c.link}?utm_source=rss` }, item('b')];
    feeds.set('/valley.xml', { body: rss('Valley Post', edited), etag: '"3"' });
    expect(await run()).toEqual([{ url, status: 'ok', httpStatus: 200, newItems: 0, newStories: 0 }]);
    expect(created).toHaveLength(1);
    expect(await new FeedStore(env.DB).get(url)).toMatchObject({
      etag: '"3"',
      itemsSeen: 3,
      storiesCreated: 1,
      lastStatus: 'ok',
    });
  });

  it('reads Atom and JSON Feed the same way', async () => {
    feeds.set('/valley.atom', { body: atom('Valley Atom', [item('p')]), contentType: 'application/atom+xml' });
    feeds.set('/valley.json', { body: jsonFeed('Valley JSON', [item('j')]), contentType: 'application/feed+json' });
    const { run, created } = poller([`${feeds.url}/valley.atom`, `${feeds.url}/valley.json`]);
    await run();
    feeds.set('/valley.atom', {
      body: atom('Valley Atom', [item('q', { html: QUOTED }), item('p')]),
      contentType: 'application/atom+xml',
    });
    feeds.set('/valley.json', {
      body: jsonFeed('Valley JSON', [item('k', { html: QUOTED }), item('j')]),
      contentType: 'application/feed+json',
    });
    const results = await run();
    expect(results.map((r) => [r.status, r.newStories])).toEqual([
      ['ok', 1],
      ['ok', 1],
    ]);
    expect(created.map((r) => [r.story.url, r.story.siteName, r.story.quoteAuthor]).sort()).toEqual([
      ['https://valley.example/k', 'Valley JSON', 'Lea Brun'],
      ['https://valley.example/q', 'Valley Atom', 'Lea Brun'],
    ]);
    expect(await new StoryStore(env.DB).byUrl('https://valley.example/p')).toBeNull(); // first poll: recorded only
  });

  // No time limit of the test's own here: a limit short enough to cut a hanging feed quickly would also cut these
  // (the 2 MB feed must stream its first megabyte within it), so under load "too big" came back as "timed out".
  // The hanging feed has its own test below, alone, where the limit is the only thing that can end it.
  it('one broken feed (malformed, 500, too big) never stops the others', async () => {
    feeds.set('/malformed.xml', { body: '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut' });
    feeds.set('/error.xml', { status: 500, body: 'oops', contentType: 'text/plain' });
    feeds.set('/huge.xml', { fault: 'huge', hugeBytes: 2 * 1024 * 1024 });
    feeds.set('/good.xml', { body: rss('Good', [item('g')]) });
    const names = ['malformed', 'error', 'huge', 'good'];
    const { run } = poller(
      names.map((n) => `${feeds.url}/${n}.xml`),
      { maxBytes: 1024 * 1024 },
    );
    const results = await run();
    expect(results.map((r) => [r.status, r.httpStatus])).toEqual([
      ['error', 200],
      ['error', 500],
      ['error', 200],
      ['ok', 200],
    ]);
    expect(results.map((r) => r.error ?? '')).toEqual([
      expect.stringMatching(/does not parse/),
      expect.stringMatching(/received 500/),
      expect.stringMatching(/expected at most 1048576 bytes/),
      '',
    ]);
    // A broken feed is not primed: once it is fixed, its first good poll still only records.
    feeds.set('/malformed.xml', { body: rss('Fixed', [item('m')]) });
    expect((await run())[0]).toMatchObject({ status: 'ok', newItems: 1, newStories: 0 });
    expect(await new FeedStore(env.DB).get(`${feeds.url}/error.xml`)).toMatchObject({
      lastStatus: 'error',
      lastHttpStatus: 500,
      primedAt: null,
    });
  });

  it('a feed that never finishes answering is cut off at the time limit and recorded as an error', async () => {
    feeds.set('/slow.xml', { fault: 'hang' });
    const url = `${feeds.url}/slow.xml`;
    const { run } = poller([url], { timeoutMs: 300 });
    expect(await run()).toEqual([
      {
        url,
        status: 'error',
        httpStatus: null,
        newItems: 0,
        newStories: 0,
        error: 'no complete answer within 300 ms (timed out)',
      },
    ]);
    expect(await new FeedStore(env.DB).get(url)).toMatchObject({ lastStatus: 'error', primedAt: null });
  });
});
