// Hostile pages inside workerd: deep JSON-LD and 2 MB of junk still extract with a 200/201, never a 500.
import { describe, expect, it } from 'vitest';
import { api, call, TOKEN } from './helpers.ts';

const deepJsonLd = (depth: number) =>
  `{"@type":"NewsArticle","headline":"From the deep block","author":${'['.repeat(depth)}"x"${']'.repeat(depth)}}`;
const page = (
  head: string,
  body = '<p>The council voted on Tuesday to rebuild the harbour wall that the storm broke.</p>',
) =>
  `<!doctype html><html lang="en"><head><title>Council votes to rebuild the harbour wall</title>${head}</head><body><article><h1>Council votes to rebuild the harbour wall</h1>${body}</article></body></html>`;
const extract = (html: string) =>
  call('/api/extract', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/html' },
    body: html,
  });

describe('hostile pages through the API', () => {
  const deep = page(
    `<script type="application/ld+json">${deepJsonLd(3000)}</script><meta property="og:site_name" content="Harbour Post">`,
  );

  it('POST /api/extract: JSON-LD nested 3,000 deep is dropped, the rest of the page still read (200)', async () => {
    const res = await extract(deep);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      headline: 'Council votes to rebuild the harbour wall',
      siteName: 'Harbour Post',
    });
  });

  it('POST /api/stories {html}: the same page becomes a story (201)', async () => {
    const res = await api('', 'POST', { html: deep, url: `https://harbour.example/wall-${Date.now()}` });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { story: { headline: string } }).story.headline).toBe(
      'Council votes to rebuild the harbour wall',
    );
  });

  it('2 MB of comment fragments or entities: 200 with the page headline', async () => {
    const fill = (unit: string) => unit.repeat(Math.floor((2 * 1024 * 1024 - 8192) / unit.length));
    for (const body of [`<p>${fill('--><!--')}</p>`, `<p>${fill('a<!--b-->')}</p>`, `<p>${fill('&amp;')}</p>`]) {
      const res = await extract(page('', body));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { headline: string }).headline).toBe('Council votes to rebuild the harbour wall');
    }
  });
});
