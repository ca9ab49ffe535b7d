// Cards through `npm start` as a crawler meets them: pre-rendered before anyone asks, lossless PNG for text cards,
// a JPEG within budget for a photo card, no frozen fallback while the photo host is down, and the emoji budget.
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { type FakePhotos, startFakePhotos } from '../fakes/fake-photos.ts';
import { type Started, startServer } from '../helpers/npm-start.ts';

let server: Started;
let photos: FakePhotos;
let token: string;
const crawler = { 'User-Agent': 'facebookexternalhit/1.1' };
const EMOJI = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚🙂🤗🤩🤔🤨😐😑😶🙄😏😣😥'];
const emoji = (n: number) => Array.from({ length: n }, (_, i) => EMOJI[i % EMOJI.length]).join('');
let n = 0;

beforeAll(async () => {
  photos = await startFakePhotos('down');
  // The photo host is on loopback: exempt it from the private-address block on fetched images.
  server = await startServer({ FETCH_ALLOW_HOSTS: '127.0.0.1' });
  token = server.printed['API token']!;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await photos?.close();
}, 30_000);

async function create(fields: Record<string, unknown>) {
  const res = await fetch(`${server.origin}/api/stories`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...DEMO_STORY, url: `https://news.example.org/e2e/${Date.now()}-${++n}`, ...fields }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const meta = (html: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]+)"`).exec(html)?.[1];
const sharePage = async (slug: string) => (await fetch(`${server.origin}/s/${slug}`, { headers: crawler })).text();

describe('cards through npm start', () => {
  it('renders a new story’s og and x cards before anyone asks for them', async () => {
    const { status, body } = await create({ headline: 'Pre-rendered before the first crawler' });
    expect(status).toBe(201);
    // only-if-cached never renders, and nothing else asked for these cards: a 200 means the pre-render stored them.
    const stored = async (url: string) => {
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
        const res = await fetch(url, { headers: { 'Cache-Control': 'only-if-cached' } });
        if (res.status === 200) return res;
        expect(res.status).toBe(504);
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${url} was never pre-rendered`);
    };
    const cardUrls = body.cardUrls as unknown as Record<string, string>;
    for (const url of [body.cardUrl!, cardUrls.x!]) {
      expect((await stored(url)).headers.get('server-timing')).toMatch(/^r2;dur=/);
    }
    // The share page names exactly those (auto chose PNG for a text card).
    const page = await sharePage(body.slug!);
    expect(meta(page, 'og:image')).toBe(body.cardUrl);
    expect(meta(page, 'twitter:image')).toBe(cardUrls.x);
    const square = await fetch(meta(page, 'og:image')!.replace('og.png', 'square.png'), {
      headers: { 'Cache-Control': 'only-if-cached' },
    });
    expect(square.status).toBe(504); // not pre-rendered: nobody names it
  });

  it('serves the demo card as a lossless PNG: every pixel as resvg draws the same SVG', async () => {
    const preview = await fetch(`${server.origin}/studio/api/preview`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...DEMO_STORY, format: 'svg' }),
    });
    const { svg } = (await preview.json()) as { svg: string };
    const page = await (await fetch(server.printed['share page']!, { headers: crawler })).text();
    expect(meta(page, 'og:image:type')).toBe('image/png');
    const card = Buffer.from(await (await fetch(meta(page, 'og:image')!)).arrayBuffer());
    const resvgPng = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
    // Under half of resvg's own encoder's bytes for the same pixels (not a fixed figure: designs change).
    expect(card.byteLength).toBeLessThan(resvgPng.byteLength / 2);
    expect(card.byteLength).toBeLessThanOrEqual(30_000);
    const ours = PNG.sync.read(card);
    const theirs = PNG.sync.read(resvgPng);
    expect(Buffer.compare(ours.data, theirs.data)).toBe(0);
  });

  it('never keeps a photo card drawn while its photo host is down; keeps the JPEG once the photo loads', async () => {
    photos.setMode('down');
    const { body } = await create({
      headline: 'Photo host down, then up',
      template: 'photo',
      imageUrl: `${photos.url}/photo.png`,
    });
    const down = meta(await sharePage(body.slug!), 'og:image')!;
    const first = await fetch(down);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('etag')).toBeNull();
    await first.arrayBuffer();
    const stored = await fetch(down, { headers: { 'Cache-Control': 'only-if-cached' } });
    expect(stored.status).toBe(504);

    photos.setMode('up');
    const page = await sharePage(body.slug!);
    const og = meta(page, 'og:image')!;
    expect(og).toMatch(/\/og\.jpg$/);
    expect(meta(page, 'og:image:type')).toBe('image/jpeg');
    const res = await fetch(og);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const jpeg = Buffer.from(await res.arrayBuffer());
    expect(jpeg.byteLength).toBeLessThanOrEqual(300_000);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // The PNG the crawler fetched while the host was down is drawn again, with the photo now, and kept.
    const again = await fetch(down);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('renders a 300-emoji headline while /healthz keeps answering; refuses 350 emoji with a 422 naming the field', async () => {
    const { status, body } = await create({ headline: emoji(300), quote: '' });
    expect(status).toBe(201);
    const card = fetch(`${body.cardUrl}`.replace('og.png', 'square.png'));
    const health = await fetch(`${server.origin}/healthz`);
    expect(health.status).toBe(200);
    const res = await card;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    await res.arrayBuffer();

    const over = await create({ headline: emoji(300), quote: emoji(50) });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ error: 'render_budget' });
    expect(over.body.message).toBe('quote: expected at most 300 emoji on one card, received 350 emoji (50 in quote)');
  });
});
