// Bounded soak of the Worker under `npm start` (wrangler dev, workerd, loopback, BOT_MODE=dry-run): at most 10
// connections creating stories, rendering their cards and reading share pages (plus a few hostile bodies) for a few
// minutes, sampling every few seconds (a) the Worker's own JavaScript heap after a full GC, read over the V8 inspector
// wrangler dev opens, and (b) the resident memory of the workerd processes. After the warm-up third the heap must be
// flat: the script prints the samples and the slopes, and exits 1 when the heap's slope exceeds --max-slope MB/min
// (or any request got a 5xx). workerd's RSS is reported, not judged: under wrangler dev it grows with every request
// even for a Worker that only answers 404 (docs/SOAK.md), which says nothing about storycard's own code.
// Usage: npm run soak -- [--minutes 3] [--connections 10] [--mix all|share|create|get:/path] [--json]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '3' },
    connections: { type: 'string', default: '10' },
    'sample-seconds': { type: 'string', default: '5' },
    'max-slope': { type: 'string', default: '2' },
    // all (the mix below), share, create, render (create, then render each card); or get:/path to hammer one path.
    mix: { type: 'string', default: 'all' },
    json: { type: 'boolean', default: false },
    // Run a Worker that only answers 404 (scripts/soak/) under the same wrangler dev and load instead: how much
    // memory wrangler dev itself takes per request.
    baseline: { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const connections = Math.min(10, Number(values.connections));
const sampleMs = Number(values['sample-seconds']) * 1000;
const maxSlope = Number(values['max-slope']);

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
const stateDir = mkdtempSync(join(tmpdir(), 'storycard-soak-'));
const wranglerBin = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const child = values.baseline
  ? spawn(
      process.execPath,
      [
        wranglerBin,
        'dev',
        '-c',
        join(root, 'scripts', 'soak', 'wrangler.toml'),
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--persist-to',
        stateDir,
        '--show-interactive-dev-session=false',
      ],
      {
        cwd: root,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    )
  : spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        STORYCARD_STATE_DIR: stateDir,
        API_TOKEN: '',
        SIGNING_SECRET: '',
        BOT_MODE: 'dry-run',
      },
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
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}

const printed = await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error(`npm start did not come up in 150 s:\n${out}`)), 150_000);
  const onData = (d) => {
    out += d;
    const token = /^\s+API token\s+(\S+)/m.exec(out)?.[1];
    const share = /^\s+share page\s+(\S+)/m.exec(out)?.[1];
    if ((token && share) || (values.baseline && /Ready on/.test(out))) {
      clearTimeout(timer);
      ok({ token: token ?? '', share: share ?? `http://127.0.0.1:${port}/` });
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${out}`)));
});
const origin = `http://127.0.0.1:${port}`;
const auth = { Authorization: `Bearer ${printed.token}` };

/** Resident memory (MB) of this npm start's processes, by name: read from /proc, so Linux only. */
let proxyPid;
function memory() {
  proxyPid ??= listeningPorts().get(port);
  const byName = {};
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== child.pid) continue; // the process group npm start leads
      let name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // workerd runs twice under wrangler dev: wrangler's dev proxy (on the public port) and the Worker's runtime.
      if (name === 'workerd') name = Number(pid) === proxyPid ? 'proxy' : 'runtime';
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      byName[name] = (byName[name] ?? 0) + rss;
    } catch {
      // the process ended between listing and reading
    }
  }
  return byName;
}

const story = (i) => ({
  headline: `Soak story number ${i}: the harbour council votes on the night ferry ${Math.random().toString(36).slice(2, 8)}`,
  quote: 'Nobody should be stranded on the island after ten at night',
  quoteAuthor: 'Ingrid Dahl',
  url: `https://news.example.org/soak/${Date.now()}-${i}`,
  siteName: 'The Harbour Post',
  tags: ['ferry', 'council'],
});
const HOSTILE = [
  `${JSON.stringify(story(0))}${' '.repeat(200_000)}`,
  '{"headline": "\\ud800", "url": "https://news.example.org/x"}',
  JSON.stringify({ headline: 'x', url: 'https://a.example/\r\nSet-Cookie: y=1' }),
  '{"headline":',
];

