// Feed polling inside workerd: the real scheduled handler with local D1, polling feeds a Node server serves over HTTP.
import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { pollFeeds } from '../../src/feed-polling.ts';
import worker from '../../src/index.ts';
import { StoryStore } from '../../src/storage/stories.ts';
import { registry as templates } from '../../templates/index.ts';
import type { FeedSpec } from '../fakes/fake-feeds.ts';
import { atom, jsonFeed, rss, type TestItem } from '../helpers/feeds.ts';
import { botEnv, callWith } from './outbox-harness.ts';

const FEEDS = inject('fakeFeedsUrl');
/** The fake feed server is on loopback: exempt, as FETCH_ALLOW_HOSTS exempts local fakes in development. */
const LOCAL = '127.0.0.1';
const RUN = `/${crypto.randomUUID().slice(0, 8)}`; // fresh paths each run: the feed server outlives test files

async function serveFeed(path: string, spec: FeedSpec): Promise<string> {
  const res = await fetch(`${FEEDS}/__feeds${RUN}${path}`, { method: 'PUT', body: JSON.stringify(spec) });
  if (res.status !== 204) throw new Error(`fake feeds: ${res.status}`);
  return `${FEEDS}${RUN}${path}`;
}

async function feedLog(path: string) {
  const log = (await (await fetch(`${FEEDS}/__log`)).json()) as Array<{
    path: string;
    ifNoneMatch?: string;
    status: number;
  }>;
  return log.filter((r) => r.path === `${RUN}${path}`);
}

let minute = 0;
/**
 * One cron run through the Worker's own scheduled handler, waiting for everything it handed to waitUntil (and what
 * those handed on: the pre-renders of new stories). Not waitOnExecutionContext: it gives up silently after 30 s, and
 * on a loaded machine the test then read the feeds' status before the poll had recorded it.
 */
async function cron(e: Env): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {}, props: {} };
  minute += 15;
  const controller = createScheduledController({
    scheduledTime: Date.UTC(2025, 10, 4, 8, minute),
    cron: '*/15 * * * *',
  });
  await worker.scheduled!(controller, e, ctx as unknown as ExecutionContext);
  while (pending.length) await Promise.all(pending.splice(0));
}

interface FeedView {
  url: string;
  lastStatus: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  etag: string | null;
  itemsSeen: number;
  storiesCreated: number;
  firstPolledAt: string | null;
}
async function feedStatus(e: Env): Promise<Map<string, FeedView>> {
  const res = await callWith(e, '/api/feeds');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: FeedView[] };
  return new Map(body.items.map((f) => [f.url, f]));
}

const stories = new StoryStore(env.DB);
const outboxRows = async (storyId: string) =>
  (await env.DB.prepare('SELECT platform, state FROM outbox WHERE story_id = ?').bind(storyId).all()).results;

const item = (slug: string, extra: Partial<TestItem> = {}): TestItem => ({
  title: `Harbour news: ${slug} story of the day`,
  link: `https://harbour.example${RUN}/${slug}`,
  guid: `${RUN}-${slug}`,
  date: '2025-11-01T08:00:00Z',
  ...extra,
});
const QUOTED = `<p>The council voted on Tuesday to keep the night ferry running through the winter months.</p>
<p>"Nobody should be stranded on the island after ten at night," said councillor Ingrid Dahl after the vote.</p>`;

