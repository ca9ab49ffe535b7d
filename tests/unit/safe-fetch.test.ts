// Nobody in: URLs users and feeds hand us are fetched hop by hop, never into loopback, private or link-local
// addresses (however they are spelled) nor the Worker itself, unless FETCH_ALLOW_HOSTS names the host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImageAsDataUri } from '../../src/runtime/fetch-image.ts';
import { nodeFetchGuard } from '../../src/runtime/node-fetch.ts';
import { BlockedFetchError, blockedReason, safeFetch } from '../../src/safe-fetch.ts';
import { makePng } from '../fakes/png.ts';

const png = makePng(4, 3);
let inner: Server;
let outer: Server;
let innerUrl: string;
let outerUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  // The "inside" server: what an attacker would like the Worker to fetch.
  inner = createServer((req, res) => {
    seen.push(`inner ${req.url}`);
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  // The "outside" server: redirects wherever the path says.
  outer = createServer((req, res) => {
    seen.push(`outer ${req.url}`);
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) return void res.writeHead(302, { location: to }).end();
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  await Promise.all([inner, outer].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  innerUrl = `http://127.0.0.1:${(inner.address() as AddressInfo).port}`;
  outerUrl = `http://127.0.0.1:${(outer.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const s of [inner, outer]) {
    s.closeAllConnections();
    s.close();
  }
});

describe('blockedReason', () => {
  const refused = [
    'http://127.0.0.1/a.png',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://0x7f000001/',
    'http://localhost:8787/',
    'http://LOCALHOST./',
    'http://api.localhost/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[2002:7f00:1::1]/',
    'http://[::]/',
    'http://0.0.0.0/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://224.0.0.1/',
    'https://255.255.255.255/',
  ];
  it.each(refused)('refuses %s', (url) => {
    expect(blockedReason(new URL(url))).toMatch(/loopback|private|link-local|unspecified|multicast|shared|reserved/);
  });

  const allowed = [
    'https://example.com/a.png',
    'http://8.8.8.8/',
    'https://[2606:4700:4700::1111]/',
    'http://172.32.0.1/',
  ];
  it.each(allowed)('allows %s', (url) => expect(blockedReason(new URL(url))).toBeUndefined());

  it('refuses the Worker’s own host even when allowed, and exempts FETCH_ALLOW_HOSTS by host or host:port', () => {
    const policy = { allowHosts: ['127.0.0.1:9000', 'localhost'], selfHosts: ['localhost:8787'] };
    expect(blockedReason(new URL('http://127.0.0.1:9000/a.png'), policy)).toBeUndefined();
    expect(blockedReason(new URL('http://127.0.0.1:9001/a.png'), policy)).toMatch(/loopback/);
    expect(blockedReason(new URL('http://localhost:5555/'), policy)).toBeUndefined();
    expect(blockedReason(new URL('http://localhost:8787/cards/x'), policy)).toMatch(/this Worker itself/);
    expect(blockedReason(new URL('https://cards.example.com/s/x'), { selfHosts: ['cards.example.com'] })).toMatch(
      /this Worker itself/,
    );
    expect(blockedReason(new URL('file:///etc/passwd'))).toMatch(/http\(s\)/);
  });
});

describe('safeFetch', () => {
  it('follows redirects hop by hop and refuses a hop into a blocked address, before fetching it', async () => {
    const allowOuter = { allowHosts: [new URL(outerUrl).host] };
    seen.length = 0;
    const to = `${innerUrl}/secret.png`;
    await expect(safeFetch(`${outerUrl}/r?to=${encodeURIComponent(to)}`, {}, allowOuter)).rejects.toThrow(
      BlockedFetchError,
    );
    expect(seen).toEqual([`outer /r?to=${encodeURIComponent(to)}`]);
    // Allowed hop to allowed hop: followed.
    const both = { allowHosts: [new URL(outerUrl).host, new URL(innerUrl).host] };
    const res = await safeFetch(`${outerUrl}/r?to=${encodeURIComponent(to)}`, {}, both);
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toBe('inner /secret.png');
  });

  it('stops after five redirects, and refuses a redirect into the Worker itself', async () => {
    const policy = { allowHosts: [new URL(outerUrl).host], selfHosts: ['cards.example.com'] };
    let url = `${outerUrl}/end`;
    for (let i = 0; i < 6; i++) url = `${outerUrl}/r?to=${encodeURIComponent(url)}`;
    await expect(safeFetch(url, {}, policy)).rejects.toThrow(/more than 5 redirects/);
    const self = `${outerUrl}/r?to=${encodeURIComponent('https://cards.example.com/api/stories')}`;
    await expect(safeFetch(self, {}, policy)).rejects.toThrow(/this Worker itself/);
  });

  it('under Node, a public-looking name that resolves to loopback is refused too', async () => {
    const policy = { resolve: async () => ['127.0.0.1'] };
    await expect(safeFetch('http://rebind.example/', {}, policy)).rejects.toThrow(/resolves to a loopback address/);
    expect(await nodeFetchGuard().resolve('localhost')).toEqual(
      expect.arrayContaining([expect.stringMatching(/127\.0\.0\.1|::1/)]),
    );
  });
});

describe('card images', () => {
  it('a loopback image URL is not fetched without FETCH_ALLOW_HOSTS, and is with it', async () => {
    seen.length = 0;
    expect(await fetchImageAsDataUri(`${innerUrl}/logo.png`)).toBeNull();
    expect(await fetchImageAsDataUri(`http://2130706433:${new URL(innerUrl).port}/logo.png`)).toBeNull();
    expect(seen).toEqual([]);
    const allowed = await fetchImageAsDataUri(`${innerUrl}/logo.png`, { policy: { allowHosts: ['127.0.0.1'] } });
    expect(allowed).toMatch(/^data:image\/png;base64,/);
    expect(seen).toEqual(['inner /logo.png']);
  });

  it('a data: image is drawn as given when it is the image it says, and dropped otherwise', async () => {
    const uri = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    expect(await fetchImageAsDataUri(uri)).toBe(uri);
    expect(await fetchImageAsDataUri('data:image/png;base64,PGh0bWw+')).toBeNull();
    expect(await fetchImageAsDataUri('data:text/html;base64,PGh0bWw+')).toBeNull();
  });
});
