// Fuzzing the whole app through app.request inside workerd: 10,000 generated requests (hostile strings, wrong types,
// wrong methods and content types, bad tokens, huge and broken bodies) and not one 5xx.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { renderSvg } from '../../src/render/index.ts';
import type { RenderResult } from '../../src/render/types.ts';
import { workerdRuntimeFor } from '../../src/runtime/workerd.ts';
import { registry as templates } from '../../templates/index.ts';
import { FAKE_X_CREDENTIALS } from '../fakes/fake-x.ts';
import { TOKEN } from './helpers.ts';

// A real PNG for every card render: the fuzz is after the API's handling of input, not the renderer's speed (the
// render core has its own property test). The studio preview still renders for real, so it is drawn rarely.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const app = createApp({
  templates,
  renderCard: async () =>
    ({
      image: PNG,
      format: 'png',
      complete: true,
      svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    }) as unknown as RenderResult,
  renderSvg: (req, env, policy) => renderSvg(req, workerdRuntimeFor(env.ASSETS, policy), templates),
});

const e = {
  ...env,
  BOT_MODE: 'review',
  X_APP_KEY: FAKE_X_CREDENTIALS.appKey,
  X_APP_SECRET: FAKE_X_CREDENTIALS.appSecret,
  X_ACCESS_TOKEN: FAKE_X_CREDENTIALS.accessToken,
  X_ACCESS_SECRET: FAKE_X_CREDENTIALS.accessSecret,
  X_API_BASE_URL: 'http://127.0.0.1:9',
} as Env;

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\u001b[31m',
  '\ud800',
  '\udfff x',
  '\u202e\u2066',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'https://news.example.org/a\r\nSet-Cookie: x=1',
  'https:\\\\evil.example\\path',
  'http://127.0.0.1:8787/api/stories',
  'http://2130706433/',
  'http://[::ffff:127.0.0.1]/',
  'data:image/png;base64,iVBORw0KGgo=',
  'data:text/html;base64,PGgxPg==',
  '%00%ff%fe',
  '../../etc/passwd',
  '👩‍💻'.repeat(50),
  'x'.repeat(5000),
  '1e999',
  '-1',
  'NaN',
  '{"a":',
];
const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const anyValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 4 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);
const url = fc.oneof(fc.webUrl(), fc.constantFrom(...HOSTILE), fc.constant('https://news.example.org/a/1'));
const field = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof(arb, anyValue), { nil: undefined, freq: 3 });
const story = fc.record(
  {
    headline: field(text),
    quote: field(text),
    quoteAuthor: field(text),
    url: field(url),
    imageUrl: field(url),
    siteName: field(text),
    author: field(text),
    publishedAt: field(fc.constantFrom('2025-02-10T14:30:00Z', 'yesterday', '2025-13-45')),
    lang: field(fc.constantFrom('en', 'pt-BR', '???', 'x-'.repeat(40))),
    tags: field(fc.array(text, { maxLength: 40 })),
    template: field(fc.constantFrom('quote', 'photo', 'nope', '')),
    theme: field(
      fc.record(
        {
          mode: field(fc.constantFrom('light', 'dark', 'sepia')),
          brandColor: field(text),
          logoUrl: field(url),
          siteName: field(text),
        },
        { requiredKeys: [] },
      ),
    ),
    size: field(fc.constantFrom('og', 'x', 'giant')),
    format: field(fc.constantFrom('svg', 'png', 'gif')),
    article: field(text),
    html: field(fc.constantFrom('<html><h1>Title here</h1><p>“A quote of some length,” said Someone.</p></html>', '<')),
    text: field(text),
  },
  { requiredKeys: [] },
);
const id = fc.oneof(
  fc.constantFrom('seed', 'nope', '%00', '..', 'a'.repeat(300)),
  fc.uuid(),
  fc.string({ maxLength: 12 }),
);
// A URL cannot carry half a surrogate pair (browsers send U+FFFD); the generator must not throw on one either.
const segment = (arb: fc.Arbitrary<string>) =>
  arb.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD')));