describe('the cron trigger polls FEEDS', () => {
  it('first poll records without creating; later polls create each new item once, hand it to the bot, and survive broken feeds', async () => {
    const a = item('a');
    const b = item('b', { date: '2025-11-02T08:00:00Z' });
    const rssUrl = await serveFeed('/harbour.xml', { body: rss('Harbour Gazette', [b, a]), etag: '"v1"' });
    const atomUrl = await serveFeed('/journal.atom', {
      body: atom('Journal', [item('p')]),
      contentType: 'application/atom+xml',
    });
    const jsonUrl = await serveFeed('/feed.json', {
      body: jsonFeed('JSON News', [item('x')]),
      contentType: 'application/feed+json',
    });
    const down = await serveFeed('/down.xml', {
      status: 500,
      body: 'Internal Server Error',
      contentType: 'text/plain',
    });
    const bad = await serveFeed('/bad.xml', {
      body: '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Half',
    });
    const huge = await serveFeed('/huge.xml', { fault: 'huge', hugeBytes: 6 * 1024 * 1024 });
    // Broken feeds first in the list: they must not stop the ones after them.
    const e = botEnv(
      { x: inject('quietFakes').x },
      { BOT_MODE: 'dry-run', FEEDS: [down, bad, huge, rssUrl, atomUrl, jsonUrl].join(','), FETCH_ALLOW_HOSTS: LOCAL },
    );

    await cron(e);
    let status = await feedStatus(e);
    expect(status.get(rssUrl)).toMatchObject({ lastStatus: 'ok', itemsSeen: 2, storiesCreated: 0, etag: '"v1"' });
    expect(status.get(rssUrl)?.firstPolledAt).toBeTruthy();
    expect(status.get(atomUrl)).toMatchObject({ lastStatus: 'ok', itemsSeen: 1, storiesCreated: 0 });
    expect(status.get(jsonUrl)).toMatchObject({ lastStatus: 'ok', itemsSeen: 1, storiesCreated: 0 });
    expect(status.get(down)).toMatchObject({
      lastStatus: 'error',
      lastHttpStatus: 500,
      lastError: expect.stringMatching(/received 500/),
    });
    expect(status.get(bad)).toMatchObject({
      lastStatus: 'error',
      lastHttpStatus: 200,
      lastError: expect.stringMatching(/does not parse/),
    });
    expect(status.get(huge)).toMatchObject({
      lastStatus: 'error',
      lastError: expect.stringMatching(/expected at most 5242880 bytes/),
    });
    // No flood: what the feeds already showed did not become stories.
    expect(await stories.byUrl(a.link)).toBeNull();
    expect(await stories.byUrl(item('x').link)).toBeNull();

    // Unchanged: the conditional GET gets a 304.
    await cron(e);
    expect((await feedLog('/harbour.xml')).at(-1)).toMatchObject({ ifNoneMatch: '"v1"', status: 304 });
    expect((await feedStatus(e)).get(rssUrl)).toMatchObject({
      lastStatus: 'not_modified',
      lastHttpStatus: 304,
      itemsSeen: 2,
    });

    // Published: one new item with a quote; b edited (title, tracking on its link); order shuffled.
    const c = item('c', { date: '2025-11-03T08:00:00Z', html: QUOTED });
    const bEdited = { ...b, title: 'Harbour news: b (updated)', link: `${b.link}?utm_source=rss&utm_medium=feed` };
    await serveFeed('/harbour.xml', { body: rss('Harbour Gazette', [a, c, bEdited]), etag: '"v2"' });
    await serveFeed('/feed.json', {
      body: jsonFeed('JSON News', [item('y'), item('x')]),
      contentType: 'application/feed+json',
    });
    await cron(e);

    const created = await stories.byUrl(c.link);
    expect(created?.story).toMatchObject({
      headline: c.title,
      url: c.link,
      quote: 'Nobody should be stranded on the island after ten at night',
      quoteAuthor: 'Ingrid Dahl',
      siteName: 'Harbour Gazette',
      publishedAt: '2025-11-03T08:00:00.000Z',
    });
    expect(await stories.byUrl(item('y').link)).not.toBeNull();
    expect(await stories.byUrl(b.link)).toBeNull(); // edited, not new
    // Handed to the bot: BOT_MODE=dry-run makes the outbox rows (live would also enqueue them).
    expect(await outboxRows(created!.id)).toEqual([{ platform: 'x', state: 'dry-run' }]);
    status = await feedStatus(e);
    expect(status.get(rssUrl)).toMatchObject({ lastStatus: 'ok', itemsSeen: 3, storiesCreated: 1, etag: '"v2"' });
    expect(status.get(jsonUrl)).toMatchObject({ itemsSeen: 2, storiesCreated: 1 });
    expect(status.get(down)?.lastStatus).toBe('error');

    // Re-ordered, GUIDs regenerated, tracking added: still the same items, no second story.
    const again = [c, a, bEdited].map((i) => ({
      ...i,
      guid: `${i.guid}-v3`,
      link: `${i.link}${i.link.includes('?') ? '&' : '?'}fbclid=z`,
    }));
    await serveFeed('/harbour.xml', { body: rss('Harbour Gazette', again), etag: '"v3"' });
    await cron(e);
    status = await feedStatus(e);
    expect(status.get(rssUrl)).toMatchObject({ lastStatus: 'ok', itemsSeen: 3, storiesCreated: 1, etag: '"v3"' });
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM stories WHERE url_key LIKE ?')
      .bind(`%${RUN}/c%`)
      .first<{ n: number }>();
    expect(count?.n).toBe(1);
  });

  it('an item whose article was already POSTed (with tracking on the link) is not created or posted again', async () => {
    const e = botEnv({ x: inject('quietFakes').x }, { BOT_MODE: 'dry-run' });
    const story = item('posted');
    const res = await callWith(e, '/api/stories', {
      method: 'POST',
      body: JSON.stringify({ headline: 'Posted by the CMS', url: `${story.link}?utm_campaign=cms` }),
    });
    expect(res.status).toBe(201);
    const posted = (await res.json()) as { id: string };
    const url = await serveFeed('/cms.xml', { body: rss('CMS', [item('older')]) });
    const fe = { ...e, FEEDS: url, FETCH_ALLOW_HOSTS: LOCAL } as Env;
    await cron(fe);
    await serveFeed('/cms.xml', { body: rss('CMS', [story, item('older')]) });
    await cron(fe);
    expect((await stories.byUrl(story.link))?.id).toBe(posted.id);
    expect(await outboxRows(posted.id)).toHaveLength(1); // the one row from the POST, none from the feed
    expect((await feedStatus(fe)).get(url)).toMatchObject({ itemsSeen: 2, storiesCreated: 0 });
  });

  it('an item whose card would show boxes (Cherokee, a script no bundled face covers) is held for an editor', async () => {
    const e = botEnv({ x: inject('quietFakes').x }, { BOT_MODE: 'live' });
    const url = await serveFeed('/cherokee.xml', { body: rss('Phoenix', [item('old')]) });
    const fe = { ...e, FEEDS: url, FETCH_ALLOW_HOSTS: LOCAL } as Env;
    await cron(fe); // the first poll only records what is there
    const held = item('held', { title: 'Council votes ᏣᎳᎩ language plan' });
    await serveFeed('/cherokee.xml', { body: rss('Phoenix', [held, item('old')]) });
    await cron(fe);
    const created = await stories.byUrl(held.link);
    expect(created).not.toBeNull();
    const rows = (
      await env.DB.prepare('SELECT state, last_error FROM outbox WHERE story_id = ?').bind(created!.id).all()
    ).results as { state: string; last_error: string }[];
    expect(rows.map((r) => r.state)).toEqual(['review']);
    expect(rows[0]?.last_error).toMatch(/^held: the card cannot draw 3 characters .*"Ꮳ" U\+13E3 \(headline\)/u);
  });

  // Alone: with another feed in the same poll, that feed too had only the 500 ms limit for its whole answer, which
  // a loaded machine does not always give it (the first test polls the broken-but-answering ones under the real limit).
  it('a feed that never finishes answering times out on its own', async () => {
    const slow = await serveFeed('/slow.xml', { fault: 'hang' });
    const e = { ...env, FEEDS: slow, FETCH_ALLOW_HOSTS: LOCAL } as Env;
    const results = await pollFeeds(e, Date.now(), { templates, onStoryCreated: async () => {}, timeoutMs: 500 });
    expect(results).toEqual([
      {
        url: slow,
        status: 'error',
        httpStatus: null,
        newItems: 0,
        newStories: 0,
        error: 'no complete answer within 500 ms (timed out)',
      },
    ]);
  });

  it('a feed that publishes more than the per-poll cap gets the oldest first and the rest on the next poll, despite its ETag', async () => {
    const url = await serveFeed('/burst.xml', { body: rss('Burst', [item('old')]), etag: '"b1"' });
    const e = { ...env, FEEDS: url, FETCH_ALLOW_HOSTS: LOCAL } as Env;
    const created: string[] = [];
    const deps = {
      templates,
      onStoryCreated: async (r: { story: { url?: string } }) => void created.push(r.story.url!),
      maxNewPerPoll: 2,
    };
    await pollFeeds(e, Date.now(), deps);
    const burst = ['n1', 'n2', 'n3'].map((s, i) => item(s, { date: `2025-11-0${i + 2}T08:00:00Z` }));
    await serveFeed('/burst.xml', { body: rss('Burst', [...burst].reverse().concat(item('old'))), etag: '"b2"' });
    const first = await pollFeeds(e, Date.now(), deps);
    expect(first[0]).toMatchObject({ status: 'ok', newStories: 2 });
    expect(created).toEqual([burst[0]!.link, burst[1]!.link]);
    // The validators were not kept, so the unchanged document is fetched in full (not a 304) and the last item made.
    const second = await pollFeeds(e, Date.now(), deps);
    expect(second[0]).toMatchObject({ status: 'ok', httpStatus: 200, newStories: 1 });
    expect(created).toEqual(burst.map((b) => b.link));
    const third = await pollFeeds(e, Date.now(), deps);
    expect(third[0]).toMatchObject({ status: 'not_modified', newStories: 0 });
  });

  it('GET /api/feeds needs the bearer token and lists configured feeds before their first poll', async () => {
    const unauth = await worker.fetch(
      new Request('https://cards.example.com/api/feeds'),
      env,
      createExecutionContext(),
    );
    expect(unauth.status).toBe(401);
    const e = { ...env, FEEDS: 'https://never-polled.example/rss' } as Env;
    const status = await feedStatus(e);
    expect(status.get('https://never-polled.example/rss')).toMatchObject({
      configured: true,
      lastStatus: null,
      lastPolledAt: null,
      itemsSeen: 0,
    });
  });
});
