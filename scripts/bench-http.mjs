// HTTP benchmark of the Worker under `npm start` (wrangler dev, workerd, loopback): a cached card, a share page,
// and a card's first (uncached) render. Usage: node scripts/bench-http.mjs [--duration 10] [--connections 10] [--json]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    connections: { type: 'string', default: '10' },
    renders: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });

const port = await freePort();
const stateDir = mkdtempSync(join(tmpdir(), 'storycard-bench-'));
const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), STORYCARD_STATE_DIR: stateDir, API_TOKEN: '', SIGNING_SECRET: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let out = '';
const stop = () => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(stateDir, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});

const printed = await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error(`npm start did not come up in 150 s:\n${out}`)), 150_000);
  const onData = (d) => {
    out += d;
    const share = /^\s+share page\s+(\S+)/m.exec(out)?.[1];
    const card = /^\s+card\s+(\S+)/m.exec(out)?.[1];
    const token = /^\s+API token\s+(\S+)/m.exec(out)?.[1];
    if (share && card && token) {
      clearTimeout(timer);
      ok({ share, card, token });
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${out}`)));
});
const origin = new URL(printed.share).origin;

try {
  // New stories: the og card a crawler fetches right after creation (the background pre-render has it, or is
  // drawing it), and the square card nobody pre-renders (a first render: satori + resvg-wasm + encode + R2 write).
  // Measured from the client, so each includes the request.
  const firstRenders = [];
  const afterCreate = [];
  for (let i = 0; i < Number(values.renders); i++) {
    const res = await fetch(`${origin}/api/stories`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${printed.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        headline: `Benchmark story ${i}: the first render of a card happens once, then R2 and the edge cache serve it`,
        quote: `Quote number ${i}, long enough to wrap onto a second line of the card at its default size.`,
        quoteAuthor: 'A. Benchmark',
        url: `https://bench.example.org/${Date.now()}-${i}`,
      }),
    });
    const { cardUrl, cardUrls } = await res.json();
    let t0 = performance.now();
    await (await fetch(cardUrl)).arrayBuffer();
    afterCreate.push(performance.now() - t0);
    t0 = performance.now();
    await (await fetch(cardUrls.square)).arrayBuffer();
    firstRenders.push(performance.now() - t0);
  }
  await (await fetch(printed.card)).arrayBuffer(); // warm the demo card

  const run = (title, url, headers = {}) =>
    autocannon({ title, url, connections, duration, headers }).then((r) => ({
      title,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + (title.startsWith('floor') ? 0 : r.non2xx),
      bytes: r.throughput.average,
    }));
  const rows = [
    // The floor: a route that touches no binding, i.e. what wrangler dev + workerd cost per request here.
    await run('floor: unknown route (JSON 404, no I/O)', `${origin}/bench-floor`),
    await run('cached card (og.png)', printed.card),
    await run('share page (crawler UA)', printed.share, { 'user-agent': 'Twitterbot/1.0' }),
  ];
  const medianOf = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const median = medianOf(firstRenders);
  const result = {
    setup: { server: 'npm start (wrangler dev, workerd, local D1/R2)', connections, durationSeconds: duration },
    http: rows,
    firstRenderMs: { median, all: firstRenders.map((ms) => Math.round(ms)) },
    ogRightAfterCreateMs: { median: medianOf(afterCreate), all: afterCreate.map((ms) => Math.round(ms)) },
  };
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`\nHTTP on loopback, ${connections} connections, ${duration} s each (${result.setup.server})\n`);
    console.log('| path | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.title} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
    console.log(
      `\nog card fetched right after POST /api/stories (pre-rendered in the background): median ` +
        `${result.ogRightAfterCreateMs.median.toFixed(0)} ms (runs: ${result.ogRightAfterCreateMs.all.join(', ')} ms)`,
    );
    console.log(
      `first (uncached) card render, square 1080×1080, client-measured: median ${median.toFixed(0)} ms ` +
        `(runs: ${result.firstRenderMs.all.join(', ')} ms)\n`,
    );
  }
} finally {
  stop();
}