const path = fc.oneof(
  fc.constantFrom(
    '/',
    '/healthz',
    '/openapi.json',
    '/api/stories',
    '/api/posts',
    '/api/posts/today',
    '/api/extract',
    '/api/feeds',
    '/studio',
    '/studio/studio.js',
    '/studio/studio.css',
    '/studio/api/catalog',
    '/studio/api/sign',
    '/card.png',
  ),
  segment(id).map((i) => `/api/stories/${i}`),
  fc
    .tuple(segment(id), fc.constantFrom('', '/approve', '/skip', '/retry', '/nope'))
    .map(([i, a]) => `/api/posts/${i}${a}`),
  segment(text).map((s) => `/s/${s}`),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 20, maxLength: 20 }),
      fc.constantFrom('og', 'x', 'huge', '../x'),
    )
    .map(([h, s]) => `/cards/${h}/${s}.png`),
  segment(text).map((s) => `/studio/fonts/${s}`),
  fc.array(segment(text), { maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
);
const query = fc.option(
  fc.dictionary(
    fc.constantFrom(
      'limit',
      'cursor',
      'state',
      'storyId',
      'sample',
      'theme',
      'brand',
      'url',
      'headline',
      'sig',
      'exp',
      'template',
      'size',
    ),
    text,
    { maxKeys: 4 },
  ),
  { nil: undefined },
);
/** A valid story with one or two hostile fields: these get past the first checks, so deeper code sees them. */
const nearlyValid = fc
  .tuple(fc.uuid(), story)
  .map(([u, s]) => ({ headline: 'A valid headline for the fuzz', url: `https://news.example.org/fuzz/${u}`, ...s }))
  .chain((s) =>
    fc.subarray(Object.keys(s), { maxLength: 2 }).map((keep) => ({
      headline: s.headline === undefined ? 'A valid headline for the fuzz' : 'A valid headline for the fuzz',
      url: (s as { url: string }).url,
      ...Object.fromEntries(keep.map((k) => [k, (s as Record<string, unknown>)[k]])),
    })),
  );
const body = fc.oneof(
  { weight: 3, arbitrary: story.map((s) => JSON.stringify(s)) },
  { weight: 3, arbitrary: nearlyValid.map((s) => JSON.stringify(s)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'null',
      '[]',
      '"x"',
      '5',
      '{',
      '{"headline": "\\ud800"}',
      '\u0000\u0001',
      '{"a":'.repeat(2000),
    ),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 1, arbitrary: story.map((s) => `${JSON.stringify(s)}${' '.repeat(70_000)}`) },
  { weight: 1, arbitrary: fc.record({ text: text }).map((t) => JSON.stringify(t)) },
);
const ids = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('{story}', '{post}') },
  { weight: 1, arbitrary: segment(id) },
);
/** Requests aimed at the routes as they are meant to be called (right method, token, JSON), with hostile content. */
const aimed = fc.oneof(
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/stories'), body: body }),
  fc.record({ method: fc.constant('PUT'), path: ids.map((i) => `/api/stories/${i}`), body: body }),
  fc.record({ method: fc.constant('GET'), path: ids.map((i) => `/api/stories/${i}`) }),
  // Not the seeded story: the other requests keep finding it.
  fc.record({ method: fc.constant('DELETE'), path: segment(id).map((i) => `/api/stories/${i}`) }),
  fc.record({
    method: fc.constant('GET'),
    path: fc.constantFrom('/api/stories', '/api/posts', '/api/posts/today', '/api/feeds'),
  }),
  fc.record({ method: fc.constant('GET'), path: ids.map((i) => `/api/posts/${i}`) }),
  fc.record({
    method: fc.constant('PATCH'),
    path: ids.map((i) => `/api/posts/${i}`),
    body: fc.oneof(
      fc.record({ text: anyValue }).map((t) => JSON.stringify(t)),
      body,
    ),
  }),
  fc.record({
    method: fc.constant('POST'),
    path: fc.tuple(ids, fc.constantFrom('approve', 'skip', 'retry')).map(([i, a]) => `/api/posts/${i}/${a}`),
  }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/extract'), body: body }),
  fc.record({
    method: fc.constant('POST'),
    path: fc.constantFrom('/studio/api/sign', '/studio/api/preview'),
    body: body,
  }),
  fc.record({
    method: fc.constant('GET'),
    path: fc.constantFrom('/studio/api/gallery', '/studio/gallery.png', '/card.png', '/studio/api/catalog'),
  }),
  fc.record({ method: fc.constant('GET'), path: segment(text).map((t) => `/s/${t}`) }),
);
const request = fc.oneof(
  {
    weight: 7,
    arbitrary: fc
      .record({
        aimed,
        query,
        auth: fc.constantFrom('good', 'good', 'good', 'good', 'wrong', 'none'),
        type: fc.constantFrom(
          'application/json',
          'application/json',
          'application/json',
          'text/plain',
          'text/html',
          undefined,
        ),
      })
      .map(({ aimed: a, ...rest }) => ({
        ...rest,
        method: a.method,
        path: a.path,
        body: 'body' in a ? a.body : undefined,
      })),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
      path,
      query,
      auth: fc.constantFrom('good', 'good', 'wrong', 'none', 'basic'),
      type: fc.constantFrom(
        'application/json',
        'text/plain; charset=utf-8',
        'text/html',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin-9',
        undefined,
      ),
      body: fc.option(body, { nil: undefined, freq: 4 }),
    }),
  },
);

