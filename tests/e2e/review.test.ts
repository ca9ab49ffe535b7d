// End to end through `npm start` (BOT_MODE=review, a fake X on loopback): posts wait until an editor approves them
// in the studio's Outbox, the demo story is never posted, loopback image URLs are not fetched, hostile bodies get 4xx.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { FAKE_X_CREDENTIALS, type FakeX, startFakeX } from '../fakes/fake-x.ts';
import { makePng } from '../fakes/png.ts';
import { type Started, startServer } from '../helpers/npm-start.ts';

let x: FakeX;
let server: Started;
let images: Server;
let imageHits: string[];
let imageBase: string;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  x = await startFakeX();
  imageHits = [];
  images = createServer((req, res) => {
    imageHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(makePng(40, 30));
  });
  // Every interface: a name that resolves to any of this machine's addresses would reach it.
  await new Promise<void>((r) => images.listen(0, r));
  imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  server = await startServer({
    BOT_MODE: 'review',
    X_APP_KEY: FAKE_X_CREDENTIALS.appKey,
    X_APP_SECRET: FAKE_X_CREDENTIALS.appSecret,
    X_ACCESS_TOKEN: FAKE_X_CREDENTIALS.accessToken,
    X_ACCESS_SECRET: FAKE_X_CREDENTIALS.accessSecret,
    X_API_BASE_URL: x.url,
    FETCH_ALLOW_HOSTS: '',
  });
  profile = mkdtempSync(join(tmpdir(), 'storycard-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 240_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server?.stop();
  await x?.close();
  images?.closeAllConnections();
  images?.close();
}, 60_000);

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.origin}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${server.printed['API token']}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('npm start with BOT_MODE=review', () => {
  it('holds a new post until an editor approves it in the studio’s Outbox, then posts it once', async () => {
    expect(server.output()).toMatch(
      /^ {2}bot {10}review: each new post waits for approval .* x as 1234567890 \(@storycard_bot\) via/m,
    );
    const story = {
      headline: `Night ferry keeps running through winter ${crypto.randomUUID().slice(0, 8)}`,
      url: `https://news.example.org/ferry/${crypto.randomUUID()}`,
    };
    const created = await api('/api/stories', { method: 'POST', body: JSON.stringify(story) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // Longer than the local queue's batch wait: nothing goes out on its own.
    await new Promise((r) => setTimeout(r, 8000));
    const [waiting] = (
      (await (await api(`/api/posts?storyId=${id}`)).json()) as { items: { id: string; state: string }[] }
    ).items;
    expect(waiting).toMatchObject({ state: 'review' });
    expect(x.state.posts.filter((p) => p.text.startsWith(story.headline))).toEqual([]);

    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.printed.studio!);
    await page.locator('#tab-outbox').click();
    const card = page.locator(`.post[data-id="${waiting!.id}"]`);
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-state')).toBe('review');
    expect(await page.locator('[data-group="waiting"]').locator(`[data-id="${waiting!.id}"]`).count()).toBe(1);
    await expect
      .poll(() => page.locator('.outbox-today [data-platform="x"]').textContent())
      .toMatch(/X \d+ \/ 50 today/);
    await card.getByRole('button', { name: 'Approve' }).click();

    const [tweet] = await until('the approved post', async () => {
      const found = x.state.posts.filter((p) => p.text.startsWith(story.headline));
      return found.length ? found : undefined;
    });
    expect(tweet!.mediaIds).toHaveLength(1);
    await until('the post shown as posted', async () => {
      await page.locator('#outbox-refresh').click();
      const posted = page.locator(`[data-group="posted"] .post[data-id="${waiting!.id}"]`);
      return (await posted.count()) ? true : undefined;
    });
    expect(x.state.posts.filter((p) => p.text.startsWith(story.headline))).toHaveLength(1);
  });

  it('never gives the demo story a post, even in review', async () => {
    const res = await api('/api/stories', { method: 'POST', body: JSON.stringify(DEMO_STORY) });
    const { id } = (await res.json()) as { id: string };
    expect(((await (await api(`/api/posts?storyId=${id}`)).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('does not fetch a loopback image URL (FETCH_ALLOW_HOSTS is empty), in any spelling, nor by name', async () => {
    for (const imageUrl of [
      // Names: this machine's own (it resolves to loopback or to one of its addresses), and localhost. spelled out.
      `${imageBase.replace('127.0.0.1', hostname())}/photo.png`,
      `${imageBase.replace('127.0.0.1', 'localhost.')}/photo.png`,
      `${imageBase}/photo.png`,
      `${imageBase.replace('127.0.0.1', 'localhost')}/photo.png`,
      `${imageBase.replace('127.0.0.1', '2130706433')}/photo.png`,
      `${imageBase.replace('127.0.0.1', '[::ffff:127.0.0.1]')}/photo.png`,
    ]) {
      const res = await api('/api/stories', {
        method: 'POST',
        body: JSON.stringify({
          headline: 'A photo from inside',
          url: `https://news.example.org/p/${crypto.randomUUID()}`,
          imageUrl,
          template: 'photo',
        }),
      });
      expect(res.status).toBe(201);
      const { cardUrl } = (await res.json()) as { cardUrl: string };
      const card = await fetch(cardUrl);
      expect(card.status).toBe(200);
      await card.arrayBuffer();
    }
    expect(imageHits).toEqual([]);
  });

  it('answers hostile bodies and methods with a 4xx, never a 5xx', async () => {
    const story = { headline: 'Hostile', url: 'https://news.example.org/hostile' };
    const cases: Array<[string, RequestInit]> = [
      ['/api/stories', { method: 'POST', body: `${JSON.stringify(story)}${' '.repeat(1_000_000)}` }],
      ['/api/stories', { method: 'POST', body: '{"headline": "\\ud800", "url": "https://news.example.org/x"}' }],
      [
        '/api/stories',
        { method: 'POST', body: JSON.stringify({ ...story, url: 'https://a.example/x\r\nSet-Cookie: y=1' }) },
      ],
      ['/api/stories', { method: 'POST', body: JSON.stringify({ ...story, url: 'https:\\\\evil.example\\path' }) }],
      ['/api/stories', { method: 'POST', body: JSON.stringify({ ...story, theme: { mode: 'sepia' } }) }],
      ['/api/stories', { method: 'POST', body: '{"headline": ' }],
      ['/api/stories', { method: 'PATCH', body: '{}' }],
      ['/api/posts/nope', { method: 'PATCH', body: JSON.stringify({ text: 5 }) }],
      ['/api/posts/nope/approve', { method: 'POST' }],
      [
        '/api/extract',
        { method: 'POST', body: new Uint8Array([0, 1, 2, 255]), headers: { 'Content-Type': 'text/plain' } },
      ],
    ];
    for (const [path, init] of cases) {
      const res = await api(path, init);
      expect(res.status, `${init.method} ${path} ${String(init.body).slice(0, 60)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect((await res.json()) as { message: string }).toMatchObject({ message: expect.any(String) });
    }
  });
});
