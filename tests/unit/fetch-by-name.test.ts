// No way in by name: under Node a host name is resolved before connecting, every address it has is checked (no
// loopback, private, link-local or own address), and the connection goes to the checked address and no other.
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedFetchError, fetchFeed } from '../../src/intake/feed-fetch.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { type Lookup, nodeFetchGuard } from '../../src/runtime/node-fetch.ts';
import { BlockedFetchError, safeFetch } from '../../src/safe-fetch.ts';
import { makePng } from '../fakes/png.ts';
import { rss } from '../helpers/feeds.ts';

const png = makePng(4, 3);
let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  // What an attacker wants fetched: a service on this machine. It listens on every interface, so a name pointing at
  // any of this machine's addresses would reach it.
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) return void res.writeHead(302, { location: to }).end();
    if (req.url?.startsWith('/feed')) {
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss('Inside', [{ title: 'Secret', link: 'https://x.example/s', guid: 's' }]));
    }
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  await new Promise<void>((r) => server.listen(0, r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  hits.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  return () => vi.restoreAllMocks();
});

/** The test's own resolver: names it knows, as an attacker's DNS would answer them; anything else does not exist. */
const PUBLIC = '93.184.215.14';
function resolver(names: Record<string, string[] | (() => string[])>) {
  const asked: string[] = [];
  const lookup: Lookup = async (hostname) => {
    asked.push(hostname);
    const entry = names[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const list = typeof entry === 'function' ? entry() : entry;
    return list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { lookup, asked };
}

const warned = () => vi.mocked(console.warn).mock.calls.map((c) => String(c[0]));

describe('card images and logos (the render core fetches both through runtime.fetchImage)', () => {
  it('refuses a name the resolver maps to loopback, and localhost. however spelled', async () => {
    const { lookup } = resolver({ 'photos.newsroom.test': ['127.0.0.1'], 'logo.newsroom.test': ['::1', PUBLIC] });
    const runtime = createNodeRuntime({ lookup });
    expect(await runtime.fetchImage(`http://photos.newsroom.test:${port}/photo.png`)).toBeNull();
    expect(await runtime.fetchImage(`http://logo.newsroom.test:${port}/logo.png`)).toBeNull();
    expect(await runtime.fetchImage(`http://localhost.:${port}/logo.png`)).toBeNull();
    expect(hits).toEqual([]);
    expect(warned()).toEqual([
      expect.stringContaining('photos.newsroom.test resolves to a loopback address 127.0.0.1'),
      expect.stringContaining('logo.newsroom.test resolves to a loopback address ::1'),
      expect.stringContaining('localhost is a loopback name'),
    ]);
  });

  it("refuses the machine's own names and addresses, whatever range they are in", async () => {
    // With the system resolver: this machine's own name resolves to one of its addresses (or loopback).
    const runtime = createNodeRuntime();
    const { hostname } = await import('node:os');
    expect(await runtime.fetchImage(`http://${hostname()}:${port}/photo.png`)).toBeNull();
    expect(warned()[0]).toMatch(/resolves to (a loopback address|.*this machine's own address)/);
    // Every interface's address counts as ours, public or not: here one the test declares as its own.
    const own = Object.values(networkInterfaces()).flatMap((l) => (l ?? []).map((i) => i.address));
    expect(nodeFetchGuard().ownAddresses).toEqual(expect.arrayContaining(own));
    const { lookup } = resolver({ 'mirror.newsroom.test': [PUBLIC] });
    const policy = { ...nodeFetchGuard(lookup), ownAddresses: [PUBLIC] };
    await expect(safeFetch(`http://mirror.newsroom.test:${port}/`, {}, policy)).rejects.toThrow(
      `mirror.newsroom.test resolves to this machine's own address ${PUBLIC}`,
    );
    await expect(safeFetch(`http://${PUBLIC}:${port}/`, {}, policy)).rejects.toThrow(/this machine's own address/);
    expect(hits).toEqual([]);
  });

  it('FETCH_ALLOW_HOSTS still exempts a named host', async () => {
    const runtime = createNodeRuntime({ fetchPolicy: { allowHosts: ['localhost'] } });
    expect(await runtime.fetchImage(`http://localhost:${port}/logo.png`)).toMatch(/^data:image\/png;base64,/);
    expect(hits).toEqual(['/logo.png']);
  });
});

describe('redirect targets', () => {
  it('refuses a hop to a name that resolves to loopback, for images and feeds, before fetching it', async () => {
    const { lookup } = resolver({ 'cdn.newsroom.test': ['10.0.0.7'] });
    // The first hop is allowed (as FETCH_ALLOW_HOSTS would), the redirect it answers is not.
    const allowFirst = { allowHosts: [`127.0.0.1:${port}`] };
    const runtime = createNodeRuntime({ lookup, fetchPolicy: allowFirst });
    const to = encodeURIComponent(`http://cdn.newsroom.test:${port}/photo.png`);
    expect(await runtime.fetchImage(`http://127.0.0.1:${port}/r?to=${to}`)).toBeNull();
    expect(warned()).toEqual([expect.stringContaining('cdn.newsroom.test resolves to a private address 10.0.0.7')]);
    const feedTo = encodeURIComponent('http://localhost.:1/feed.xml');
    const policy = { ...nodeFetchGuard(lookup), ...allowFirst };
    await expect(fetchFeed(`http://127.0.0.1:${port}/r?to=${feedTo}`, {}, { policy })).rejects.toThrow(
      /localhost is a loopback name/,
    );
    expect(hits).toEqual([`/r?to=${to}`, `/r?to=${feedTo}`]);
  });
});

describe('feeds', () => {
  it('refuses a feed whose name resolves to loopback', async () => {
    const { lookup } = resolver({ 'feeds.newsroom.test': ['127.0.0.53'] });
    const policy = nodeFetchGuard(lookup);
    const failure = fetchFeed(`http://feeds.newsroom.test:${port}/feed.xml`, {}, { policy });
    await expect(failure).rejects.toThrow(FeedFetchError);
    await expect(failure).rejects.toThrow(/feeds\.newsroom\.test resolves to a loopback address 127\.0\.0\.53/);
    await expect(fetchFeed(`http://localhost.:${port}/feed.xml`, {}, { policy })).rejects.toThrow(/loopback name/);
    expect(hits).toEqual([]);
  });
});

describe('the connection is pinned to the checked address', () => {
  it('a name that answers public when checked and loopback after never reaches loopback', async () => {
    // DNS rebinding: the first answer passes the check, every later one points inside.
    let answers = 0;
    const { lookup, asked } = resolver({
      'rebind.newsroom.test': () => (answers++ === 0 ? [PUBLIC] : ['127.0.0.1']),
    });
    const runtime = createNodeRuntime({ lookup });
    // The checked (public) address is unreachable from the test machine: the image fails, and nothing came in.
    const image = await runtime.fetchImage(`http://rebind.newsroom.test:${port}/photo.png`);
    expect(image).toBeNull();
    expect(hits).toEqual([]);
    expect(asked).toEqual(['rebind.newsroom.test']);
  });

  it('connects to the addresses it was given, not to whatever the name resolves to', async () => {
    // No resolver anywhere knows this name: only the pinned address can have answered.
    const pinned = nodeFetchGuard().connectTo('unknown-name.newsroom.test', ['127.0.0.1']);
    const res = await pinned(`http://unknown-name.newsroom.test:${port}/photo.png`);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(png));
    expect(hits).toEqual(['/photo.png']);
  });

  it('a name that does not resolve is refused, naming it', async () => {
    const { lookup } = resolver({});
    await expect(safeFetch(`http://nowhere.newsroom.test/`, {}, nodeFetchGuard(lookup))).rejects.toThrow(
      BlockedFetchError,
    );
  });
});
