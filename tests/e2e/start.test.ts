// End to end: `npm start` as a user runs it, then unfurl.js reads the demo share page the way a crawler does.
import { unfurl } from 'unfurl.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { type Started, startServer } from '../helpers/npm-start.ts';

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let server: Started;
let printed: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  printed = server.printed;
}, 180_000);

afterAll(() => server?.stop(), 30_000);

describe('npm start', () => {
  it('prints the share URL, the studio URL and a generated API token', () => {
    expect(printed['share page']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/sam-altman-rejects-[a-z0-9-]+$/);
    // The studio link carries the token in its fragment, so the studio opens signed in.
    expect(printed.studio).toBe(`${new URL(printed['share page']!).origin}/studio#token=${printed['API token']}`);
    // Neither the environment nor a .dev.vars gave one: it was generated, printed, and it works.
    expect(printed['API token']).toMatch(/^[\w-]{24,}$/);
  });

  it('serves the demo story to a link-preview parser with a PNG card of the stated size', async () => {
    const shareUrl = printed['share page']!;
    const meta = await unfurl(shareUrl, { follow: 0, oembed: false });
    expect(meta.open_graph.title).toBe(DEMO_STORY.headline);
    expect(meta.open_graph.type).toBe('article');
    expect(meta.open_graph.url).toBe(shareUrl);
    expect(meta.open_graph.description).toContain(DEMO_STORY.quote);
    expect(meta.twitter_card.card).toBe('summary_large_image');
    const image = meta.open_graph.images?.[0];
    expect(image?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cards\/[0-9a-f]{20}\/og\.png$/);
    expect(image?.type).toBe('image/png');
    expect(image?.alt).toContain(DEMO_STORY.headline);

    const res = await fetch(image!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.byteLength).toBeLessThan(5_000_000);
    expect(pngSize(png)).toEqual({ width: Number(image!.width), height: Number(image!.height) });

    const twitter = meta.twitter_card.images[0]!;
    const tw = Buffer.from(await (await fetch(twitter.url)).arrayBuffer());
    expect(pngSize(tw)).toEqual({ width: 1200, height: 600 });
  });

  it('answers the API with the printed token, and only with it', async () => {
    const origin = new URL(printed['share page']!).origin;
    const ok = await fetch(`${origin}/api/stories`, { headers: { Authorization: `Bearer ${printed['API token']}` } });
    expect(ok.status).toBe(200);
    const { items } = (await ok.json()) as { items: { story: { headline: string } }[] };
    expect(items.map((s) => s.story.headline)).toContain(DEMO_STORY.headline);
    expect((await fetch(`${origin}/api/stories`)).status).toBe(401);
  });

  it('turns a pasted article into a shared story: extracted headline and quote, explicit fields winning', async () => {
    const origin = new URL(printed['share page']!).origin;
    const auth = { Authorization: `Bearer ${printed['API token']}` };
    const article = [
      'Harbour bridge to close for six months of repairs',
      'Harbour bridge to close for six months of repairs',
      'Share this article',
      'Engineers found corrosion in two of the main cables during a routine inspection in March.',
      '“We would rather close it for six months than risk a single car on it,” said city engineer Maria Lund.',
      'Read More',
    ].join('\n\n');
    const extracted = await fetch(`${origin}/api/extract`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain; charset=utf-8' },
      body: article,
    });
    expect(extracted.status).toBe(200);
    expect(await extracted.json()).toMatchObject({
      headline: 'Harbour bridge to close for six months of repairs',
      quote: 'We would rather close it for six months than risk a single car on it',
      quoteAuthor: 'Maria Lund',
    });

    const created = await fetch(`${origin}/api/stories`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ article, url: 'https://news.example/bridge', siteName: 'Harbour Post' }),
    });
    expect(created.status).toBe(201);
    const { shareUrl, story } = (await created.json()) as { shareUrl: string; story: Record<string, string> };
    expect(story).toMatchObject({
      headline: 'Harbour bridge to close for six months of repairs',
      siteName: 'Harbour Post',
    });
    const meta = await unfurl(shareUrl, { follow: 0, oembed: false });
    expect(meta.open_graph.title).toBe('Harbour bridge to close for six months of repairs');
    expect(meta.open_graph.site_name).toBe('Harbour Post');

    const binary = await fetch(`${origin}/api/extract`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: new Uint8Array([0, 1, 2, 3, 0, 255, 254]),
    });
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as { message: string }).message).toMatch(/^body: /);
  });
});
