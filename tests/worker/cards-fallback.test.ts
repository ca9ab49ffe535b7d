// No frozen fallbacks: a photo card drawn while its photo host is down is served for a minute, never stored as the
// immutable card; once the host is back the next request draws the photo, stores it, and the share page names it.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { renderCard, renderSvg } from '../../src/render/index.ts';
import type { RenderRequest } from '../../src/render/types.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';
import { registry as templates } from '../../templates/index.ts';
import { BASE, type StoryBody, storyInput, TOKEN } from './helpers.ts';

const renders: RenderRequest[] = [];
// The photo host is on loopback: exempt, as FETCH_ALLOW_HOSTS exempts local fakes.
const runtime = createWorkerdRuntime({ assets: env.ASSETS, fetchPolicy: { allowHosts: ['127.0.0.1'] } });
const app = createApp({
  templates,
  renderCard: async (req) => {
    renders.push(req);
    return renderCard(req, runtime, templates);
  },
  renderSvg: (req) => renderSvg(req, runtime, templates),
});
const photos = inject('fakePhotosUrl');
const setMode = async (mode: 'up' | 'down' | 'reset' | 'huge') =>
  expect((await fetch(`${photos}/__mode/${mode}`, { method: 'POST' })).status).toBe(204);

async function get(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.request(`${BASE}${path}`, init, env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const crawler = { headers: { 'User-Agent': 'facebookexternalhit/1.1' } };
const meta = (html: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]+)"`).exec(html)?.[1];

describe('a photo card while its photo host is down, then up', () => {
  // A reset connection behaves the same (checked by hand); left out because workerd logs each one as an uncaught error.
  it.each(['down', 'huge'] as const)(
    'photo host %s: served briefly, never kept; kept once the photo loads',
    async (fault) => {
      await setMode(fault);
      const res = await get('/api/stories', {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(
          storyInput({
            headline: `Photo host ${fault}`,
            imageUrl: `${photos}/photo.png?${fault}`,
            template: 'photo',
          } as never),
        ),
      });
      expect(res.status).toBe(201);
      const story = (await res.json()) as StoryBody;
      const hash = new URL(story.cardUrl).pathname.split('/')[2]!;
      // The pre-render ran and drew the panel without the photo: nothing was kept.
      expect(await env.CARDS.list({ prefix: `cards/${hash}/` }).then((l) => l.objects.length)).toBe(0);

      // The crawler reads the share page and fetches the card it names: drawn again, still without the photo.
      const page = await (await get(`/s/${story.slug}`, crawler)).text();
      const og = new URL(meta(page, 'og:image')!).pathname;
      const down = await get(og);
      expect(down.status).toBe(200);
      expect(down.headers.get('Cache-Control')).toBe('public, max-age=60');
      expect(down.headers.get('ETag')).toBeNull();
      expect(down.headers.get('Server-Timing')).toMatch(/^render;dur=/);
      const panel = new Uint8Array(await down.arrayBuffer());
      expect(await env.CARDS.list({ prefix: `cards/${hash}/` }).then((l) => l.objects.length)).toBe(0);

      // A minute later the host is back: the same address draws the photo now, and keeps it.
      await setMode('up');
      const up = await get(og);
      expect(up.status).toBe(200);
      expect(up.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(up.headers.get('Server-Timing')).toMatch(/^render;dur=/);
      const withPhoto = new Uint8Array(await up.arrayBuffer());
      expect(withPhoto).not.toEqual(panel);
      expect(await env.CARDS.get(`cards/${hash}/${og.split('/').pop()}`)).not.toBeNull();
      const again = await get(og);
      expect(again.headers.get('Server-Timing')).toMatch(/^(cache|r2;dur=.*)$/);
      expect(new Uint8Array(await again.arrayBuffer())).toEqual(withPhoto);

      // The share page now names auto's choice for a photo card: a JPEG within the og budget, typed as such.
      const now = await (await get(`/s/${story.slug}`, crawler)).text();
      expect(meta(now, 'og:image')).toMatch(/\/og\.jpg$/);
      expect(meta(now, 'og:image:type')).toBe('image/jpeg');
      const jpeg = await get(new URL(meta(now, 'og:image')!).pathname);
      expect(jpeg.headers.get('Content-Type')).toBe('image/jpeg');
      expect(jpeg.headers.get('Server-Timing')).toMatch(/^r2;dur=/); // rendered and stored by the share page's look-up
      expect((await jpeg.arrayBuffer()).byteLength).toBeLessThanOrEqual(300_000);
    },
  );
});
