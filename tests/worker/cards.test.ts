// Card images inside workerd: a real render, pre-rendered at creation, rendered once under concurrency, R2 + edge
// cache, immutable headers, 304, Server-Timing, every format.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { renderCard, renderSvg } from '../../src/render/index.ts';
import type { RenderRequest } from '../../src/render/types.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';
import { registry as templates } from '../../templates/index.ts';
import { api, BASE, call, type StoryBody, storyInput, TOKEN } from './helpers.ts';
import { pngSize } from './png.ts';

// The real render core on the real workerd runtime, counted: what index.ts wires, plus a tally.
const renders: RenderRequest[] = [];
const runtime = createWorkerdRuntime({ assets: env.ASSETS });
const app = createApp({
  templates,
  renderCard: async (req) => {
    renders.push(req);
    return renderCard(req, runtime, templates);
  },
  renderSvg: (req) => renderSvg(req, runtime, templates),
});

async function get(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.request(`${BASE}${path}`, init, env, ctx);
  await waitOnExecutionContext(ctx); // edge-cache writes finish before the next request
  return res;
}

const pathOf = (url: string) => new URL(url).pathname;

/** POST /api/stories through the counting app, waiting for its background work (the pre-render) to finish. */
async function createStory(overrides: Parameters<typeof storyInput>[0] = {}): Promise<StoryBody> {
  const res = await get('/api/stories', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(storyInput(overrides)),
  });
  if (res.status !== 201) throw new Error(`POST /api/stories: ${res.status} ${await res.text()}`);
  return (await res.json()) as StoryBody;
}
const edgeCache = () => (caches as unknown as { default: Cache }).default;