const counts = {};
const known = []; // share pages and cards of created stories
let n = 0;
async function step() {
  const roll = Math.random();
  const mix = values.mix;
  let kind;
  if (mix === 'share') kind = 'share';
  else if (mix === 'render') kind = known.some((k) => !k.rendered) ? 'card' : 'create';
  else if (mix === 'create') kind = 'create';
  else kind = roll < 0.2 || known.length === 0 ? 'create' : roll < 0.45 ? 'card' : roll < 0.95 ? 'share' : 'hostile';
  let res;
  if (values.baseline) {
    kind = 'baseline';
    res = await fetch(`${origin}/`);
    await res.arrayBuffer();
  } else if (mix.startsWith('get:')) {
    kind = mix;
    res = await fetch(`${origin}${mix.slice(4)}`, { headers: auth });
    await res.arrayBuffer();
  } else if (kind === 'create') {
    res = await fetch(`${origin}/api/stories`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(story(n++)),
    });
    if (res.status === 201) {
      const body = await res.json();
      known.push({ share: body.shareUrl, card: body.cardUrl, rendered: false });
      if (known.length > 500) known.shift();
    } else await res.arrayBuffer();
  } else if (kind === 'card') {
    // Mostly a card not yet rendered (a render), sometimes one already cached.
    const fresh = known.find((k) => !k.rendered);
    const target = fresh ?? known[Math.floor(Math.random() * known.length)];
    target.rendered = true;
    res = await fetch(target.card);
    await res.arrayBuffer();
  } else if (kind === 'share') {
    const target = known[Math.floor(Math.random() * known.length)] ?? { share: printed.share };
    res = await fetch(target.share, {
      headers: { 'User-Agent': Math.random() < 0.5 ? 'Twitterbot/1.0' : 'Mozilla/5.0' },
    });
    await res.arrayBuffer();
  } else {
    res = await fetch(`${origin}/api/stories`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: HOSTILE[Math.floor(Math.random() * HOSTILE.length)],
    });
    await res.arrayBuffer();
  }
  const key = `${kind} ${res.status}`;
  counts[key] = (counts[key] ?? 0) + 1;
}

/** The TCP ports this npm start's workerd processes listen on (from /proc), each with its process id. */
function listeningPorts() {
  const owner = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== child.pid || !stat.includes('(workerd)')) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) owner.set(m[1], Number(pid));
      }
    } catch {
      // gone, or not ours to read
    }
  }
  const ports = new Map();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[3] === '0A' && owner.has(f[9])) ports.set(Number.parseInt(f[1].split(':').at(-1), 16), owner.get(f[9]));
    }
  }
  return ports;
}

/**
 * The Worker's own isolate in workerd's inspector (listed as core:user:<name>), and its JS heap after a full GC in
 * MB. workerd answers inspector messages while the isolate works, so this is read under load, on a fresh session
 * each time (a session left idle stops being answered).
 */
async function inspector() {
  for (const [p, pid] of listeningPorts()) {
    try {
      const res = await fetch(`http://127.0.0.1:${p}/json`, { signal: AbortSignal.timeout(1000) });
      const targets = await res.json();
      const target = Array.isArray(targets) && targets.find((t) => String(t.id).startsWith('core:user:'));
      if (target) return { pid, heapMb: () => heapOf(target.webSocketDebuggerUrl), close() {} };
    } catch {
      // not an inspector
    }
  }
  return null;
}

async function heapOf(url) {
  const ws = new WebSocket(url);
  try {
    await new Promise((ok, fail) => {
      ws.onopen = ok;
      ws.onerror = () => fail(new Error('inspector: cannot connect'));
      setTimeout(() => fail(new Error('inspector: no answer')), 5000);
    });
    let id = 0;
    const pending = new Map();
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data));
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    };
    const send = (method) =>
      new Promise((ok, fail) => {
        pending.set(++id, ok);
        ws.send(JSON.stringify({ id, method, params: {} }));
        setTimeout(() => fail(new Error(`${method}: no answer`)), 10_000);
      });
    await send('HeapProfiler.collectGarbage');
    const r = await send('Runtime.getHeapUsage');
    return {
      heap: Math.round((r.usedSize / 1048576) * 10) / 10,
      external: Math.round((r.backingStorageSize / 1048576) * 10) / 10,
    };
  } finally {
    ws.close();
  }
}

