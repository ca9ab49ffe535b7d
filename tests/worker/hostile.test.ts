// Nobody in, inside workerd: fetched URLs guarded through the Worker, URLs and text stored clean, bodies limited
// before parsing, 405 with Allow, our own wording in every message, API headers, data: logos, bounded gallery links.
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { api, BASE, call, createStory, storyInput, TOKEN } from './helpers.ts';
import { callWith } from './outbox-harness.ts';

const HOST = inject('fakeFeedsUrl'); // a Node server on 127.0.0.1 that serves whatever a test PUTs at a path
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

async function serve(path: string, spec: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${HOST}/__feeds${path}`, { method: 'PUT', body: JSON.stringify(spec) });
  expect(res.status).toBe(204);
  return `${HOST}${path}`;
}
const hits = async (path: string) =>
  ((await (await fetch(`${HOST}/__log`)).json()) as { path: string }[]).filter((r) => r.path === path).length;

async function photoCard(e: Env, imageUrl: string) {
  const res = await callWith(e, '/api/stories', {
    method: 'POST',
    body: JSON.stringify({ ...storyInput(), template: 'photo', imageUrl }),
  });
  expect(res.status).toBe(201);
  const { cardUrl } = (await res.json()) as { cardUrl: string };
  const card = await callWith(e, new URL(cardUrl).pathname);
  expect(card.status).toBe(200);
  await card.arrayBuffer();
}

describe('fetched URLs', () => {
  it('a loopback image URL is not fetched without FETCH_ALLOW_HOSTS (nor its decimal spelling); with it, it is', async () => {
    const path = `/img-${crypto.randomUUID().slice(0, 8)}.png`;
    const url = await serve(path, { body: PNG_1x1, encoding: 'base64', contentType: 'image/png' });
    // The test settings exempt 127.0.0.1 for the other tests' fakes: this one runs as a deployment would.
    const closed = { ...env, FETCH_ALLOW_HOSTS: '' } as Env;
    await photoCard(closed, url);
    await photoCard(closed, url.replace('127.0.0.1', '2130706433'));
    expect(await hits(path)).toBe(0);
    await photoCard({ ...env, FETCH_ALLOW_HOSTS: '127.0.0.1' } as Env, url);
    expect(await hits(path)).toBeGreaterThanOrEqual(1);
  });

  it('an allowed host redirecting into the Worker itself, or to an address not allowed, is not followed', async () => {
    const path = `/redirect-${crypto.randomUUID().slice(0, 8)}`;
    const allowed = { ...env, FETCH_ALLOW_HOSTS: new URL(HOST).host } as Env;
    await photoCard(allowed, await serve(path, { status: 302, headers: { Location: `${BASE}/api/stories` } }));
    const inner = `/inner-${crypto.randomUUID().slice(0, 8)}.png`;
    await serve(inner, { body: PNG_1x1, encoding: 'base64', contentType: 'image/png' });
    const port = new URL(HOST).port;
    await photoCard(
      allowed,
      await serve(`${path}-2`, { status: 302, headers: { Location: `http://localhost:${port}${inner}` } }),
    );
    // The pre-render and the card request each ask the allowed host; none follows it inside.
    expect(await hits(path)).toBeGreaterThanOrEqual(1);
    expect(await hits(`${path}-2`)).toBeGreaterThanOrEqual(1);
    expect(await hits(inner)).toBe(0);
  });
});

describe('stored URLs and text', () => {
  it('refuses URLs hiding control characters or backslashes with a 400 naming the field; stores new URL(u).href', async () => {
    for (const [field, value] of [
      ['url', 'https://news.example.org/a\r\nSet-Cookie: x=1'],
      ['url', '\u0001https://news.example.org/a'],
      ['url', 'https:\\\\evil.example\\path'],
      ['imageUrl', 'https://img.example/\ta.png'],
    ] as const) {
      const res = await api('', 'POST', storyInput({ [field]: value }));
      expect(res.status, `${field} ${JSON.stringify(value)}`).toBe(400);
      const body = (await res.json()) as { message: string; issues: { path: string; received: string }[] };
      expect(body.issues[0]!.path).toBe(field);
      expect(body.message).toMatch(new RegExp(`^${field}: expected an absolute http\\(s\\) URL, received `));
      expect(body.issues[0]!.received).toMatch(/control character|backslash/);
    }
    const ok = await createStory({ url: `https://NEWS.Example.org/a b/${crypto.randomUUID()}` });
    expect(ok.story.url).toMatch(/^https:\/\/news\.example\.org\/a%20b\//);
  });

  it('strips C0 control characters from text, so none reaches the page title; a lone surrogate is a 400', async () => {
    const s = await createStory({ headline: 'Bell\u0007 and\u0000 escape\u001b[31m headline', quote: 'A\u0008 quote' });
    expect(s.story.headline).toBe('Bell and escape[31m headline');
    const page = await (await call(`/s/${s.slug}`, { headers: { 'User-Agent': 'Twitterbot/1.0' } })).text();
    expect(page).toContain('<title>Bell and escape[31m headline</title>');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(page)).toBe(false);
    const lone = await api('', 'POST', `{"headline": "Half \\ud800 a pair", "url": "https://news.example.org/lone"}`);
    expect(lone.status).toBe(400);
    expect(await lone.json()).toMatchObject({
      issues: [{ path: 'headline', expected: 'text without lone surrogates (half of a UTF-16 pair)' }],
    });
  });
});