describe('fuzz', () => {
  it('10,000 generated requests through app.request: every answer is below 500', { timeout: 900_000 }, async () => {
    // A few real stories and posts, so ids in paths sometimes hit something.
    const seeded = await app.request(
      '/api/stories',
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ headline: 'Seeded for the fuzz', url: 'https://news.example.org/fuzz/seed' }),
      },
      e,
      createExecutionContext(),
    );
    const seed = ((await seeded.json()) as { id: string }).id;
    const listed = await app.request(
      `/api/posts?storyId=${seed}`,
      { headers: { Authorization: `Bearer ${TOKEN}` } },
      e,
      createExecutionContext(),
    );
    const post = ((await listed.json()) as { items: { id: string }[] }).items[0]!.id;
    const statuses = new Map<number, number>();
    let previews = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        // Previews render for real (a second each on a busy machine): past a hundred, the same body is signed instead.
        const target = r.path === '/studio/api/preview' && previews++ >= 100 ? '/studio/api/sign' : r.path;
        const headers = new Headers();
        if (r.auth === 'good') headers.set('Authorization', `Bearer ${TOKEN}`);
        if (r.auth === 'wrong') headers.set('Authorization', 'Bearer wrong-token');
        if (r.auth === 'basic') headers.set('Authorization', 'Basic dXNlcjpwYXNz');
        if (r.type) headers.set('Content-Type', r.type);
        const qs = r.query ? `?${new URLSearchParams(r.query)}` : '';
        const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
        const ctx = createExecutionContext();
        const res = await app.request(
          `https://cards.example.com${target.replace('{story}', seed).replace('{post}', post)}${qs}`,
          { method: r.method, headers, ...(withBody ? { body: r.body as BodyInit } : {}) },
          e,
          ctx,
        );
        const answer = await res.text();
        await waitOnExecutionContext(ctx);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`${r.method} ${target}${qs} → ${res.status}: ${answer.slice(0, 200)}`);
        if (res.headers.get('Content-Type')?.startsWith('application/json')) {
          expect(res.headers.get('Cache-Control')).not.toBeNull();
          expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
        }
      }),
      { numRuns: 10_000, seed: Number(process.env.FUZZ_SEED ?? 1212), endOnFailure: false },
    );
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`fuzz: ${total} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(total).toBe(10_000);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  });
});
