// Vitest global setup (runs in Node, not workerd): the golden PNGs and the sample photo on 127.0.0.1, so
// tests/worker/golden.test.ts can hold what workerd draws against what was reviewed.
//
// POST /compare/<template>/<size>/<sample>.png with a render's PNG answers {count, first}: its pixels
// against the golden's, decoded and compared here by the same code as the Node golden test (pngjs's
// decoder needs Node's zlib, which workerd's does not imitate closely enough).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { pixelsOf } from '../helpers/golden.ts';
import { differingPixels } from '../helpers/golden-cases.ts';

// What it provides: tests/worker/provided.d.ts.

const ROOT = new URL('../', import.meta.url);

async function body(req: import('node:http').IncomingMessage): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

export default async function setup(project: TestProject) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      if (req.method === 'GET' && path === '/photo.png') {
        const bytes = await readFile(new URL('fixtures/photo.png', ROOT));
        res.writeHead(200, { 'content-type': 'image/png' }).end(bytes);
        return;
      }
      const file = path.slice('/compare/'.length);
      if (req.method !== 'POST' || !path.startsWith('/compare/') || file.includes('..')) {
        res.writeHead(404).end();
        return;
      }
      const golden = await readFile(new URL(`render/__golden__/${file}`, ROOT)).catch(() => undefined);
      if (!golden) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no golden ${file}` }));
        return;
      }
      const diff = differingPixels(pixelsOf(await body(req)), pixelsOf(golden));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(diff));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(e) }));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  project.provide('goldenUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((ok) => server.close(() => ok()));
}
