// The bench's photo host, in a process of its own (a photo host is another machine): the photograph-like test image
// of tests/helpers/photo.ts over HTTP, with Node's default keep-alive (5 s). Renders block the bench's event loop
// past its pool's keep-alive timer, so a reused socket may meet this host's close: fetchImage retries such a dropped
// GET once on a fresh connection (src/runtime/fetch-image.ts), as a real photo host needs.
// Prints its URL; exits when its stdin ends.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePhoto } from '../../tests/helpers/photo.ts';

const photo = makePhoto();
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(photo.byteLength) }).end(photo);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
process.stdin.resume();
