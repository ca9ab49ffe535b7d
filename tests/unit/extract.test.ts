// Extraction: the seed article, every quotation style, metadata precedence, language guessing and bad input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StorycardError } from '../../src/errors.ts';
import { extractStory } from '../../src/intake/extract.ts';

const seed = readFileSync('tests/fixtures/articles/en-seed-altman-twitter.txt', 'utf8');

/** A scraped article around one paragraph: headline twice, furniture after. */
const article = (headline: string, paragraph: string, filler = 'The decision follows months of debate.') =>
  `${headline}\n${headline}\n\n${filler}\n\n${paragraph}\n\n${filler}\n\nShare this article\nRead More`;

function errorOf(fn: () => unknown): StorycardError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StorycardError) return e;
    throw e;
  }
  throw new Error('expected a StorycardError');
}

describe('the seed article', () => {
  it('finds the repeated headline, Altman’s quote and his full name, and drops the comment widget', () => {
    const story = extractStory({ text: seed, url: 'https://example.com/tech/altman' });
    expect(story).toMatchObject({
      headline: 'Sam Altman Rejects Elon Musk’s $97.4 Billion OpenAI Buyout, Jokes About Buying Twitter Instead',
      quote: 'No thank you, but we will buy Twitter for $9.74 billion if you want.',
      quoteAuthor: 'Sam Altman',
      url: 'https://example.com/tech/altman',
      lang: 'en',
    });
  });
});

describe('quotation styles', () => {
  const cases: [string, string, string, string][] = [
    [
      'straight double',
      '"We will appeal this ruling all the way to the top," said Maria Lopez.',
      'We will appeal this ruling all the way to the top',
      'Maria Lopez',
    ],
    [
      'curly double',
      '“We will appeal this ruling all the way to the top,” Maria Lopez said.',
      'We will appeal this ruling all the way to the top',
      'Maria Lopez',
    ],
    [
      'straight single',
      "'We will appeal this ruling all the way to the top,' said Maria Lopez.",
      'We will appeal this ruling all the way to the top',
      'Maria Lopez',
    ],
    [
      'curly single with apostrophes',
      '‘We won’t stop until the court hears us,’ said Maria Lopez.',
      'We won’t stop until the court hears us',
      'Maria Lopez',
    ],
    [
      'German „…“',
      '„Wir werden gegen das Urteil bis zur letzten Instanz vorgehen“, sagte Anna Schmidt.',
      'Wir werden gegen das Urteil bis zur letzten Instanz vorgehen',
      'Anna Schmidt',
    ],
    [
      'German » … «',
      '»Wir werden gegen das Urteil bis zur letzten Instanz vorgehen«, so Anna Schmidt.',
      'Wir werden gegen das Urteil bis zur letzten Instanz vorgehen',
      'Anna Schmidt',
    ],
    [
      'French « … »',
      '« Nous ferons appel de cette décision jusqu’au bout », a déclaré Claire Martin.',
      'Nous ferons appel de cette décision jusqu’au bout',
      'Claire Martin',
    ],
    [
      'Japanese 「…」',
      '田中太郎社長は「この判決には最後まで争う考えだ」と述べた。',
      'この判決には最後まで争う考えだ',
      '田中太郎',
    ],
    [
      'Japanese 『…』',
      '山田花子氏は『私たちは決してあきらめない』と語った。',
      '私たちは決してあきらめない',
      '山田花子',
    ],
    [
      'Chinese “…”',
      '公司发言人王明表示：“我们将坚决上诉，直到最高法院作出裁决。”',
      '我们将坚决上诉，直到最高法院作出裁决。',
      '王明',
    ],
    [
      'Arabic «…»',
      'وقال المحامي أحمد سالم: «سنستأنف هذا الحكم حتى أعلى درجة في القضاء»',
      'سنستأنف هذا الحكم حتى أعلى درجة في القضاء',
      'أحمد سالم',
    ],
  ];
  for (const [style, paragraph, quote, author] of cases) {
    it(`reads ${style} quotes and their speaker`, () => {
      const story = extractStory({
        text: article('Court Rejects Appeal in Long-Running Land Dispute Case', paragraph),
      });
      expect(story.quote).toBe(quote);
      expect(story.quoteAuthor).toBe(author);
    });
  }

  it('reads a <blockquote> and its <cite>', () => {
    const html = `<html><head><title>Court Rejects Appeal in Long-Running Land Dispute Case</title></head><body><article>
      <p>The court ruled on Monday after a hearing that lasted two days and drew a large crowd outside.</p>
      <blockquote><p>We will appeal this ruling all the way to the top, whatever it costs us.</p><cite>Maria Lopez, lawyer</cite></blockquote>
      <p>The ruling can be appealed within thirty days, according to the court's clerk.</p></article></body></html>`;
    const story = extractStory({ html });
    expect(story.quote).toBe('We will appeal this ruling all the way to the top, whatever it costs us.');
    expect(story.quoteAuthor).toBe('Maria Lopez');
  });
});

