// Feed documents → stories: RSS 2.0, Atom and JSON Feed samples read into the same Story shape, quotes included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedText } from '../../src/intake/feed-parse.ts';
import { itemToStory } from '../../src/intake/feed-story.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const storiesOf = (name: string, feedUrl = 'https://gazette.example/feed') => {
  const doc = parseFeedText(fixture(name));
  return doc.items.map((i) => itemToStory(i, doc, feedUrl));
};

describe('RSS 2.0', () => {
  it('makes a story per item: title, clean link, quote from content:encoded, author, date, media:content image', () => {
    const [bridge, market] = storiesOf('rss.xml');
    expect(bridge).toEqual({
      headline: 'Harbour bridge reopens after two years of repairs',
      quote: 'We kept our promise, and the bridge is safer than it has ever been',
      quoteAuthor: 'Anna Berg',
      url: 'https://gazette.example/news/bridge-reopens',
      siteName: 'Harbour Gazette',
      author: 'Maria Olsen',
      publishedAt: '2025-11-04T08:30:00.000Z',
      imageUrl: 'https://gazette.example/img/bridge.jpg',
      lang: 'en',
      // Extracted from the item's content: the speaker stands on a speech verb next to a person's name.
      quoteConfidence: 'high',
      speakerConfidence: 'high',
    });
    // No quote in a one-line teaser; the image comes from an image enclosure.
    expect(market).toMatchObject({ headline: 'Fish market moves to the old customs house', quote: undefined });
    expect(market?.imageUrl).toBe('https://gazette.example/img/market.jpg');
  });

  it('reads "email (Name)" authors, entity-escaped titles and relative links', () => {
    const doc = parseFeedText(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>Cats &amp;amp; dogs: &lt;b&gt;a truce&lt;/b&gt;</title><link>/news/truce</link>
      <author>desk@paper.example (Jo Park)</author></item></channel></rss>`);
    expect(itemToStory(doc.items[0]!, doc, 'https://paper.example/rss.xml')).toMatchObject({
      headline: 'Cats & dogs: a truce',
      url: 'https://paper.example/news/truce',
      author: 'Jo Park',
    });
  });

  it('skips items that cannot be stories: no title, or no http(s) link', () => {
    const doc = parseFeedText(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><link>https://paper.example/a</link></item>
      <item><title>No link at all</title></item>
      <item><title>Mail link</title><link>mailto:desk@paper.example</link></item></channel></rss>`);
    expect(doc.items.map((i) => itemToStory(i, doc, 'https://paper.example/rss'))).toEqual([null, null, null]);
  });
});

describe('Atom', () => {
  it('uses the alternate link without its fragment, the French quote in « », and the feed language', () => {
    const [pont, marche] = storiesOf('atom.xml', 'https://journal.example/atom.xml');
    expect(pont).toEqual({
      headline: 'Le pont du port rouvre après deux ans de travaux',
      quote: 'Nous avons tenu notre promesse, et le pont est plus sûr que jamais',
      quoteAuthor: 'Anne Berger',
      url: 'https://journal.example/articles/pont-rouvre',
      siteName: 'Le Journal du Port',
      author: 'Claire Dubois',
      publishedAt: '2025-11-04T07:30:00.000Z',
      lang: 'fr',
      quoteConfidence: 'high',
      speakerConfidence: 'high',
    });
    // An entry with only <updated> is dated by it.
    expect(marche).toMatchObject({
      url: 'https://journal.example/articles/marche',
      publishedAt: '2025-11-03T16:00:00.000Z',
    });
  });
});

describe('JSON Feed', () => {
  it('reads content_html quotes, authors[], image, and strips fbclid from the url', () => {
    const [ferry, lighthouse] = storiesOf('feed.json');
    expect(ferry).toMatchObject({
      headline: 'Winter ferry timetable starts on Sunday',
      quote: 'Fewer boats in winter means fewer empty boats',
      quoteAuthor: 'Jonas Lind',
      url: 'https://gazette.example/news/ferry-timetable',
      author: 'Per Holm',
      imageUrl: 'https://gazette.example/img/ferry.jpg',
      publishedAt: '2025-11-02T10:00:00.000Z',
    });
    expect(lighthouse).toMatchObject({ headline: 'Lighthouse open to visitors again', quote: undefined });
  });
});

describe('documents that are not feeds', () => {
  it.each([
    ['truncated XML', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Half a ti'],
    ['an HTML page', '<!doctype html><html><body><p>Not a feed</p></body></html>'],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": ['],
    ['plain text', 'Service temporarily unavailable'],
  ])('%s is a FeedParseError that says what was expected', (_name, body) => {
    expect(() => parseFeedText(body)).toThrow(FeedParseError);
    expect(() => parseFeedText(body)).toThrow(/expected an RSS, Atom or JSON Feed document/);
  });
});

it('does not expand entity definitions (a "billion laughs" feed stays small)', () => {
  const levels = Array.from({ length: 8 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  const doc = parseFeedText(
    `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">${levels}]><rss version="2.0"><channel><title>T</title><item><title>&l8;</title><link>https://a.example/x</link></item></channel></rss>`,
  );
  expect(doc.items[0]?.title?.length ?? 0).toBeLessThan(100);
});
