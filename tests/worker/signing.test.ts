// Signed ad-hoc cards: GET /card.png verifies HMAC-SHA256 over the canonical query before doing anything else.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, expiryIn, signedCardUrl, signParams } from '../../src/story/sign.ts';
import { BASE, call } from './helpers.ts';
import { pngSize } from './png.ts';

const secret = env.SIGNING_SECRET;
const path = (url: string) => url.slice(BASE.length);

describe('canonical query', () => {
  it('sorts keys, drops sig, and encodes values so + and %20 sign alike', () => {
    const q = canonicalQuery(new URLSearchParams('size=x&headline=a+b&sig=zzz&quote=%22q%22'));
    expect(q).toBe('headline=a%20b&quote=%22q%22&size=x');
    expect(canonicalQuery(new URLSearchParams('headline=a%20b&size=x&quote="q"'))).toBe(q);
  });
});

describe('GET /card.png', () => {
  it('renders a validly signed card at the requested size', async () => {
    const url = await signedCardUrl(
      BASE,
      { headline: 'Signed & sealed <card>', quote: 'It works.', size: 'x' },
      secret,
    );
    const res = await call(path(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/png');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=86400');
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{20}-x-png"$/);
    expect(res.headers.get('Server-Timing')).toMatch(/^(render|r2);dur=/);
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 1200, height: 600 });
  });

  it('writes the format ?f= names (signed like every parameter), and 400s an unknown one', async () => {
    for (const [f, type] of [
      ['jpeg', 'image/jpeg'],
      ['webp', 'image/webp'],
      ['auto', 'image/png'],
    ] as const) {
      const url = await signedCardUrl(BASE, { headline: 'Signed in every format', f }, secret);
      const res = await call(path(url));
      expect(res.status, f).toBe(200);
      expect(res.headers.get('Content-Type')).toBe(type);
      await res.arrayBuffer();
    }
    const bad = await call(path(await signedCardUrl(BASE, { headline: 'Signed gif', f: 'gif' }, secret)));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { message: string };
    expect(body.message).toContain('f: expected one of');
  });

  it('accepts the parameters in any order and spaces spelled as +', async () => {
    const sig = await signParams(Object.entries({ headline: 'Order does not matter', size: 'x' }), secret);
    const res = await call(`/card.png?size=x&sig=${sig}&headline=Order+does+not+matter`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('403 without a signature, with a wrong one, and when any signed parameter is changed', async () => {
    const none = await call('/card.png?headline=free+image');
    expect(none.status).toBe(403);
    expect(await none.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining('sig') });

    const url = await signedCardUrl(BASE, { headline: 'Original' }, secret);
    const tampered = await call(path(url).replace('Original', 'Tampered'));
    expect(tampered.status).toBe(403);
    const added = await call(`${path(url)}&quote=extra`);
    expect(added.status).toBe(403);
    const otherKey = await signedCardUrl(BASE, { headline: 'Original' }, 'not-our-secret');
    expect((await call(path(otherKey))).status).toBe(403);
  });

  it('403 for an empty sig= as for a missing one', async () => {
    const res = await call('/card.png?headline=free+image&sig=');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining('sig') });
  });

  it('serves a URL whose exp is ahead, cached no longer than it has left', async () => {
    const url = await signedCardUrl(BASE, { headline: 'Lives two minutes', exp: expiryIn(120) }, secret);
    expect(url).toMatch(/[?&]exp=\d{10}&/);
    const res = await call(path(url));
    expect(res.status).toBe(200);
    const maxAge = Number(/^public, max-age=(\d+)$/.exec(res.headers.get('Cache-Control') ?? '')?.[1]);
    // At most what the URL has left (120 s when signed; a test run never takes the other 60).
    expect(maxAge).toBeLessThanOrEqual(120);
    expect(maxAge).toBeGreaterThan(60);
    await res.arrayBuffer();
    // A revalidation (304) says the same, and so does the second answer from the edge cache.
    const etag = res.headers.get('ETag')!;
    const again = await call(path(url), { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(Number(/max-age=(\d+)/.exec(again.headers.get('Cache-Control') ?? '')?.[1])).toBeLessThanOrEqual(120);
    const cached = await call(path(url));
    expect(cached.headers.get('Cache-Control')).toMatch(/^public, max-age=(\d|\d\d|1[01]\d|120)$/);
    await cached.arrayBuffer();
  });

  it('403 naming exp once it has passed, even for a card already rendered', async () => {
    const live = await signedCardUrl(BASE, { headline: 'Expired card' }, secret);
    expect((await call(path(live))).status).toBe(200);
    const url = await signedCardUrl(BASE, { headline: 'Expired card', exp: expiryIn(-1) }, secret);
    const res = await call(path(url));
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('forbidden');
    expect(body.message).toMatch(/^exp: this signed URL expired at \d{4}-/);
  });

  it('403 when exp is moved or removed: it is signed like every parameter', async () => {
    const exp = expiryIn(60);
    const url = path(await signedCardUrl(BASE, { headline: 'Short-lived', exp }, secret));
    const later = await call(url.replace(`exp=${exp}`, `exp=${Number(exp) + 86_400}`));
    expect(later.status).toBe(403);
    expect(await later.json()).toMatchObject({ message: expect.stringContaining('sig:') });
    const removed = await call(url.replace(`exp=${exp}&`, ''));
    expect(removed.status).toBe(403);
  });

  it('400 naming exp when a signed exp is not epoch seconds', async () => {
    const url = await signedCardUrl(BASE, { headline: 'When?', exp: 'tomorrow' }, secret);
    const res = await call(path(url));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('exp: expected one expiry time') });
  });

  it('400 naming each bad parameter when the signature is right but the parameters are not', async () => {
    const url = await signedCardUrl(BASE, { headline: '', size: 'huge', brand: 'red', utm: '1' }, secret);
    // signedCardUrl drops empty values; sign an explicitly empty headline the way a hand-rolled client would.
    const sig = await signParams(Object.entries({ headline: '', size: 'huge', brand: 'red', utm: '1' }), secret);
    const res = await call(`/card.png?headline=&size=huge&brand=red&utm=1&sig=${sig}`);
    expect(url).toContain('sig=');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string }[] };
    expect(body.error).toBe('invalid_request');
    expect(body.issues.map((i) => i.path).sort()).toEqual(['brand', 'headline', 'size', 'utm']);
  });

  it('400 for an unknown template, before any rendering', async () => {
    const url = await signedCardUrl(BASE, { headline: 'x', template: 'nope' }, secret);
    const res = await call(path(url));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'unknown_template' });
  });
});
