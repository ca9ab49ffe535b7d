// The runtimes' cache of fetched card images: a hit saves the fetch; a new URL, age, failure and the bounds refetch.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedImages, type ImageCacheLimits } from '../../src/runtime/image-cache.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { makePng } from '../fakes/png.ts';

const limits: ImageCacheLimits = { entries: 3, bytes: 1000, maxAgeMs: 60_000 };

/** A loader answering `data:…<url>` padded to `size` characters (null for URLs containing "fail"), counting calls. */
function loader(size = 100) {
  const calls: string[] = [];
  const load = async (url: string) => {
    calls.push(url);
    return url.includes('fail') ? null : `data:image/png;base64,${url}`.padEnd(size, 'A');
  };
  return { load, calls };
}

describe('cachedImages', () => {
  it('fetches a URL once while it is fresh, and again when it is older than maxAgeMs or a new URL', async () => {
    let clock = 0;
    const { load, calls } = loader();
    const get = cachedImages(load, limits, () => clock);
    const first = await get('https://a.example/1.png');
    expect(await get('https://a.example/1.png')).toBe(first);
    expect(calls).toHaveLength(1);
    await get('https://a.example/2.png');
    expect(calls).toHaveLength(2);
    clock = 60_001;
    await get('https://a.example/1.png');
    expect(calls).toEqual(['https://a.example/1.png', 'https://a.example/2.png', 'https://a.example/1.png']);
  });

  it('keeps no failure: a URL whose fetch gave nothing is fetched again', async () => {
    const { load, calls } = loader();
    const get = cachedImages(load, limits);
    expect(await get('https://a.example/fail.png')).toBeNull();
    expect(await get('https://a.example/fail.png')).toBeNull();
    expect(calls).toHaveLength(2);
  });

  it('shares one fetch between renders asking at once', async () => {
    const { load, calls } = loader();
    const get = cachedImages(load, limits);
    const both = await Promise.all([get('https://a.example/1.png'), get('https://a.example/1.png')]);
    expect(both[0]).toBe(both[1]);
    expect(calls).toHaveLength(1);
  });

  it('holds at most `entries` images and `bytes` characters, dropping the least recently used', async () => {
    const { load, calls } = loader(300);
    const get = cachedImages(load, limits);
    for (const n of [1, 2, 3]) await get(`https://a.example/${n}.png`); // 900 characters: within both bounds
    await get('https://a.example/1.png'); // a hit: 1 is now the most recently used
    await get('https://a.example/4.png'); // 1,200 characters: 2 goes
    expect(calls).toHaveLength(4);
    await get('https://a.example/1.png');
    await get('https://a.example/3.png');
    expect(calls).toHaveLength(4); // still kept
    await get('https://a.example/2.png');
    expect(calls.at(-1)).toBe('https://a.example/2.png'); // dropped, so fetched again
    // By bytes alone: two images of 600 characters are over 1,000, though under 3 entries.
    const wide = loader(600);
    const byBytes = cachedImages(wide.load, limits);
    await byBytes('https://a.example/a.png');
    await byBytes('https://a.example/b.png');
    await byBytes('https://a.example/a.png');
    expect(wide.calls).toEqual(['https://a.example/a.png', 'https://a.example/b.png', 'https://a.example/a.png']);
    const counted = loader(5000);
    const huge = cachedImages(counted.load, limits);
    await huge('https://a.example/huge.png');
    await huge('https://a.example/huge.png');
    expect(counted.calls).toHaveLength(2); // over the whole budget: drawn, never kept
  });
});

describe('the Node runtime', () => {
  let server: Server;
  let base: string;
  let requests = 0;
  beforeAll(async () => {
    const png = makePng(4, 3);
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('fetches a card image once for several renders, and each runtime (each fetch policy) for itself', async () => {
    const policy = { fetchPolicy: { allowHosts: [new URL(base).host] } };
    const runtime = createNodeRuntime(policy);
    const a = await runtime.fetchImage(`${base}/photo.png`);
    expect(a).toMatch(/^data:image\/png;base64,/);
    expect(await runtime.fetchImage(`${base}/photo.png`)).toBe(a);
    expect(requests).toBe(1);
    // A runtime refused loopback never sees what another was allowed to fetch.
    expect(await createNodeRuntime().fetchImage(`${base}/photo.png`)).toBeNull();
    expect(requests).toBe(1);
  });
});
