// Studio preview latency, as a designer feels it: starts `npm start`, opens the studio in Debian's chromium
// (playwright-core), types into the headline field one key at a time and times each keystroke to the new preview
// painted on the page (the <img> loaded and a frame drawn after it), with the preview request's own time beside it.
// Usage: tsx scripts/bench-studio.ts [--keys 30] [--json]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/helpers/npm-start.ts';

const { values } = parseArgs({ options: { keys: { type: 'string', default: '30' }, json: { type: 'boolean' } } });
const KEYS = Number(values.keys);
// Read from the studio's source, not imported: core.ts is browser code (DOM types) outside the Node typecheck.
const DEBOUNCE_MS = Number(
  /DEBOUNCE_MS = (\d+)/.exec(readFileSync(new URL('../src/studio/client/core.ts', import.meta.url), 'utf8'))?.[1],
);
const TYPED = 'and what the desk said next about it all'.slice(0, KEYS).padEnd(KEYS, 'x');

const load = () => loadavg().map((l) => l.toFixed(2));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

const loadBefore = load();
const server = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'storycard-bench-chromium-'));
// The same launch as tests/e2e/studio.test.ts (scripts/ensure-chromium.mjs installs chromium).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  deviceScaleFactor: 1,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--font-render-hinting=none',
  ],
});
interface Sample {
  total: number;
  request: number;
  serverMs: number;
}
const samples: Sample[] = [];
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.printed.studio!);
  await page.waitForFunction(() => Number(document.body.dataset.renders ?? 0) > 0, undefined, { timeout: 120_000 });
  await page.waitForFunction(() => (document.getElementById('preview') as HTMLImageElement).complete);
  // In the page: each keydown's time, and when a new preview's image has loaded and the next frame was drawn.
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { keyAt: number; painted: number[] } };
    w.__bench = { keyAt: 0, painted: [] };
    const field = document.getElementById('f-headline') as HTMLInputElement;
    field.addEventListener('keydown', (e) => {
      w.__bench.keyAt = e.timeStamp;
    });
    const img = document.getElementById('preview') as HTMLImageElement;
    img.addEventListener('load', () => {
      // The frame after the load is the one that shows it; the one after that has been drawn.
      requestAnimationFrame(() => requestAnimationFrame(() => w.__bench.painted.push(performance.now())));
    });
  });
  await page.locator('#f-headline').focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await page.waitForFunction(
    () => (window as unknown as { __bench: { painted: number[] } }).__bench.painted.length > 0,
  );
  for (const ch of TYPED) {
    const before = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { painted: number[] } }).__bench;
      performance.clearResourceTimings();
      return b.painted.length;
    });
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await page.waitForFunction(
      (n) => (window as unknown as { __bench: { painted: number[] } }).__bench.painted.length > n,
      before,
      { timeout: 30_000 },
    );
    const s = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { keyAt: number; painted: number[] } }).__bench;
      const req = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/studio/api/preview'))
        .at(-1) as PerformanceResourceTiming | undefined;
      const status = document.getElementById('render-status')?.textContent ?? '';
      return {
        total: b.painted.at(-1)! - b.keyAt,
        request: req ? req.responseEnd - req.startTime : Number.NaN,
        serverMs: Number(/(\d+) ms/.exec(status)?.[1] ?? Number.NaN),
      };
    });
    samples.push(s);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
}
const stat = (f: (s: Sample) => number) => ({
  p50: quantile(samples.map(f), 0.5),
  p95: quantile(samples.map(f), 0.95),
});
const result = {
  keys: samples.length,
  debounceMs: DEBOUNCE_MS,
  load: { before: loadBefore, after: load() },
  keystrokeToPaint: stat((s) => s.total),
  previewRequest: stat((s) => s.request),
  serverRender: stat((s) => s.serverMs),
  clientAndPaint: stat((s) => s.total - DEBOUNCE_MS - s.request),
};
if (values.json) console.log(JSON.stringify({ ...result, samples }, null, 2));
else {
  const f = (x: { p50: number; p95: number }) => `p50 ${x.p50.toFixed(0)} ms, p95 ${x.p95.toFixed(0)} ms`;
  console.log(`\nStudio live preview, demo story at og, ${result.keys} keystrokes in #f-headline (Chromium, headless)`);
  console.log(
    `load average (1, 5, 15 min): ${result.load.before.join(', ')} before, ${result.load.after.join(', ')} after`,
  );
  console.log(`keystroke → new preview painted: ${f(result.keystrokeToPaint)}`);
  console.log(`  of which the debounce:          ${DEBOUNCE_MS} ms`);
  console.log(
    `  the preview request (SVG):      ${f(result.previewRequest)} (render as the server reports it: ${f(result.serverRender)})`,
  );
  console.log(`  the rest (client, decode, paint): ${f(result.clientAndPaint)}`);
}
