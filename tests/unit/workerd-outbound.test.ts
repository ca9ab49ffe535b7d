// The self-hosting workerd config (deploy/public-internet.capnp) as a Worker's globalOutbound: the real workerd binary
// refuses loopback, private and link-local addresses, by number and by a name that resolves to one.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/npm-start.ts';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const WORKERD = fileURLToPath(new URL('../../node_modules/workerd/bin/workerd', import.meta.url));

// A Worker that fetches whatever ?url= names and says what happened.
const PROBE = `export default {
  async fetch(request) {
    const target = new URL(request.url).searchParams.get('url');
    try {
      const res = await fetch(target);
      return new Response('fetched ' + res.status);
    } catch (e) {
      return new Response('refused', { status: 502 });
    }
  },
};`;

let inside: Server;
let insidePort: number;
let workerd: ChildProcess;
let origin: string;
let dir: string;
const hits: string[] = [];

beforeAll(async () => {
  // A service on this machine, on every interface: what a hostile URL would like the Worker to reach.
  inside = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('inside');
  });
  await new Promise<void>((r) => inside.listen(0, r));
  insidePort = (inside.address() as AddressInfo).port;
  dir = mkdtempSync(join(tmpdir(), 'storycard-workerd-'));
  writeFileSync(join(dir, 'probe.js'), PROBE);
  writeFileSync(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
using Net = import "/public-internet.capnp";
const config :Workerd.Config = (
  services = [ (name = "probe", worker = .probe), Net.internet ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "probe") ],
);
const probe :Workerd.Worker = (
  modules = [ (name = "probe.js", esModule = embed "probe.js") ],
  compatibilityDate = "2026-10-01",
  globalOutbound = "internet",
);
`,
  );
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  workerd = spawn(
    WORKERD,
    ['serve', join(dir, 'config.capnp'), '-I', DEPLOY, '--socket-addr', `http=127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  workerd.stderr?.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await fetch(`${origin}/?url=about:blank`);
      break;
    } catch {
      if (Date.now() > deadline || workerd.exitCode !== null) throw new Error(`workerd did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}, 30_000);

afterAll(() => {
  workerd?.kill('SIGTERM');
  inside?.closeAllConnections();
  inside?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const probe = async (url: string) => {
  const res = await fetch(`${origin}/?url=${encodeURIComponent(url)}`);
  return `${res.status} ${await res.text()}`;
};

describe('deploy/public-internet.capnp', () => {
  it('refuses loopback and private addresses, and names that resolve to them', async () => {
    const refused = [
      `http://127.0.0.1:${insidePort}/ip`,
      `http://[::1]:${insidePort}/ipv6`,
      `http://localhost:${insidePort}/localhost`,
      `http://localhost.:${insidePort}/localhost-dot`,
      // This machine's own name: /etc/hosts (or DNS) points it at loopback or at one of this machine's addresses.
      `http://${hostname()}:${insidePort}/hostname`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/',
    ];
    for (const url of refused) expect(await probe(url), url).toBe('502 refused');
    expect(hits).toEqual([]);
  });
});
