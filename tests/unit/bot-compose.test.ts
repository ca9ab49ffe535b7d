// Post text composition: each platform's own way of counting, and what gives way when the story is too long.
import { describe, expect, it } from 'vitest';
import { altText, composeAll, composePost, hashtagsFrom, shortUrlForDisplay } from '../../src/bot/compose.ts';
import { graphemeCount, mastodonLength, xLength } from '../../src/bot/text-length.ts';
import { StorycardError } from '../../src/errors.ts';
import { createStory } from '../../src/story/schema.ts';

const LONG_URL = `https://news.example.com/2026/11/26/${'very-long-slug-'.repeat(12)}end?utm_source=feed&utm_medium=rss`;

describe('composePost', () => {
  it('posts the demo story unchanged on every platform, link whole', () => {
    const all = composeAll(createStory());
    expect(all.x.text).toBe(
      'Sam Altman Rejects Elon Musk’s $97.4 Billion OpenAI Buyout, Jokes About Buying Twitter Instead\n\n' +
        '“No thank you, but we will buy Twitter for $9.74 billion if you want.” — Sam Altman\n\n' +
        'https://example.com/tech/altman-rejects-musk-openai-bid\n#OpenAI #AI',
    );
    expect(all.mastodon.text).toContain('Tech Dispatch: https://example.com/tech/altman-rejects-musk-openai-bid');
    for (const p of Object.values(all)) {
      expect(p.truncated).toEqual([]);
      expect(p.dropped).toEqual([]);
      expect(p.length).toBeLessThanOrEqual(p.limit);
    }
    expect(all.x.length).toBe(xLength(all.x.text));
  });

  it('counts CJK as 2 on X: exactly 280 fits, one more character shortens the headline', () => {
    const template = '{headline}\n\n{url}';
    // 127 CJK characters (254) + "!" (1) + two newlines (2) + the link (23) = 280.
    const atLimit = createStory({ headline: `${'速'.repeat(127)}!`, quote: null, tags: [] });
    const fits = composePost(atLimit, 'x', { template });
    expect(fits).toMatchObject({ length: 280, truncated: [] });
    expect(fits.text).toBe(`${'速'.repeat(127)}!\n\n${atLimit.url}`);

    const over = composePost(createStory({ headline: `${'速'.repeat(127)}!!`, quote: null, tags: [] }), 'x', {
      template,
    });
    expect(over.truncated).toEqual(['headline']);
    expect(over.length).toBeLessThanOrEqual(280);
    expect(xLength(over.text)).toBe(over.length);
    expect(over.text.endsWith(`…\n\n${atLimit.url}`)).toBe(true);
  });

  it('shortens a CJK headline at a word boundary with an ellipsis, never cutting the long link', () => {
    const headline = '東京都は新しい気候変動対策を発表しました。'.repeat(14);
    const post = composePost(createStory({ headline, url: LONG_URL }), 'x');
    expect(post.length).toBeLessThanOrEqual(280);
    expect(post.text).toContain(LONG_URL);
    expect(post.dropped).toEqual(['hashtags', 'quote']);
    const cut = post.text.split('\n')[0]!;
    expect(cut.endsWith('…')).toBe(true);
    expect(headline.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it('counts an emoji sequence as one grapheme on Bluesky: exactly 300 fits', () => {
    const template = '{headline}\n{url}';
    const url = 'https://ex.com/a'; // shown as "ex.com/a": 8 graphemes
    const atLimit = composePost(createStory({ headline: '👩‍💻'.repeat(291), url, quote: null, tags: [] }), 'bluesky', {
      template,
    });
    expect(atLimit).toMatchObject({ length: 300, truncated: [] });
    expect(graphemeCount(atLimit.text)).toBe(300);
    expect(atLimit.text.length).toBeGreaterThan(1400); // UTF-16 length is no guide
  });

  it('weighs emoji 2 on X, so the same headline is cut there', () => {
    const post = composePost(createStory({ headline: `Launch day ${'🚀 '.repeat(140)}`.trim(), quote: null }), 'x');
    expect(post.truncated).toEqual(['headline']);
    expect(post.length).toBeLessThanOrEqual(280);
    expect(post.text).toMatch(/🚀…\n\n/);
  });

  it('shows a long link shortened on Bluesky (the facet carries it) and counts it as 23 on X and Mastodon', () => {
    const story = createStory({ url: LONG_URL });
    const all = composeAll(story);
    expect(all.bluesky.link).toEqual({ url: LONG_URL, display: 'news.example.com/2026/11/26/v...' });
    expect(all.bluesky.text).toContain('news.example.com/2026/11/26/v...');
    expect(all.x.text).toContain(LONG_URL);
    expect(all.mastodon.text).toContain(LONG_URL);
    expect(mastodonLength(LONG_URL)).toBe(23);
    expect(xLength(LONG_URL)).toBe(23);
  });

  it('drops hashtags before touching the quote, and the quote before cutting the headline', () => {
    const base = {
      headline: 'Council approves the new tram line after a decade of debate',
      tags: ['transport', 'city council', 'trams'],
    };
    const roomy = composePost(createStory({ ...base, quote: 'q '.repeat(80).trim() }), 'x');
    expect(roomy).toMatchObject({ dropped: ['hashtags'], truncated: [] });
    expect(roomy.text).toContain('#transport');
    expect(roomy.text).not.toContain('#Trams');

    const longer = composePost(createStory({ ...base, quote: 'q '.repeat(100).trim() }), 'x');
    expect(longer).toMatchObject({ dropped: ['hashtags'], truncated: ['quote'] });
    expect(longer.text).toContain(base.headline);
    expect(longer.text).toMatch(/q…” — Sam Altman/);

    const tight = composePost(
      createStory({
        ...base,
        headline: `${base.headline} ${'and more '.repeat(24)}`.trim(),
        quote: 'We waited long enough for this tram and now it is finally coming to our part of town',
      }),
      'x',
    );
    expect(tight.dropped).toEqual(['hashtags', 'quote']);
    expect(tight.truncated).toEqual(['headline']);
    expect(tight.text).not.toContain('“');
  });

  it('leaves no dangling separator when an optional field is missing', () => {
    const post = composePost(createStory({ siteName: null, quote: null, tags: [] }), 'mastodon');
    expect(post.text).toBe(
      'Sam Altman Rejects Elon Musk’s $97.4 Billion OpenAI Buyout, Jokes About Buying Twitter Instead\n\nhttps://example.com/tech/altman-rejects-musk-openai-bid',
    );
  });

  it('refuses a template with an unknown placeholder or without the link, naming the problem', () => {
    expect(() => composePost(createStory(), 'x', { template: '{headline} {author} {url}' })).toThrow(
      /template: expected only \{headline\}, \{quote\}, \{url\}, \{siteName\}, \{hashtags\}, received \{author\}/,
    );
    expect(() => composePost(createStory(), 'x', { template: '{headline}' })).toThrow(StorycardError);
  });

  it('needs the story url to post, and says so', () => {
    expect(() => composePost(createStory({ url: null }), 'bluesky')).toThrow(/url: expected an absolute http\(s\) URL/);
  });
});

describe('helpers', () => {
  it('turns tags into valid, unique hashtags', () => {
    expect(hashtagsFrom(['climate change', 'AI', 'ai', '2026', 'São Paulo', '#already'])).toEqual([
      '#ClimateChange',
      '#AI',
      '#SãoPaulo',
      '#already',
    ]);
  });

  it('shortens links for display like the Bluesky app', () => {
    expect(shortUrlForDisplay('https://example.com/')).toBe('example.com');
    expect(shortUrlForDisplay('https://example.com/short')).toBe('example.com/short');
  });

  it('writes alt text from the headline and the quote', () => {
    expect(altText(createStory())).toBe(
      'Sam Altman Rejects Elon Musk’s $97.4 Billion OpenAI Buyout, Jokes About Buying Twitter Instead. “No thank you, but we will buy Twitter for $9.74 billion if you want.” — Sam Altman',
    );
  });
});
