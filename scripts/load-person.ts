// `npm run load:person`: what a person waits for between tapping a share link and the article starting to load.
//
// Headless Chromium (Debian's, as the e2e tests use) with an ordinary Chrome User-Agent opens a share URL whose
// story points at an article server on loopback, N times in fresh contexts. Measured per run: milliseconds from
// navigation start until the article's request arrives, and what the browser fetched from us on the way (requests,
// bytes). Run it against two builds (--project DIR for another checkout) to compare a 302 with a meta-refresh page.
//
// Usage: npm run load:person -- [--runs 15] [--project DIR] [--url URL --token T] [--json]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/helpers/npm-start.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    project: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`--runs: expected 1–50, received ${values.runs}`);

const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

// The article: answers at once, and says when each request arrived.
const arrivals: Array<{ at: number; path: string }> = [];
const articleSite = createServer((req, res) => {
  arrivals.push({ at: performance.now(), path: req.url ?? '' });
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>The article</title><h1>The article</h1>');
});
await new Promise<void>((r) => articleSite.listen(0, '127.0.0.1', r));
const articleOrigin = `http://127.0.0.1:${(articleSite.address() as AddressInfo).port}`;

const server = values.url ? undefined : await startServer({}, values.project ? { cwd: values.project } : {});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const origin = (values.url ?? server!.origin).replace(/\/+$/, '');
  const token = values.token ?? process.env.API_TOKEN ?? server!.printed['API token']!;
  const created = await fetch(`${origin}/api/stories`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      headline: 'A person taps a share link: how long until the article starts loading?',
      quote: 'Measured from navigation start to the article request arriving.',
      quoteAuthor: 'A. Reader',
      url: `${articleOrigin}/news/${Date.now()}`,
    }),
  });
  const { shareUrl, cardUrl } = (await created.json()) as { shareUrl: string; cardUrl: string };
  await (await fetch(cardUrl)).arrayBuffer(); // rendered once, so runs measure serving, not the first render

  const results: Array<{ ms: number; requests: number; bytes: number; fetched: string[] }> = [];
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext({ userAgent: CHROME_UA });
    const page = await context.newPage();
    const ours: Array<Promise<{ path: string; bytes: number }>> = [];
    page.on('requestfinished', (req) => {
      if (!req.url().startsWith(origin)) return;
      ours.push(
        req.sizes().then((s) => ({
          path: new URL(req.url()).pathname,
          bytes: s.responseBodySize + s.responseHeadersSize,
        })),
      );
    });
    const before = arrivals.length;
    const t0 = performance.now();
    // A 302 reaches the article within goto; a meta refresh only after the share page has loaded and been parsed.
    await page.goto(shareUrl, { waitUntil: 'commit' });
    const deadline = performance.now() + 10_000;
    while (arrivals.length === before && performance.now() < deadline) await page.waitForTimeout(2);
    const arrived = arrivals[before];
    await page.waitForTimeout(300); // let late fetches from the share page (the card image) finish
    const fetched = await Promise.all(ours);
    await context.close();
    if (!arrived) throw new Error(`run ${i}: the article was never requested (is the server sending people on?)`);
    // The first run warms the edge cache and Chromium itself; it is not counted.
    if (i > 0) {
      results.push({
        ms: arrived.at - t0,
        requests: fetched.length,
        bytes: fetched.reduce((n, f) => n + f.bytes, 0),
        fetched: fetched.map((f) => f.path.replace(/\/s\/.*/, '/s/…').replace(/[0-9a-f]{20}/, '<hash>')),
      });
    }
  }
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const summary = {
    origin,
    runs,
    medianMsToArticle: Math.round(median * 10) / 10,
    minMs: Math.round(sorted[0]! * 10) / 10,
    maxMs: Math.round(sorted.at(-1)! * 10) / 10,
    requestsToUs: results[0]!.requests,
    bytesFromUs: results[0]!.bytes,
    fetchedFromUs: results[0]!.fetched,
  };
  console.log(values.json ? JSON.stringify(summary, null, 2) : summary);
} finally {
  await browser.close();
  await server?.stop();
  articleSite.close();
}
