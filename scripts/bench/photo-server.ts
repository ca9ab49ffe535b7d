// The bench's photo host, in a process of its own (a photo host is another machine): the photograph-like test image
// of tests/helpers/photo.ts over HTTP, each answer on its own connection (`connection: close`). Why not reused
// connections: with Node's 5 s keep-alive, the storycard Node runtime reuses a socket the host already closed while a
// render blocked its event loop, and the card goes out without its photo (`fetch failed: other side closed`, every
// other fetch here): a real fault of fetchImage (no retry), reported, not something the bench should time.
// Prints its URL; exits when its stdin ends.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePhoto } from '../../tests/helpers/photo.ts';

const photo = makePhoto();
const server = createServer((_req, res) => {
  res
    .writeHead(200, { 'content-type': 'image/png', 'content-length': String(photo.byteLength), connection: 'close' })
    .end(photo);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
process.stdin.resume();
