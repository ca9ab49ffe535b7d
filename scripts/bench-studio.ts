// Studio preview latency, as a designer feels it: starts `npm start`, opens the studio in Debian's chromium
// (playwright-core) and types into the headline: words at 60 ms a key with a pause between them, then single keys
// with a pause after each. For every keystroke: the time from its keydown to the first preview painted on the page
// whose request was sent after it (so the image is the server's render of text that includes that key), split into
// waiting for the request in flight, the request itself (with the server's own Server-Timing) and the client's part.
// Usage: tsx scripts/bench-studio.ts [--words 8] [--singles 12] [--json]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openStudio, QUIET_ARGS } from '../tests/helpers/studio-browser.ts';

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '8' },
    singles: { type: 'string', default: '12' },
    json: { type: 'boolean' },
  },
});
const WORDS = ['and', 'what', 'the', 'desk', 'said', 'next', 'about', 'its', 'budget', 'plan', 'for', 'schools'].slice(
  0,
  Number(values.words),
);
const SINGLES = Number(values.singles);
const KEY_GAP_MS = 60;

const load = () => loadavg().map((l) => l.toFixed(2));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

/** What the page records (all times performance.now() in the page). */
interface Key {
  at: number;
  value: string;
}
interface Request {
  headline: string;
  sent: number;
  answered: number;
  server: Record<string, number>;
}
interface Paint {
  headline: string;
  /** The frame that shows it has been produced: a task queued from the first animation frame after the swap. */
  frame: number;
  /** One frame later (a second animation frame): an upper bound on when it is on screen. */
  nextFrame: number;
}
interface Recorded {
  keys: Key[];
  requests: Request[];
  paints: Paint[];
  measures?: { name: string; ms: number }[];
}

const loadBefore = load();
// The same launch as tests/e2e/studio.test.ts (scripts/ensure-chromium.mjs installs chromium); the page stays blank
// until the recorder below is in place.
const { server, page, close } = await openStudio({
  args: QUIET_ARGS,
  open: false,
  profilePrefix: 'storycard-bench-chromium-',
});
let rec: Recorded;
try {
  // Every preview request the page makes: its headline, when it was sent and answered, and its Server-Timing.
  await page.addInitScript(() => {
    const w = window as unknown as { __bench: Recorded };
    w.__bench = { keys: [], requests: [], paints: [] };
    const original = window.fetch;
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/studio/api/preview') || typeof init?.body !== 'string') return original(input, init);
      const body = JSON.parse(init.body) as { headline?: string; format?: string };
      if (body.format !== 'svg') return original(input, init);
      const entry: Request = {
        headline: body.headline ?? '',
        sent: performance.now(),
        answered: Number.NaN,
        server: {},
      };
      w.__bench.requests.push(entry);
      const res = await original(input, init);
      entry.answered = performance.now();
      for (const part of (res.headers.get('Server-Timing') ?? '').split(',')) {
        const name = part.split(';')[0]?.trim();
        const dur = /dur=([\d.]+)/.exec(part)?.[1];
        if (name && dur) entry.server[name] = Number(dur);
      }
      return res;
    };
  });
  await page.goto(server.printed.studio!);
  await page.waitForFunction(() => Number(document.body.dataset.renders ?? 0) > 0, undefined, { timeout: 120_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __bench: Recorded };
    const field = document.getElementById('f-headline') as HTMLInputElement;
    let keyAt = 0;
    field.addEventListener('keydown', (e) => {
      keyAt = e.timeStamp;
    });
    field.addEventListener('input', () => w.__bench.keys.push({ at: keyAt, value: field.value.trim() }));
    // A new card is on the page when the studio swaps the <img>'s source (it does so once the image is decoded).
    const img = document.getElementById('preview') as HTMLImageElement;
    new MutationObserver(() => {
      const paint: Paint = { headline: img.dataset.headline ?? '', frame: Number.NaN, nextFrame: Number.NaN };
      w.__bench.paints.push(paint);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          paint.frame = performance.now();
        };
        channel.port2.postMessage(null);
        requestAnimationFrame(() => {
          paint.nextFrame = performance.now();
        });
      });
    }).observe(img, { attributes: true, attributeFilter: ['src'] });
  });
  await page.locator('#f-headline').focus();
  await page.keyboard.press('End');
  const caughtUp = () =>
    page.waitForFunction(
      () => {
        const img = document.getElementById('preview') as HTMLImageElement;
        const w = window as unknown as { __bench: Recorded };
        const done = w.__bench.paints.at(-1);
        // A studio from before data-headline (a baseline run) names the headline in the alt text only.
        const headline = img.dataset.headline ?? img.alt.slice(img.alt.indexOf('): ') + 3);
        return (
          headline === (document.getElementById('f-headline') as HTMLInputElement).value.trim() &&
          done !== undefined &&
          !Number.isNaN(done.nextFrame)
        );
      },
      undefined,
      { timeout: 30_000 },
    );
  for (const word of WORDS) {
    await page.keyboard.type(` ${word}`, { delay: KEY_GAP_MS });
    await caughtUp();
    await page.waitForTimeout(400);
  }
  for (let i = 0; i < SINGLES; i++) {
    await page.keyboard.type('abcdefghijklmnopqrstuvwxyz'[i % 26]!);
    await caughtUp();
    await page.waitForTimeout(300);
  }
  rec = await page.evaluate(() => ({
    ...(window as unknown as { __bench: Recorded }).__bench,
    // The studio's own measures of its part (src/studio/client/editor.ts): reading the answer, decoding, showing.
    measures: performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('preview: '))
      .map((m) => ({ name: m.name, ms: m.duration }))
      // The body's own transfer (first byte to last, resource timing): the part of reading the answer that is network.
      .concat(
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.name.includes('/studio/api/preview'))
          .map((e) => ({ name: 'preview: transfer', ms: e.responseEnd - e.responseStart })),
      ),
  }));
} finally {
  await close();
}

