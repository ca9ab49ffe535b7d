// `npm run load`: a bounded viral-story replay (≤ 10 connections, stops by itself) against npm start or a given URL.
//
// Starts `npm start` on a free port with its own state dir (or targets --url with --token), creates a few hot
// stories, then runs three phases with autocannon: one story's share page as a crawler reads it, the same story as
// people tapping the link, and the viral mix (crawler and person views of the hot stories, story creation, views of
// the new stories, card fetches). Each share view is classified by its Server-Timing (`cache` or `d1;dur=…`) and the
// counts are printed next to what docs/SCALE.md's model predicts for this run.
//
// Usage: npm run load -- [--duration 30] [--phase 10] [--connections 10] [--ttl 60] [--url URL --token T]
//        [--project DIR] [--json]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer } from '../tests/helpers/npm-start.ts';
import { type Counts, countOf, Mix, predictD1Reads, summarize } from './load-mix.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    phase: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    ttl: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    project: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const fail = (message: string): never => {
  console.error(`load: ${message}`);
  process.exit(2);
};
const intIn = (name: string, raw: string, min: number, max: number) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name}: expected ${min}–${max}, received ${raw}`);
  return n;
};
// Bounded on purpose: a loopback check of the model, not a way to flood someone's server.
const connections = intIn('connections', values.connections, 1, 10);
const duration = intIn('duration', values.duration, 5, 60);
const phaseSeconds = intIn('phase', values.phase, 3, 30);
if (values.url && !(values.token ?? process.env.API_TOKEN))
  fail('--url needs --token (or API_TOKEN) to create stories');

// Everything, server start included, must end within this; then the server is stopped and the script exits 1.
const BUDGET_MS = 180_000;
const server = values.url
  ? undefined
  : await startServer(values.ttl ? { SHARE_CACHE_TTL: values.ttl } : {}, values.project ? { cwd: values.project } : {});
const stop = async () => server?.stop();
const watchdog = setTimeout(async () => {
  console.error(`load: still running after ${BUDGET_MS / 1000} s; stopping`);
  await stop();
  process.exit(1);
}, BUDGET_MS);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    await stop();
    process.exit(130);
  });
}

try {
  const origin = (values.url ?? server!.origin).replace(/\/+$/, '');
  const token = values.token ?? process.env.API_TOKEN ?? server!.printed['API token']!;
  const ttl = Number(values.ttl ?? 60);

  const mix = new Mix(origin, token);
  await mix.createHotStories(3);

  const phase = async (title: string, seconds: number, pick: Mix['next']) => {
    const counts: Counts = countOf();
    const startedAt = Date.now();
    const result = await autocannon({
      url: origin,
      connections,
      duration: seconds,
      requests: [
        {
          setupRequest: (req, context) => pick.call(mix, req, context as Record<string, unknown>),
          onResponse: (status, body, context, headers) =>
            mix.record(counts, status, body, context as Record<string, unknown>, headers, startedAt),
        },
      ],
    });
    return summarize(title, seconds, result, counts);
  };

  const rows = [
    await phase('share page, crawler (1 story)', phaseSeconds, Mix.prototype.crawlerOfFirst),
    await phase('share link, person (1 story)', phaseSeconds, Mix.prototype.personOfFirst),
    await phase('viral mix', duration, Mix.prototype.next),
  ];
  const viral = rows[2]!;
  const model = predictD1Reads({
    seconds: duration,
    ttl,
    hotStories: 3,
    variants: 2,
    // Phases 1 and 2 already filled the first story's two entries (unless they expired meanwhile).
    prefilled: phaseSeconds * 2 < ttl ? 2 : 0,
    newStoriesViewed: viral.newStoriesViewed,
    connections,
  });
  const report = { origin, connections, ttl, phases: rows, model };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`\nLoopback load against ${origin}: ${connections} connections, SHARE_CACHE_TTL ${ttl} s\n`);
    console.log('| phase | s | requests | req/s | p50 ms | p99 ms | bytes/resp | share views | from D1 | D1 share |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(
        `| ${r.title} | ${r.seconds} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.bytesPerResponse.toFixed(0)} | ${r.shareViews} | ${r.d1} | ${(100 * r.d1Share).toFixed(2)} % |`,
      );
    }
    console.log(`\nviral mix by kind (client-side median ms): ${JSON.stringify(viral.byKind)}`);
    if (viral.d1 > viral.unlabelled)
      console.log(`server-side time of a D1 read (Server-Timing d1;dur, median): ${viral.d1MsMedian} ms`);
    console.log(
      `status codes: ${JSON.stringify(viral.statuses)}; share views without Server-Timing: ${viral.unlabelled}` +
        (viral.unlabelled ? ' (a build without the share cache: every one of them read D1)' : ''),
    );
    console.log(
      `\nmodel (docs/SCALE.md): ${model.reads} D1 reads expected in the viral mix ` +
        `(${model.explain}); measured ${viral.d1} (${JSON.stringify(viral.d1ByKind)}), of which ` +
        `${viral.d1AfterWarmup} after the first ${viral.warmupSeconds} s (${JSON.stringify(viral.d1AfterWarmupByKind)})\n`,
    );
  }
} finally {
  clearTimeout(watchdog);
  await stop();
}