describe('bodies, methods, messages and headers', () => {
  it('limits the raw body before parsing: a small story padded with 1,000,000 spaces is a 413, as PUT already was', async () => {
    const padded = `${JSON.stringify(storyInput())}${' '.repeat(1_000_000)}`;
    const res = await api('', 'POST', padded);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /at most 65536 bytes .* received 10\d{5} bytes/,
    );
  });

  it('an "article" with no element in it (JSON sent as text/html) is a 400, not a crash in the HTML reader', async () => {
    for (const body of ['{"headline": "A headline sent to the wrong endpoint"}', 'just some words']) {
      const res = await call('/api/extract', {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/html' },
        body,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/^body: expected an article with a headline/);
    }
  });

  it('answers a known path with the wrong method 405 and Allow; an unknown path stays 404', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const patch = await call('/api/stories', { method: 'PATCH', headers: auth });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('Allow')).toBe('GET, HEAD, POST');
    expect(await patch.json()).toMatchObject({
      error: 'method_not_allowed',
      message: expect.stringContaining('GET, HEAD, POST'),
    });
    const del = await call('/s/some-slug', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('Allow')).toBe('GET, HEAD');
    const one = await call('/api/stories/abc', { method: 'POST', headers: auth });
    expect(one.headers.get('Allow')).toBe('DELETE, GET, HEAD, PUT');
    expect((await call('/no/such/path', { method: 'DELETE' })).status).toBe(404);
  });

  it('says "expected one of light, dark", never a validator’s own phrasing', async () => {
    const res = await api('', 'POST', { ...storyInput(), theme: { mode: 'sepia' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string };
    expect(body.message).toBe('theme.mode: expected one of light, dark, received "sepia" (5 characters)');
    const limit = await api('?limit=abc');
    expect(((await limit.json()) as { message: string }).message).toBe(
      'limit: expected a number, received "abc" (3 characters)',
    );
    for (const r of [body.message, ((await (await api('?limit=0')).json()) as { message: string }).message]) {
      expect(r).not.toMatch(/Invalid|expected number, received|"light"\|"dark"/);
    }
  });

  it('API JSON is Cache-Control: no-store and X-Content-Type-Options: nosniff, errors included', async () => {
    for (const res of [
      await api(''),
      await call('/api/stories'),
      await call('/api/nope'),
      await call('/openapi.json'),
    ]) {
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('a data: logo is drawn when it is a small real image, and refused with a 400 naming theme.logoUrl otherwise', async () => {
    const good = await api('', 'POST', { ...storyInput(), theme: { logoUrl: `data:image/png;base64,${PNG_1x1}` } });
    expect(good.status).toBe(201);
    for (const logoUrl of [
      'data:text/html;base64,PGgxPg==',
      'data:image/png;base64,PGgxPg==',
      `data:image/png;base64,${'A'.repeat(400_000)}`,
    ]) {
      const res = await api('', 'POST', { ...storyInput(), theme: { logoUrl } });
      expect(res.status, logoUrl.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const wrong = await api('', 'POST', { ...storyInput(), theme: { logoUrl: 'data:image/png;base64,PGgxPg==' } });
    expect(await wrong.json()).toMatchObject({
      issues: [{ path: 'theme.logoUrl', received: expect.stringContaining('labelled image/png') }],
    });
  });

  it('gallery links carry a bounded expiry: exp=never, a far future or a past one is refused even when signed', async () => {
    const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };
    const { tiles } = (await (await call('/studio/api/gallery?sample=demo', auth)).json()) as {
      tiles: { url: string }[];
    };
    const tile = new URL(tiles[0]!.url, BASE);
    expect((await call(tile.pathname + tile.search)).status).toBe(200);
    const exp = Number(tile.searchParams.get('exp'));
    expect(exp * 1000 - Date.now()).toBeLessThanOrEqual(7 * 3600_000);
    const { signParams } = await import('../../src/story/sign.ts');
    for (const bad of ['never', String(exp + 365 * 86400), String(Math.floor(Date.now() / 1000) - 60)]) {
      const params = new URLSearchParams(tile.search);
      params.delete('sig');
      params.set('exp', bad);
      params.set('sig', await signParams([...params], `storycard-studio-gallery:${TOKEN}`));
      expect((await call(`${tile.pathname}?${params}`)).status, bad).toBe(403);
    }
  });
});