interface Sample {
  pattern: 'typing' | 'single';
  frame: number;
  nextFrame: number;
  queue: number;
  request: number;
  server: number;
  client: number;
}
// A studio from before data-headline (a baseline run) always showed the last answer: the paint is that request's.
for (const paint of rec.paints) {
  if (!paint.headline) paint.headline = rec.requests.filter((r) => r.answered <= paint.frame).at(-1)?.headline ?? '';
}
const singlesFrom = rec.keys.length - SINGLES;
// A key that leaves the drawn text as it was (a space before the next word: the form trims it) has no new preview to
// wait for: the studio sends nothing for it, and it is left out of the figures (counted as `unchanged`).
const changed = rec.keys.flatMap((key, k) => (k > 0 && key.value === rec.keys[k - 1]?.value ? [] : [{ key, k }]));
const samples: Sample[] = changed.map(({ key, k }) => {
  // The first paint of a request sent after this key (its text includes the key) and answered before the paint.
  for (const paint of rec.paints) {
    const req = rec.requests.findLast(
      (r) => r.headline === paint.headline && r.answered <= paint.frame && r.sent >= key.at,
    );
    if (!req || paint.frame < key.at) continue;
    const typed = rec.keys.findLast((kk) => kk.at <= req.sent);
    // The honesty check: what was painted is the server's render of exactly the text typed when it was asked.
    if (typed?.value !== paint.headline) {
      throw new Error(`painted "${paint.headline}" for a request sent when the field held "${typed?.value}"`);
    }
    return {
      pattern: k >= singlesFrom ? 'single' : 'typing',
      frame: paint.frame - key.at,
      nextFrame: paint.nextFrame - key.at,
      queue: req.sent - key.at,
      request: req.answered - req.sent,
      server: req.server.total ?? Number.NaN,
      client: paint.frame - req.answered,
    };
  }
  throw new Error(`no preview was painted for keystroke ${k} ("${key.value}")`);
});

const stat = (xs: Sample[], f: (s: Sample) => number) => ({
  p50: quantile(xs.map(f), 0.5),
  p95: quantile(xs.map(f), 0.95),
});
const summary = (xs: Sample[]) => ({
  keys: xs.length,
  keystrokeToPaint: stat(xs, (s) => s.frame),
  keystrokeToNextFrame: stat(xs, (s) => s.nextFrame),
  waitForRequestInFlight: stat(xs, (s) => s.queue),
  previewRequest: stat(xs, (s) => s.request),
  serverTotal: stat(xs, (s) => s.server),
  clientDecodePaint: stat(xs, (s) => s.client),
});
const serverParts = Object.fromEntries(
  ['parse', 'compose', 'draw', 'answer', 'total'].map((name) => {
    const xs = rec.requests.map((r) => r.server[name]).filter((x): x is number => x !== undefined);
    return [name, { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) }];
  }),
);
const clientParts = Object.fromEntries(
  ['transfer', 'read answer', 'decode', 'show'].map((name) => {
    const xs = (rec.measures ?? []).filter((m) => m.name === `preview: ${name}`).map((m) => m.ms);
    return [name, { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) }];
  }),
);
const result = {
  load: { before: loadBefore, after: load() },
  requests: rec.requests.length,
  unchanged: rec.keys.length - changed.length,
  paints: rec.paints.length,
  all: summary(samples),
  typing: summary(samples.filter((s) => s.pattern === 'typing')),
  single: summary(samples.filter((s) => s.pattern === 'single')),
  server: serverParts,
  client: clientParts,
};
if (values.json) console.log(JSON.stringify({ ...result, samples }, null, 2));
else {
  const f = (x: { p50: number; p95: number }) => `p50 ${x.p50.toFixed(0)} ms, p95 ${x.p95.toFixed(0)} ms`;
  console.log(`\nStudio live preview, demo story at og, headline typed in Chromium (headless)`);
  console.log(
    `load average (1, 5, 15 min): ${result.load.before.join(', ')} before, ${result.load.after.join(', ')} after`,
  );
  console.log(
    `${rec.keys.length} keys (${result.unchanged} changed nothing drawn), ${result.requests} preview requests, ${result.paints} previews painted`,
  );
  for (const [name, s] of [
    ['all keystrokes', result.all],
    [`words typed at ${KEY_GAP_MS} ms a key`, result.typing],
    ['single keys', result.single],
  ] as const) {
    console.log(`\n${name} (${s.keys}): keystroke → new preview painted ${f(s.keystrokeToPaint)}`);
    console.log(`  (one frame later, an upper bound: ${f(s.keystrokeToNextFrame)})`);
    console.log(`  waiting for the render in flight: ${f(s.waitForRequestInFlight)}`);
    console.log(`  the preview request (SVG):        ${f(s.previewRequest)} (server total ${f(s.serverTotal)})`);
    console.log(`  client: JSON, decode, swap, frame: ${f(s.clientDecodePaint)}`);
  }
  console.log(
    `\nserver, per request: ${Object.entries(result.server)
      .map(([n, x]) => `${n} p50 ${x.p50.toFixed(1)} ms`)
      .join(', ')}`,
  );
  console.log(
    `client, per preview: ${Object.entries(result.client)
      .map(([n, x]) => `${n} p50 ${x.p50.toFixed(1)} ms`)
      .join(', ')} (then the frame)`,
  );
}
