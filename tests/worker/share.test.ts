// Share pages inside workerd: complete og:/twitter: tags, people redirected, crawlers not, hostile text inert, real 404.
import { env } from 'cloudflare:workers';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { api, call, createStory, type StoryBody } from './helpers.ts';

const TWITTERBOT = 'Twitterbot/1.0';
const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

async function page(slug: string, ua = TWITTERBOT) {
  // redirect: 'manual' — people get a 302, and the test looks at it rather than following it to the article.
  const res = await call(`/s/${slug}`, { headers: { 'User-Agent': ua }, redirect: 'manual' });
  const text = await res.text();
  const { document } = parseHTML(text);
  const meta = (key: string) =>
    [...document.querySelectorAll('meta')]
      .filter((m) => m.getAttribute('property') === key || m.getAttribute('name') === key)
      .map((m) => m.getAttribute('content'));
  return { res, text, document, meta, one: (key: string) => meta(key)[0] };
}

describe('GET /s/:slug', () => {
  it('carries every tag a crawler reads, with absolute https image URLs', async () => {
    const s = await createStory({ author: 'Jane Reporter', publishedAt: '2025-02-10T14:30:00Z' });
    const { res, one, document } = await page(s.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html; charset=utf-8/i);
    expect(res.headers.get('Vary')).toContain('User-Agent');
    expect(one('og:type')).toBe('article');
    expect(one('og:title')).toBe(s.story.headline);
    expect(one('og:description')).toBe(`“${s.story.quote}” — ${s.story.quoteAuthor}`);
    expect(one('og:url')).toBe(s.shareUrl);
    expect(one('og:site_name')).toBe('Tech Dispatch');
    expect(one('og:image')).toBe(s.cardUrl);
    expect(one('og:image')).toMatch(/^https:\/\/cards\.example\.com\/cards\/[0-9a-f]{20}\/og\.png$/);
    expect(one('og:image:secure_url')).toBe(s.cardUrl);
    expect(one('og:image:type')).toBe('image/png');
    expect(one('og:image:width')).toBe('1200');
    expect(one('og:image:height')).toBe('630');
    expect(one('og:image:alt')).toContain(s.story.headline as string);
    expect(one('twitter:card')).toBe('summary_large_image');
    expect(one('twitter:image')).toBe(s.cardUrls.x);
    expect(one('twitter:image')).toMatch(/\/x\.png$/);
    expect(one('twitter:image:alt')).toBe(one('og:image:alt'));
    expect(one('theme-color')).toMatch(/^#[0-9a-f]{6}$/i);
    expect(one('article:published_time')).toBe('2025-02-10T14:30:00Z');
    expect(one('article:author')).toBe('Jane Reporter');
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(s.story.url);
  });

  it('sends people on to the article with a 302 but gives crawlers the page, with no refresh', async () => {
    const s = await createStory();
    const person = await page(s.slug, BROWSER);
    expect(person.res.status).toBe(302);
    expect(person.res.headers.get('Location')).toBe(s.story.url);
    expect(person.document.querySelector('a')?.getAttribute('href')).toBe(s.story.url);
    expect(person.one('og:title')).toBeUndefined();

    for (const ua of [
      TWITTERBOT,
      'facebookexternalhit/1.1',
      'Slackbot-LinkExpanding 1.0',
      'Mozilla/5.0 (compatible; Discordbot/2.0)',
      '', // no User-Agent at all: no browser, so the tags
    ]) {
      const crawler = await page(s.slug, ua);
      expect(crawler.res.status, ua).toBe(200);
      expect(crawler.res.headers.get('Location'), ua).toBeNull();
      expect(crawler.document.querySelector('meta[http-equiv="refresh"]'), ua).toBeNull();
      expect(crawler.one('og:image'), ua).toBe(s.cardUrl);
      expect(crawler.document.querySelector('main a')?.getAttribute('href'), ua).toBe(s.story.url);
    }
  });

  it('holds hostile story text verbatim in every tag and runs none of it', async () => {
    const hostile = `</title><script>alert(1)</script>"'><img src=x onerror=alert(2)> & &amp; <!--`;
    const s = await createStory({
      headline: hostile,
      quote: `"><script>alert(3)</script>`,
      quoteAuthor: `' onmouseover='alert(4)`,
      siteName: `</head><body onload=alert(5)>`,
      author: `"/><meta http-equiv="refresh" content="0;url=https://evil.example">`,
      url: `https://news.example.org/a?x="><script>alert(6)</script>&y='`,
    });
    const person = await page(s.slug, BROWSER);
    expect(person.res.status).toBe(302);
    expect(person.res.headers.get('Location')).toBe(s.story.url);
    expect(person.document.querySelector('a')?.getAttribute('href')).toBe(s.story.url);
    expect(person.text).not.toContain('<script');
    for (const ua of [TWITTERBOT, 'facebookexternalhit/1.1']) {
      const { document, one, text } = await page(s.slug, ua);
      expect(document.querySelectorAll('script').length).toBe(0);
      expect(document.querySelectorAll('[onerror],[onload],[onmouseover]').length).toBe(0);
      expect(document.querySelector('title')?.textContent).toBe(s.story.headline);
      expect(one('og:title')).toBe(s.story.headline);
      expect(one('twitter:title')).toBe(s.story.headline);
      expect(one('og:site_name')).toBe(s.story.siteName);
      expect(one('article:author')).toBe(s.story.author);
      expect(one('og:description')).toBe(`“${s.story.quote}” — ${s.story.quoteAuthor}`);
      expect(document.querySelector('h1')?.textContent).toBe(s.story.headline);
      expect(document.querySelectorAll('meta[http-equiv="refresh"]').length).toBe(0);
      // The raw bytes never contain the markup unescaped.
      expect(text).not.toContain('<script');
      expect(text).not.toContain('</title><');
    }
    const res = await call(`/s/${s.slug}`);
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
  });

  it('stays well under 50 KB even for maximal stories of escaped characters', async () => {
    const s = await createStory({
      headline: '"&<>'.repeat(75),
      quote: `'"&<>`.repeat(120),
      quoteAuthor: '&'.repeat(120),
    });
    const { text } = await page(s.slug);
    expect(new TextEncoder().encode(text).byteLength).toBeLessThan(50_000);
  });

  it('moves to the new card address after a PUT; the old address still resolves', async () => {
    const s = await createStory();
    const put = await api(`/${s.id}`, 'PUT', { ...s.story, headline: 'Changed' });
    const after = (await put.json()) as StoryBody;
    const { one } = await page(s.slug);
    expect(one('og:image')).toBe(after.cardUrl);
    expect(one('og:image')).not.toBe(s.cardUrl);
  });

  it('recomputes the card address on view, so a template or font update moves pages to new addresses', async () => {
    const s = await createStory();
    // As if the story had been written under an older template version: a stale stored address.
    await env.DB.prepare('UPDATE stories SET card_hash = ? WHERE id = ?').bind('0'.repeat(20), s.id).run();
    const { one } = await page(s.slug);
    expect(one('og:image')).toBe(s.cardUrl);
    const row = await env.DB.prepare('SELECT card_hash FROM stories WHERE id = ?')
      .bind(s.id)
      .first<{ card_hash: string }>();
    expect(s.cardUrl).toContain(`/cards/${row?.card_hash}/`);
    const registered = await env.DB.prepare('SELECT story_id FROM cards WHERE hash = ?').bind(row?.card_hash).first();
    expect(registered).toEqual({ story_id: s.id });
  });

  it('answers an unknown slug with a real 404 HTML page', async () => {
    const res = await call('/s/no-such-story', { headers: { 'User-Agent': BROWSER } });
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const { document } = parseHTML(await res.text());
    expect(document.querySelector('h1')?.textContent).toBe('Story not found');
    expect(document.querySelectorAll('meta[property="og:image"]').length).toBe(0);
  });
});

describe('slugs in the headline’s own script', () => {
  const cases = [
    ['ja', '東京都、新たな気候対策を発表', '東京都-新たな気候対策を発表'],
    ['hi', 'भारत ने नई अंतरिक्ष योजना की घोषणा की', 'भारत-ने-नई-अंतरिक्ष-योजना-की-घोषणा-की'],
    ['ar', 'الحكومة تعلن خطة جديدة للنقل العام', 'الحكومة-تعلن-خطة-جديدة-للنقل-العام'],
    ['th', 'รัฐบาลประกาศแผนใหม่', 'รัฐบาลประกาศแผนใหม่'],
  ] as const;

  it.each(cases)(
    '%s: the slug keeps the words, the share URL is percent-encoded and answers',
    async (lang, headline, words) => {
      const s = await createStory({ headline, lang, url: `https://news.example.com/${lang}/${crypto.randomUUID()}` });
      expect(s.slug).toMatch(new RegExp(`^${words}-[a-z2-9]{6}$`));
      expect(s.shareUrl).toBe(`https://cards.example.com/s/${encodeURIComponent(s.slug)}`);
      const { res, one } = await page(encodeURIComponent(s.slug));
      expect(res.status).toBe(200);
      expect(one('og:url')).toBe(s.shareUrl);
      expect(one('og:title')).toBe(headline);
    },
  );

  it('another spelling of the words (an older slug, decomposed or re-typed) is a 301 to the story’s share URL', async () => {
    const s = await createStory({
      headline: 'Café ouvert à Genève',
      url: `https://news.example.com/${crypto.randomUUID()}`,
    });
    expect(s.slug).toMatch(/^café-ouvert-à-genève-[a-z2-9]{6}$/);
    const suffix = s.slug.slice(-6);
    // The same slug, decomposed (as a macOS clipboard may give it): the same story, no redirect needed.
    expect((await page(encodeURIComponent(s.slug.normalize('NFD')))).res.status).toBe(200);
    for (const other of [`cafe-ouvert-a-geneve-${suffix}`, `anything-else-${suffix}`]) {
      const moved = await call(`/s/${other}?utm_source=x`, {
        headers: { 'User-Agent': TWITTERBOT },
        redirect: 'manual',
      });
      expect(moved.status, other).toBe(301);
      expect(moved.headers.get('Location')).toBe(`${s.shareUrl}?utm_source=x`);
    }
    expect((await page(`cafe-ouvert-a-geneve-zzzzzz`)).res.status).toBe(404);
  });

  it('a story stored before, under a transliterated slug, keeps answering there; its new-style slug redirects to it', async () => {
    const headline = '東京都、2030年の排出半減を発表';
    const s = await createStory({ headline, url: `https://news.example.com/${crypto.randomUUID()}` });
    const suffix = s.slug.slice(-6);
    const old = `2030-${suffix}`; // what the transliterating slugger made of this headline
    await env.DB.prepare('UPDATE stories SET slug = ? WHERE id = ?').bind(old, s.id).run();
    const before = await page(old);
    expect(before.res.status).toBe(200);
    expect(before.one('og:url')).toBe(`https://cards.example.com/s/${old}`);
    const moved = await call(`/s/${encodeURIComponent(s.slug)}`, {
      headers: { 'User-Agent': TWITTERBOT },
      redirect: 'manual',
    });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('Location')).toBe(`https://cards.example.com/s/${old}`);
  });
});