describe('content-addressed cards', () => {
  let story: StoryBody;
  let first: Uint8Array;

  beforeAll(async () => {
    story = await createStory({ headline: 'Rendered once, served forever' });
  });

  it('renders the og and x cards when the story is created, so the first crawler reads them from R2', async () => {
    const hash = pathOf(story.cardUrl).split('/')[2]!;
    const made = renders.filter((r) => JSON.stringify(r.story).includes('Rendered once, served forever'));
    expect(made.map((r) => [r.size, r.format])).toEqual([
      ['og', 'auto'],
      ['x', 'auto'],
    ]);
    expect(await env.CARDS.get(`cards/${hash}/og.png`)).not.toBeNull();
    expect(await env.CARDS.get(`cards/${hash}/x.png`)).not.toBeNull();
    const before = renders.length;
    const res = await get(pathOf(story.cardUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('Server-Timing')).toMatch(/^r2;dur=\d+(\.\d+)?$/);
    first = new Uint8Array(await res.arrayBuffer());
    expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
    expect(renders.length).toBe(before);
  });

  it('a crawler fetching the og card while the pre-render draws it waits for that render, not a second one', async () => {
    const ctx = createExecutionContext();
    const created = await app.request(
      `${BASE}/api/stories`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(storyInput({ headline: 'Fetched while it renders' })),
      },
      env,
      ctx,
    );
    const body = (await created.json()) as StoryBody;
    const res = await get(pathOf(body.cardUrl)); // the pre-render is still running: not waited for yet
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get('Server-Timing')).toMatch(/^render;dur=/);
    const made = renders.filter((r) => JSON.stringify(r.story).includes('Fetched while it renders'));
    expect(made.map((r) => [r.size, r.format])).toEqual([
      ['og', 'auto'],
      ['x', 'auto'],
    ]);
  });

  it('renders a card once for concurrent first requests and stores it in R2', async () => {
    const path = pathOf(story.cardUrl).replace('og.png', 'square.png');
    const before = renders.length;
    const responses = await Promise.all([get(path), get(path), get(path)]);
    expect(renders.length - before).toBe(1);
    const bodies = await Promise.all(responses.map(async (r) => new Uint8Array(await r.arrayBuffer())));
    for (const r of responses) expect(r.status).toBe(200);
    expect(responses[0]!.headers.get('Server-Timing')).toMatch(/^render;dur=\d+(\.\d+)?$/);
    expect(pngSize(bodies[0]!)).toEqual({ width: 1080, height: 1080 });
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    const stored = await env.CARDS.get(`cards/${path.split('/')[2]}/square.png`);
    expect(stored).not.toBeNull();
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bodies[0]);
  });

  it('serves JPEG and WebP at their own addresses, each rendered once', async () => {
    for (const [ext, type, magic] of [
      ['jpg', 'image/jpeg', [0xff, 0xd8, 0xff]],
      ['webp', 'image/webp', [0x52, 0x49, 0x46, 0x46]],
    ] as const) {
      const path = pathOf(story.cardUrl).replace('og.png', `og.${ext}`);
      const before = renders.length;
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe(type);
      expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 3)]).toEqual(magic.slice(0, 3));
      expect(await env.CARDS.get(`cards/${path.split('/')[2]}/og.${ext}`)).not.toBeNull();
      await (await get(path)).arrayBuffer();
      expect(renders.length - before).toBe(1);
    }
    expect((await get(pathOf(story.cardUrl).replace('og.png', 'og.gif'))).status).toBe(404);
  });

  it('answers with immutable caching headers and an ETag, from the edge cache afterwards', async () => {
    const path = pathOf(story.cardUrl);
    const before = renders.length;
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/png');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{20}-og-png"$/);
    expect(res.headers.get('X-Storycard-Cache')).toBe('HIT');
    expect(res.headers.get('Server-Timing')).toBe('cache');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(first);
    expect(renders.length).toBe(before);
  });

  it('serves from R2 without rendering when the edge cache has lost it', async () => {
    const path = pathOf(story.cardUrl);
    await edgeCache().delete(new Request(`${BASE}${path}`));
    const before = renders.length;
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Storycard-Cache')).toBe('MISS');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(first);
    expect(renders.length).toBe(before);
  });

  it('answers 304 to If-None-Match and supports HEAD', async () => {
    const path = pathOf(story.cardUrl);
    const etag = (await get(path)).headers.get('ETag')!;
    const cond = await get(path, { headers: { 'If-None-Match': etag } });
    expect(cond.status).toBe(304);
    expect(cond.headers.get('ETag')).toBe(etag);
    expect(await cond.text()).toBe('');
    const other = await get(path, { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();

    const head = await get(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Type')).toBe('image/png');
    expect(head.headers.get('ETag')).toBe(etag);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('changes address when the content changes; the old address keeps serving the card crawlers cached', async () => {
    const put = await api(`/${story.id}`, 'PUT', { ...story.story, quote: 'A different quote now.' });
    const updated = (await put.json()) as StoryBody;
    expect(updated.cardUrl).not.toBe(story.cardUrl);
    const before = renders.length;
    const old = await get(pathOf(story.cardUrl));
    expect(old.status).toBe(200);
    expect(new Uint8Array(await old.arrayBuffer())).toEqual(first);
    expect(renders.length).toBe(before);
    story = updated;
  });

  it('404s for unknown addresses and sizes without rendering', async () => {
    const before = renders.length;
    expect((await get('/cards/0123456789abcdef0123/og.png')).status).toBe(404);
    expect((await get(`${pathOf(story.cardUrl).replace('og.png', 'huge.png')}`)).status).toBe(404);
    expect((await get('/cards/not-a-hash/og.png')).status).toBe(404);
    expect(renders.length).toBe(before);
  });

  it('deletes a story’s cards (every address it had) from R2 with it', async () => {
    const s = await createStory({ headline: 'Short-lived' });
    const path = pathOf(s.cardUrl);
    await env.CARDS.put(`cards/${path.split('/')[2]}/og.jpg`, new Uint8Array([1, 2, 3]));
    expect(await env.CARDS.get(`cards/${path.split('/')[2]}/og.png`)).not.toBeNull(); // pre-rendered
    expect((await api(`/${s.id}`, 'DELETE')).status).toBe(204);
    expect(await env.CARDS.get(`cards/${path.split('/')[2]}/og.png`)).toBeNull();
    expect(await env.CARDS.get(`cards/${path.split('/')[2]}/og.jpg`)).toBeNull();
    const res = await call(path);
    expect(res.status).toBe(404);
  });
});
