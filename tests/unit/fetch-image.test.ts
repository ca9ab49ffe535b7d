// fetchImageAsDataUri against a real loopback server: types, signatures, size cap, timeout, never a throw.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImageAsDataUri, IMAGE_MAX_BYTES } from '../../src/runtime/fetch-image.ts';
import { makePng } from '../fakes/png.ts';

const png = makePng(4, 3);
const MB = 1024 * 1024;
let server: Server;
/** The test server is on loopback: allowed here as FETCH_ALLOW_HOSTS allows local fakes. */
const local = { policy: { allowHosts: ['127.0.0.1'] } };
let base: string;
/** Bytes the server managed to write for the streaming-limit test: proves we stopped reading early. */
let streamed = 0;

const routes: Record<string, (res: ServerResponse) => void> = {
  '/logo.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
  '/logo-charset.png': (res) => res.writeHead(200, { 'content-type': 'IMAGE/PNG; charset=binary' }).end(png),
  '/page.html': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
  '/lying.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end('<html>not a png</html>'),
  '/missing.png': (res) => res.writeHead(404, { 'content-type': 'image/png' }).end(png),
  '/icon.svg': (res) =>
    res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  '/declared-huge.png': (res) =>
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(6 * MB) }).end(),
  '/endless.png': (res) => {
    // No content-length: only a streaming limit protects us. 64 KB chunks, up to 50 MB, while the client reads.
    res.writeHead(200, { 'content-type': 'image/png' });
    const chunk = Buffer.concat([Buffer.from(png), Buffer.alloc(64 * 1024 - png.length)]);
    const pump = () => {
      while (streamed < 50 * MB && !res.destroyed) {
        streamed += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  },
  '/slow.png': () => {}, // never answers
};

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ''] ?? ((r) => r.writeHead(404).end()))(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchImageAsDataUri', () => {
  it('returns a PNG as a data: URI of the same bytes', async () => {
    const uri = await fetchImageAsDataUri(`${base}/logo.png`, local);
    expect(uri?.startsWith('data:image/png;base64,')).toBe(true);
    expect(new Uint8Array(Buffer.from(uri!.split(',')[1]!, 'base64'))).toEqual(png);
    expect(await fetchImageAsDataUri(`${base}/logo-charset.png`, local)).toBe(uri);
    expect(await fetchImageAsDataUri(`${base}/icon.svg`, local)).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('answers null for other content types, mislabelled files and HTTP errors', async () => {
    for (const path of ['/page.html', '/lying.png', '/missing.png']) {
      expect(await fetchImageAsDataUri(`${base}${path}`, local)).toBeNull();
    }
  });

  it('answers null for anything but http(s) or a data: image, without throwing', async () => {
    // data: images are drawn when they are one (tests/unit/safe-fetch.test.ts); other data: URIs are not images.
    for (const url of ['file:///etc/passwd', 'data:text/html;base64,PGgxPg==', 'ftp://example.com/a.png', '']) {
      expect(await fetchImageAsDataUri(url, local)).toBeNull();
    }
    expect(await fetchImageAsDataUri('http://127.0.0.1:1/refused.png', local)).toBeNull();
  });

  it(`stops reading past ${IMAGE_MAX_BYTES / MB} MB, declared or not`, async () => {
    expect(await fetchImageAsDataUri(`${base}/declared-huge.png`, local)).toBeNull();
    expect(await fetchImageAsDataUri(`${base}/endless.png`, local)).toBeNull();
    expect(streamed).toBeLessThan(20 * MB);
  });

  it('gives up on a server that does not answer in time', async () => {
    expect(await fetchImageAsDataUri(`${base}/slow.png`, { ...local, timeoutMs: 200 })).toBeNull();
  });
});
