// A fake photo host on 127.0.0.1 with fault modes: up (serves the photo), down (503), reset (drops the connection),
// huge (announces more than a card may fetch). POST /__mode/<mode> switches it; the same photo every time.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePhoto } from '../helpers/photo.ts';

export type PhotoMode = 'up' | 'down' | 'reset' | 'huge';

export interface FakePhotos {
  url: string;
  /** Requests for the photo so far (any mode). */
  hits(): number;
  setMode(mode: PhotoMode): void;
  close(): Promise<void>;
}

export async function startFakePhotos(initial: PhotoMode = 'up'): Promise<FakePhotos> {
  const photo = makePhoto();
  let mode: PhotoMode = initial;
  let hits = 0;
  const server = createServer((req, res) => {
    const control = /^\/__mode\/(up|down|reset|huge)$/.exec(req.url ?? '');
    if (req.method === 'POST' && control) {
      mode = control[1] as PhotoMode;
      res.writeHead(204).end();
      return;
    }
    if (req.url === '/__hits') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ hits }));
      return;
    }
    hits++;
    if (mode === 'down') res.writeHead(503, { 'content-type': 'text/plain' }).end('photo host is down');
    else if (mode === 'reset') req.socket.destroy();
    else if (mode === 'huge') res.writeHead(200, { 'content-type': 'image/png', 'content-length': '99999999' }).end();
    else res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(photo.byteLength) }).end(photo);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    setMode: (m) => {
      mode = m;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