// workerd answers the inspector while the isolate works: a few requests first.
if (!values.baseline) for (let i = 0; i < 5; i++) await (await fetch(printed.share)).arrayBuffer();
let devtools = null;
if (!values.baseline) {
  const load = fetch(printed.share).then((r) => r.arrayBuffer());
  devtools = await inspector();
  await load;
}
if (!devtools && !values.baseline) process.stderr.write('soak: no V8 inspector found; only RSS is sampled\n');

const samples = [];
const started = Date.now();
const end = started + minutes * 60_000;
let sampling = Promise.resolve();
/** One sample; the heap only while under load (workerd answers the inspector while the isolate works). */
const sample = (underLoad = true) => {
  sampling = sampling.then(async () => {
    const usage = devtools && underLoad ? await devtools.heapMb().catch(() => null) : null;
    const heap = usage?.heap ?? null;
    const external = usage?.external ?? null;
    const m = memory();
    const requests = Object.values(counts).reduce((a, b) => a + b, 0);
    const s = Math.round((Date.now() - started) / 1000);
    samples.push({ s, heap, external, runtime: Math.round(m.runtime ?? 0), proxy: Math.round(m.proxy ?? 0), requests });
    if (!values.json) {
      const h = heap === null ? '     ?' : `${heap.toFixed(1).padStart(6)} (+${external} ext)`;
      const rt = String(Math.round(m.runtime ?? 0)).padStart(5);
      const px = String(Math.round(m.proxy ?? 0)).padStart(5);
      process.stdout.write(
        `t=${String(s).padStart(4)} s  JS heap ${h} MB  runtime RSS ${rt} MB  dev proxy RSS ${px} MB  requests ${requests}\n`,
      );
    }
  });
  return sampling;
};
await sample(false);
const timer = setInterval(sample, sampleMs);
const errors = [];
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (Date.now() < end) {
      try {
        await step();
      } catch (error) {
        errors.push(String(error));
      }
    }
  }),
);
clearInterval(timer);
await sample(false);
devtools?.close();
stop();

/** Least-squares slope of one measure over time, in MB per minute, after the warm-up third. */
const after = samples.filter((s) => s.s >= (minutes * 60) / 3);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
function slopeOf(key) {
  const pts = after.filter((s) => typeof s[key] === 'number');
  if (pts.length < 3) return null;
  const mx = mean(pts.map((s) => s.s));
  const my = mean(pts.map((s) => s[key]));
  const slope = pts.reduce((a, s) => a + (s.s - mx) * (s[key] - my), 0) / pts.reduce((a, s) => a + (s.s - mx) ** 2, 0);
  return Math.round(slope * 60 * 10) / 10;
}
function range(key) {
  const v = samples.map((s) => s[key]).filter((x) => typeof x === 'number');
  const warm = after.find((s) => typeof s[key] === 'number')?.[key];
  return v.length ? { start: v[0], afterWarmUp: warm, end: v.at(-1), max: Math.max(...v) } : null;
}
const summary = {
  minutes,
  connections,
  requests: samples.at(-1).requests,
  statuses: counts,
  errors: errors.length,
  heapMb: range('heap'),
  heapSlopeMbPerMinuteAfterWarmUp: slopeOf('heap'),
  externalMb: range('external'),
  runtimeRssMb: range('runtime'),
  runtimeRssSlopeMbPerMinuteAfterWarmUp: slopeOf('runtime'),
  devProxyRssMb: range('proxy'),
  devProxyRssSlopeMbPerMinuteAfterWarmUp: slopeOf('proxy'),
};
process.stdout.write(`${values.json ? JSON.stringify({ ...summary, samples }) : JSON.stringify(summary, null, 2)}\n`);
if (errors.length) process.stderr.write(`${errors.slice(0, 5).join('\n')}\n`);
const serverErrors = Object.keys(counts).filter((k) => / 5\d\d$/.test(k));
const heapSlope = summary.heapSlopeMbPerMinuteAfterWarmUp;
if (values.baseline) process.exit(0);
process.exit(heapSlope === null || Math.abs(heapSlope) > maxSlope || serverErrors.length ? 1 : 0);
