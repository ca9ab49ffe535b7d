// Bounded and safe: hostile HTML is cut down before any DOM sees it, and JSON-LD is read with a depth limit.
import { describe, expect, it } from 'vitest';
import { MAX_RUN, MAX_TAGS, MAX_TEXT, prepareHtml } from '../../src/intake/budget.ts';
import { extractStory } from '../../src/intake/extract.ts';
import { MAX_DEPTH, readJsonLd } from '../../src/intake/jsonld.ts';
import { namesIn } from '../../src/intake/names.ts';
import { candidates, MAX_CANDIDATES } from '../../src/intake/quote-candidates.ts';

const head = '<html><head><title>Council votes to rebuild the harbour wall</title></head><body>';
const MB2 = 2 * 1024 * 1024 - 4096;

describe('the work budget before parsing', () => {
  it('cuts comments, scripts, styles, svg and ruby readings, keeping JSON-LD text aside', () => {
    const p = prepareHtml(
      `${head}<!-- a comment --><script>var x = "<p>not text</p>";</script><style>p{}</style><script type="application/ld+json">{"@type":"NewsArticle"}</script><h1>Logo<svg><title>Site Logo</title></svg></h1><p><ruby>子<rt>こ</rt></ruby>ども</p></body></html>`,
    );
    expect(p.html).toBe(`${head}<h1>Logo</h1><p><ruby>子</ruby>ども</p></body></html>`);
    expect(p.jsonLd).toEqual(['{"@type":"NewsArticle"}']);
    expect(p.truncated).toBe(false);
  });

  it('caps text runs, total text and tags, and stops at an unclosed comment as a browser would', () => {
    const entities = prepareHtml(`${head}<p>${'&amp;'.repeat(MB2 / 5)}</p>`);
    expect(entities.html.length).toBeLessThan(head.length + MAX_RUN + 20);
    const paragraphs = prepareHtml(`${head}${'<p>Short paragraph text.</p>'.repeat(MB2 / 26)}`);
    expect(paragraphs.truncated).toBe(true);
    expect((paragraphs.html.match(/</g) ?? []).length).toBeLessThanOrEqual(MAX_TAGS);
    const text = prepareHtml(`${head}${`<p>${'word '.repeat(3000)}</p>`.repeat(40)}`);
    expect(text.truncated).toBe(true);
    expect(text.html.replace(/<[^>]*>/g, '').length).toBeLessThanOrEqual(MAX_TEXT);
    expect(prepareHtml(`${head}<p>Before.</p><!--${'x'.repeat(1000)}<p>After.</p>`).html).toBe(`${head}<p>Before.</p>`);
  });

  it('finds where a script ends after text that lower-casing lengthens (a Turkish "İ" is two characters lower-cased)', () => {
    const cities = 'İstanbul İzmir İğdır İnegöl İskenderun İzmit İspir İvrindi İpsala İliç İkizce İmranlı';
    const page = `${head}<h1>${cities}</h1><script>var a = "<p>not text</p>";</script><p>Kept.</p><STYLE>p{}</STYLE><p>Kept too.</p></body></html>`;
    expect(prepareHtml(page).html).toBe(`${head}<h1>${cities}</h1><p>Kept.</p><p>Kept too.</p></body></html>`);
  });

  it('reads 2 MB of comment fragments and of entities as a page with a headline, not as text to parse', () => {
    for (const html of [`${head}<p>${'--><!--'.repeat(MB2 / 7)}</p>`, `${head}<p>${'a<!--b-->'.repeat(MB2 / 9)}</p>`])
      expect(extractStory({ html }).headline).toBe('Council votes to rebuild the harbour wall');
  });
});

describe('JSON-LD', () => {
  const deep = (n: number) => `{"@type":"NewsArticle","headline":"Deep","author":${'['.repeat(n)}"x"${']'.repeat(n)}}`;

  it('drops a block nested deeper than the limit and keeps the other blocks', () => {
    const ok =
      '{"@type":"NewsArticle","headline":"From the good block","author":{"@type":"Person","name":"Jo Winter"}}';
    expect(readJsonLd([deep(3000), ok])).toMatchObject({ headline: 'From the good block', authors: ['Jo Winter'] });
    expect(readJsonLd([deep(MAX_DEPTH + 1)])).toEqual({ authors: [], organisationAuthor: false });
    expect(readJsonLd([deep(MAX_DEPTH - 4)]).headline).toBe('Deep');
  });

  it('a page whose JSON-LD is nested 3,000 deep still extracts, from its other metadata', () => {
    const html = `${head.replace('<body>', `<script type="application/ld+json">${deep(3000)}</script><meta property="og:title" content="Council votes to rebuild the harbour wall"><body>`)}<p>The council voted on Tuesday to rebuild the harbour wall.</p></body></html>`;
    expect(extractStory({ html }).headline).toBe('Council votes to rebuild the harbour wall');
  });

  it('reads CDATA-wrapped and entity-escaped JSON-LD', () => {
    const ld = readJsonLd([
      '//<![CDATA[\n{"@type":"ReportageNewsArticle","headline":"&quot;Quoted&quot; headline","author":[{"@type":"Person","name":"Bruno Rodrigues"}]}\n//]]>',
    ]);
    expect(ld).toMatchObject({ headline: '"Quoted" headline', authors: ['Bruno Rodrigues'] });
  });
});

describe('names read once per text', () => {
  const body = 'Maria Lopez met Tom Baker in Leeds. Later, Baker and Lopez spoke with Ana Ruiz.';

  it('answers a text asked again as it answered it first, with a list of its own each time', () => {
    const first = namesIn(body);
    expect(first).toEqual(['Maria Lopez', 'Tom Baker', 'Leeds', 'Later', 'Baker', 'Lopez', 'Ana Ruiz']);
    first.push('Not A Name');
    first.length = 0;
    expect(namesIn(body)).toEqual(['Maria Lopez', 'Tom Baker', 'Leeds', 'Later', 'Baker', 'Lopez', 'Ana Ruiz']);
  });

  it('keeps each text its own answer while others are asked in between', () => {
    const want = namesIn(body);
    for (let i = 0; i < 12; i++) {
      const name = `${String.fromCharCode(65 + i)}ndrew Cole`;
      expect(namesIn(`The report by ${name} was read by the council.`)).toEqual([name]);
    }
    expect(namesIn(body)).toEqual(want);
  });
});

describe('the quotations weighed', () => {
  it(`at most ${MAX_CANDIDATES} (the most a saved real page has is 132): 2 MB of quotes cost ${MAX_CANDIDATES} attributions`, () => {
    const blocks = Array.from({ length: 400 }, (_, i) => ({
      text: `“Quote number ${i} has enough words in it,” said John Smith.`,
      kind: 'p' as const,
    }));
    const found = candidates(blocks);
    expect(found).toHaveLength(MAX_CANDIDATES);
    expect(MAX_CANDIDATES).toBeGreaterThanOrEqual(132);
    expect(found.at(-1)?.text).toContain(`Quote number ${MAX_CANDIDATES - 1} `);
  });
});