describe('the quote rule', () => {
  it('returns no quote when the article only has scare quotes and titles', () => {
    const story = extractStory({
      text: article(
        'Lawmakers Pass Budget After Overnight Session',
        'Critics called the plan a "band-aid", and the bill, known as the "Fiscal Responsibility Act", now goes to the governor.',
      ),
    });
    expect(story.quote).toBeUndefined();
    expect(story.quoteAuthor).toBeUndefined();
  });

  it('prefers a quote attributed to a named speaker over an unattributed one', () => {
    const story = extractStory({
      text: article(
        'Lawmakers Pass Budget After Overnight Session',
        'A sign outside read "The budget is late again this year, as usual." Inside, "This budget protects every school in the state," said Senator Ruth Adams.',
      ),
    });
    expect(story.quote).toBe('This budget protects every school in the state');
    expect(story.quoteAuthor).toBe('Ruth Adams');
  });

  it('resolves "he said" to the person named before the quote', () => {
    const story = extractStory({
      text: article(
        'Veteran Keeper Retires After 20 Seasons',
        'Goalkeeper Peter Novak announced his retirement on Sunday. "I gave this club everything I had and it gave me back even more," he said.',
      ),
    });
    expect(story.quoteAuthor).toBe('Peter Novak');
  });

  it('never returns the headline itself as the quote', () => {
    const headline = 'We Will Not Back Down From This Fight Says Union Leader';
    const story = extractStory({
      text: `${headline}\n\n"${headline}"\n\nThe union met on Monday to discuss the offer.`,
    });
    expect(story.headline).toBe(headline);
    expect(story.quote).toBeUndefined();
  });
});

describe('headline from scraped text', () => {
  it('skips the site name, menus, bylines and datelines above the headline', () => {
    const text =
      'The Harbor Ledger\nNews | Sports | Business\nSubscribe\nCity Opens Its First Floating Public Swimming Pool\nBy Ana Ruiz\nMarch 3, 2025\n\nThe pool opened on Saturday.';
    const story = extractStory({ text });
    expect(story.headline).toBe('City Opens Its First Floating Public Swimming Pool');
    expect(story.author).toBe('Ana Ruiz');
    expect(story.publishedAt).toBe('2025-03-03');
  });
});

