// Fetching feeds from a real HTTP server on 127.0.0.1: conditional GET and 304s, changes between polls, faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedFetchError, fetchFeed } from '../../src/intake/feed-fetch.ts';
import { FeedParseError, parseFeedText } from '../../src/intake/feed-parse.ts';
import { type FakeFeeds, startFakeFeeds } from '../fakes/fake-feeds.ts';
import { atom, jsonFeed, rss } from '../helpers/feeds.ts';

let feeds: FakeFeeds;
beforeAll(async () => {
  feeds = await startFakeFeeds();
});
afterAll(() => feeds.close());

/** The fake feed server is on 127.0.0.1: allowed here as FETCH_ALLOW_HOSTS allows it for local development. */
const local = { policy: { allowHosts: ['127.0.0.1'] } };

const one = { title: 'Dock strike ends', link: 'https://news.example/dock', guid: 'd-1' };
const two = { title: 'New ferry named', link: 'https://news.example/ferry', guid: 'f-1' };

describe('conditional GET', () => {
  it('sends back the ETag, gets 304 while the feed is unchanged, and the new document when it changes', async () => {
    feeds.set('/etag.xml', { body: rss('Port', [one]), etag: '"v1"' });
    const first = await fetchFeed(`${feeds.url}/etag.xml`, {}, local);
    expect(first).toMatchObject({ kind: 'ok', status: 200, etag: '"v1"' });

    const again = await fetchFeed(`${feeds.url}/etag.xml`, { etag: '"v1"' }, local);
    expect(again).toMatchObject({ kind: 'not_modified', status: 304 });
    expect(feeds.log.at(-1)).toMatchObject({ path: '/etag.xml', ifNoneMatch: '"v1"', status: 304 });

    feeds.set('/etag.xml', { body: rss('Port', [two, one]), etag: '"v2"' });
    const changed = await fetchFeed(`${feeds.url}/etag.xml`, { etag: '"v1"' }, local);
    expect(changed).toMatchObject({ kind: 'ok', etag: '"v2"' });
    if (changed.kind !== 'ok') throw new Error('expected a document');
    expect(parseFeedText(changed.body).items.map((i) => i.title)).toEqual(['New ferry named', 'Dock strike ends']);
  });

  it('sends back Last-Modified as If-Modified-Since when there is no ETag', async () => {
    const lastModified = 'Tue, 04 Nov 2025 08:30:00 GMT';
    feeds.set('/lm.json', { body: jsonFeed('Port', [one]), lastModified, contentType: 'application/feed+json' });
    const first = await fetchFeed(`${feeds.url}/lm.json`, {}, local);
    expect(first).toMatchObject({ kind: 'ok', lastModified });
    const again = await fetchFeed(`${feeds.url}/lm.json`, { lastModified }, local);
    expect(again.kind).toBe('not_modified');
    expect(feeds.log.at(-1)).toMatchObject({ ifModifiedSince: lastModified, status: 304 });
  });

  it('decodes the charset the response names, else the one the XML declaration names', async () => {
    const doc = atom('Café', [{ ...one, title: 'Crème brûlée festival' }]);
    feeds.set('/latin1.xml', {
      body: doc,
      encoding: 'latin1',
      contentType: 'application/atom+xml; charset=ISO-8859-1',
    });
    const res = await fetchFeed(`${feeds.url}/latin1.xml`, {}, local);
    if (res.kind !== 'ok') throw new Error('expected a document');
    expect(parseFeedText(res.body).items[0]?.title).toBe('Crème brûlée festival');

    const declared = doc.replace('encoding="utf-8"', 'encoding="ISO-8859-1"');
    feeds.set('/declared.xml', { body: declared, encoding: 'latin1', contentType: 'application/atom+xml' });
    const res2 = await fetchFeed(`${feeds.url}/declared.xml`, {}, local);
    if (res2.kind !== 'ok') throw new Error('expected a document');
    expect(parseFeedText(res2.body).items[0]?.title).toBe('Crème brûlée festival');
  });
});

describe('faults', () => {
  it('a 500 is a FeedFetchError with the status', async () => {
    feeds.set('/500.xml', { status: 500, body: 'Internal Server Error', contentType: 'text/plain' });
    const err = await fetchFeed(`${feeds.url}/500.xml`, {}, local).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedFetchError);
    expect(err).toMatchObject({
      status: 500,
      message: expect.stringMatching(/expected 200 from the feed, received 500/),
    });
  });

  it('a feed that never finishes answering is cut off by the time limit', async () => {
    feeds.set('/hang.xml', { fault: 'hang' });
    const err = await fetchFeed(`${feeds.url}/hang.xml`, {}, { ...local, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedFetchError);
    expect((err as Error).message).toMatch(/no complete answer within 300 ms/);
  });

  it('a body over the cap is refused without reading it all, with or without Content-Length', async () => {
    feeds.set('/huge.xml', { fault: 'huge', hugeBytes: 3 * 1024 * 1024 });
    const err = await fetchFeed(`${feeds.url}/huge.xml`, {}, { ...local, maxBytes: 1024 * 1024 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FeedFetchError);
    expect((err as Error).message).toMatch(/body: expected at most 1048576 bytes, received more/);

    feeds.set('/big.xml', { body: rss('Big', [{ ...one, title: 'y'.repeat(2_000) }]) });
    const declared = await fetchFeed(`${feeds.url}/big.xml`, {}, { ...local, maxBytes: 1000 }).catch((e: unknown) => e);
    expect((declared as Error).message).toMatch(/body: expected at most 1000 bytes, received \d+ \(Content-Length\)/);
  });

  it('a connection refused is a FeedFetchError without a status', async () => {
    const closed = await startFakeFeeds();
    const url = `${closed.url}/gone.xml`;
    await closed.close();
    const err = await fetchFeed(url, {}, local).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'FeedFetchError', status: null });
  });

  it('a feed on a loopback address is refused unless allowed, and so is a redirect into one', async () => {
    feeds.set('/inside.xml', { body: rss('Inside', [one]) });
    const before = feeds.log.length;
    const err = await fetchFeed(`${feeds.url}/inside.xml`, {}).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'FeedFetchError',
      message: expect.stringMatching(/refused to fetch .*loopback/),
    });
    expect(feeds.log.length).toBe(before);
    // Allowed feed host, redirecting to the same host on a loopback alias that is not allowed.
    const port = new URL(feeds.url).port;
    feeds.set('/moved.xml', { status: 302, headers: { Location: `http://[::ffff:127.0.0.1]:${port}/inside.xml` } });
    const hop = await fetchFeed(`${feeds.url}/moved.xml`, {}, local).catch((e: unknown) => e);
    expect(hop).toMatchObject({
      name: 'FeedFetchError',
      message: expect.stringMatching(/refused to fetch .*loopback/),
    });
    expect(feeds.log.slice(before).map((r) => r.path)).toEqual(['/moved.xml']);
  });

  it('malformed XML arrives fine and fails to parse', async () => {
    feeds.set('/broken.xml', { body: '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Oops</tit' });
    const res = await fetchFeed(`${feeds.url}/broken.xml`, {}, local);
    if (res.kind !== 'ok') throw new Error('expected a document');
    expect(() => parseFeedText(res.body)).toThrow(FeedParseError);
  });
});
