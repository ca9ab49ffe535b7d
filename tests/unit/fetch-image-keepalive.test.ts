// A card's image fetched over a kept-alive connection that the image host closes as the request crosses it on the
// wire: the keep-alive race (RFC 9112 §9.3.1) a render makes likely by holding the event loop past the pool's timer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { makePng } from '../fakes/png.ts';

const png = makePng(4, 3);
let server: Server;
let base: string;
let connections = 0;
let answered = 0;
let dropped = 0;

beforeAll(async () => {
  // The host's side of the race, made certain: it answers the first request of each connection and drops the
  // connection on any later one (its idle timer fired as that request arrived), without a byte of response.
  server = createServer((req, res) => {
    const socket = req.socket as typeof req.socket & { served?: boolean };
    if (req.url === '/down.png') {
      dropped++;
      return void socket.destroy();
    }
    if (socket.served) return void socket.destroy();
    socket.served = true;
    answered++;
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('fetchImage over a kept-alive connection', () => {
  it('gets the image when the host drops the reused connection: one retry on a fresh one (an idempotent GET)', async () => {
    // The real Node runtime (its own fetch, the loopback host allowed as FETCH_ALLOW_HOSTS allows local hosts).
    const runtime = createNodeRuntime({ fetchPolicy: { allowHosts: [new URL(base).host] } });
    for (let i = 1; i <= 3; i++) {
      expect(await runtime.fetchImage(`${base}/photo.png?n=${i}`), `fetch ${i}`).toMatch(/^data:image\/png;base64,/);
    }
    expect(answered).toBe(3);
    expect(connections).toBe(3);
  });

  it('retries once, not forever: a host that drops every request gives no image after two tries', async () => {
    const runtime = createNodeRuntime({ fetchPolicy: { allowHosts: [new URL(base).host] } });
    expect(await runtime.fetchImage(`${base}/down.png`)).toBeNull();
    expect(dropped).toBe(2);
  });
});