describe('HTML metadata', () => {
  const page = (
    head: string,
    body = '<h1>Body Heading From the Page Itself</h1><p>Some text of the article body goes here for readers.</p>',
  ) => `<!doctype html><html lang="fr-CA"><head>${head}</head><body><article>${body}</article></body></html>`;

  it('prefers JSON-LD over og:title over <h1> over <title>, and strips the site from the title', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD, the newsroom’s headline"}</script>';
    const og = '<meta property="og:title" content="From Open Graph, the social headline">';
    const title = '<title>From the title element of this page | Example Times</title>';
    expect(extractStory({ html: page(ld + og + title) }).headline).toBe('From JSON-LD, the newsroom’s headline');
    expect(extractStory({ html: page(og + title) }).headline).toBe('From Open Graph, the social headline');
    expect(extractStory({ html: page(title) }).headline).toBe('Body Heading From the Page Itself');
    expect(extractStory({ html: page(title, '<p>No heading here, just a paragraph of text.</p>') }).headline).toBe(
      'From the title element of this page',
    );
  });

  it('reads site name, canonical URL (resolved against --url), author, date, image and <html lang>', () => {
    const head = `<title>A Headline About Something | Example Times</title>
      <meta property="og:site_name" content="Example Times"><link rel="canonical" href="/news/a-headline">
      <meta name="author" content="Jo Winter"><meta property="article:published_time" content="2025-02-10T09:00:00Z">
      <meta property="og:image" content="/img/card.jpg">`;
    const story = extractStory({ html: page(head), url: 'https://example.com/news/a-headline?utm_source=x' });
    expect(story).toMatchObject({
      siteName: 'Example Times',
      url: 'https://example.com/news/a-headline',
      author: 'Jo Winter',
      publishedAt: '2025-02-10T09:00:00Z',
      imageUrl: 'https://example.com/img/card.jpg',
      lang: 'fr-CA',
    });
  });

  it('leaves out metadata the Story cannot hold instead of failing the extraction', () => {
    const authors = Array.from({ length: 12 }, (_, i) => ({ '@type': 'Person', name: `Reporter Number${i}` }));
    const head = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Twelve Reporters Wrote This One', author: authors })}</script>
      <meta property="og:site_name" content="${'Very Long Site Name '.repeat(10)}">`;
    const story = extractStory({ html: page(head) });
    expect(story.headline).toBe('Twelve Reporters Wrote This One');
    expect(story.author).toBeUndefined();
    expect(story.siteName).toBeUndefined();
    expect(story.lang).toBe('fr-CA');
  });

  it('survives broken JSON-LD and still uses the other metadata', () => {
    const head =
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="og:title" content="Still Found From Open Graph">';
    expect(extractStory({ html: page(head) }).headline).toBe('Still Found From Open Graph');
  });

  it('treats HTML pasted as text as HTML, whole pages and fragments', () => {
    const story = extractStory({ text: page('<meta property="og:title" content="Pasted Page Source Headline">') });
    expect(story.headline).toBe('Pasted Page Source Headline');
    const fragment = extractStory({
      text: '<article><h1>A Fragment Has Its Own Heading</h1><p>Some body text.</p></article>',
    });
    expect(fragment.headline).toBe('A Fragment Has Its Own Heading');
  });
});

describe('language guessing', () => {
  const cases: [string, string][] = [
    [
      'en',
      'The city council voted on Tuesday to expand the bus network and to lower fares for students and pensioners.',
    ],
    [
      'de',
      'Der Stadtrat hat am Dienstag beschlossen, das Busnetz auszubauen und die Fahrpreise für Schüler und Rentner zu senken.',
    ],
    [
      'fr',
      'Le conseil municipal a voté mardi pour étendre le réseau de bus et baisser les tarifs pour les étudiants et les retraités.',
    ],
    [
      'es',
      'El ayuntamiento votó el martes a favor de ampliar la red de autobuses y bajar las tarifas para estudiantes y jubilados.',
    ],
    [
      'it',
      'Il consiglio comunale ha votato martedì per ampliare la rete degli autobus e ridurre le tariffe per studenti e pensionati.',
    ],
    [
      'pt',
      'A câmara municipal votou na terça-feira para ampliar a rede de ônibus e reduzir as tarifas para estudantes e aposentados.',
    ],
    ['ja', '市議会は火曜日、バス路線網を拡大し、学生と年金受給者の運賃を引き下げることを決めた。'],
    ['zh', '市议会周二投票决定扩大公交网络，并降低学生和退休人员的票价。'],
    ['ar', 'صوت مجلس المدينة يوم الثلاثاء على توسيع شبكة الحافلات وخفض الأسعار للطلاب والمتقاعدين.'],
  ];
  for (const [lang, body] of cases) {
    it(`guesses ${lang} when the input does not say`, () => {
      expect(extractStory({ text: `Headline for the language test number one\n\n${body}` }).lang).toBe(lang);
    });
  }
});

describe('bad input', () => {
  it('rejects missing, empty and whitespace-only articles with invalid_request', () => {
    expect(errorOf(() => extractStory({})).message).toMatch(/expected `text` or `html`/);
    const empty = errorOf(() => extractStory({ text: '' }));
    expect(empty.code).toBe('invalid_request');
    expect(empty.message).toMatch(/received an empty string/);
    expect(errorOf(() => extractStory({ html: ' \n\t ' })).message).toMatch(/^html: .*only whitespace/);
  });

  it('rejects binary data', () => {
    const e = errorOf(() => extractStory({ text: 'PNG\u0000\u0001\u0002IHDR\u0000\u0000' }));
    expect(e.code).toBe('invalid_request');
    expect(e.message).toMatch(/binary/);
  });

  it('rejects more than 2 MB with payload_too_large (413)', () => {
    const e = errorOf(() => extractStory({ text: `Big Headline Here Today\n\n${'word '.repeat(500_000)}` }));
    expect(e.code).toBe('payload_too_large');
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/at most 2097152 bytes/);
  });

  it('rejects a url that is not http(s)', () => {
    expect(errorOf(() => extractStory({ text: seed, url: 'javascript:alert(1)' })).message).toMatch(
      /^url: expected an absolute http/,
    );
  });

  it('reads tag soup nested thousands of <div>s deep, and refuses nesting it cannot flatten', () => {
    const soup = `<title>Deeply Nested Page Still Has a Headline</title>${'<div>'.repeat(5000)}<p>Body text.</p>`;
    expect(extractStory({ html: soup }).headline).toBe('Deeply Nested Page Still Has a Headline');
    const e = errorOf(() =>
      extractStory({ html: `<title>Too Deep To Read At All</title>${'<blockquote>'.repeat(5000)}` }),
    );
    expect(e.code).toBe('invalid_request');
    expect(e.message).toMatch(
      /^html: expected an article page nested at most 400 elements deep, received one nested 5000 deep$/,
    );
  });

  it('says so when no headline can be found', () => {
    const e = errorOf(() => extractStory({ text: 'ok.' }));
    expect(e.code).toBe('invalid_request');
    expect(e.message).toMatch(/expected an article with a headline/);
    expect(errorOf(() => extractStory({ html: '<html><body><div></div></body></html>' })).code).toBe('invalid_request');
  });
});
