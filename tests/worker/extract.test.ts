// Extraction inside workerd: linkedom, Readability, franc-min and Intl.Segmenter all work without Node or a DOM.
import { expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';
import seed from '../fixtures/articles/en-seed-altman-twitter.txt?raw';

const PAGE = `<!doctype html><html><head>
<meta property="og:title" content="Berlin öffnet den Flughafen Tegel als Wohnviertel">
<meta property="og:site_name" content="Hauptstadt-Kurier">
<link rel="canonical" href="https://kurier.example/berlin/tegel-wohnviertel">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-04-01","author":{"@type":"Person","name":"Lena Brandt"}}</script>
</head><body><header><nav>Start | Berlin | Politik</nav></header><article>
<h1>Berlin öffnet den Flughafen Tegel als Wohnviertel</h1>
<p>Auf dem Gelände des früheren Flughafens Tegel sollen bis 2035 mehr als 5000 Wohnungen entstehen. Der Senat hat die Pläne am Dienstag beschlossen.</p>
<p>Die ersten Mieter sollen 2028 einziehen. Ein Drittel der Wohnungen wird mit öffentlichen Mitteln gefördert.</p>
<blockquote><p>Wo früher Flugzeuge starteten, werden bald Kinder auf dem Weg zur Schule sein.</p><footer>— Kai Wegner, Regierender Bürgermeister</footer></blockquote>
<p>Kritiker bemängeln, dass die Mieten trotz Förderung für viele Berliner zu hoch seien.</p>
</article></body></html>`;

it('extracts a story from an HTML page inside workerd', () => {
  expect(typeof navigator !== 'undefined' && navigator.userAgent).toBe('Cloudflare-Workers');
  expect(extractStory({ html: PAGE })).toEqual({
    headline: 'Berlin öffnet den Flughafen Tegel als Wohnviertel',
    quote: 'Wo früher Flugzeuge starteten, werden bald Kinder auf dem Weg zur Schule sein.',
    quoteAuthor: 'Kai Wegner',
    quoteConfidence: 'high',
    speakerConfidence: 'high',
    siteName: 'Hauptstadt-Kurier',
    url: 'https://kurier.example/berlin/tegel-wohnviertel',
    author: 'Lena Brandt',
    publishedAt: '2025-04-01',
    lang: 'de',
  });
});

it('gives the seed article the same answer in workerd as in Node', () => {
  expect(extractStory({ text: seed })).toMatchObject({
    quote: 'No thank you, but we will buy Twitter for $9.74 billion if you want.',
    quoteAuthor: 'Sam Altman',
    lang: 'en',
  });
});
