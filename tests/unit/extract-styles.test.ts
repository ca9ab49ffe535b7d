// Issue 20: quotation styles of the languages we claim (excerpts of the real pages in tests/fixtures/pages), and what
// looks like a quotation but is not one (embedded posts, comments, hypotheticals, slogans, titles of works).
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';

const article = (headline: string, ...paragraphs: string[]) =>
  `${headline}\n${headline}\n\n${paragraphs.join('\n\n')}\n\nShare this article`;
const page = (headline: string, body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><title>${headline}</title></head><body><article><h1>${headline}</h1>${body}</article></body></html>`;

describe('quotation styles', () => {
  const cases: [string, string, string[], string, string][] = [
    [
      'Polish dialogue dashes closed by a dash ("– … – mówi X")',
      'Tusk ujawni kulisy rozmów o rządzie',
      [
        'Dzień po wyborach w mediach zaczął się festiwal spekulacji o nowym rządzie.',
        '– Rozmowy idą świetnie, jesteśmy przygotowani do stworzenia rządu – mówi Donald Tusk, lider Platformy.',
      ],
      'Rozmowy idą świetnie, jesteśmy przygotowani do stworzenia rządu',
      'Donald Tusk',
    ],
    [
      'Finnish dialogue dash handed over by a comma ("– …, Partonen sanoo")',
      'Leudot talvet tekevät meistä väsyneempiä',
      [
        'Tutkimusprofessori Timo Partonen on tutkinut, miten kaamosoireet vaikuttavat terveyteen.',
        '– Talvella unesta tulee katkonaisempaa ja kevyempää. Liikumme vähemmän ja syömme enemmän, Partonen sanoo.',
      ],
      'Talvella unesta tulee katkonaisempaa ja kevyempää. Liikumme vähemmän ja syömme enemmän',
      'Timo Partonen',
    ],
    [
      'Norwegian dialogue dash with the verb before the name ("– …, sier Pål Bjerketvedt, generalsekretær")',
      'TINE Fotballskole viktig for barneidretten gjennom pandemien',
      [
        'Nærmere 55 000 barn har deltatt på over 350 fotballskoler rundt om i hele Norge.',
        '– Barneidretten er enormt viktig for både samhold og fysisk aktivitet, sier Pål Bjerketvedt, generalsekretær i NFF.',
      ],
      'Barneidretten er enormt viktig for både samhold og fysisk aktivitet',
      'Pål Bjerketvedt',
    ],
    [
      'Swedish and Finnish ”…”',
      'Regeringen presenterar ny budget',
      [
        'Finansministern presenterade på tisdagen regeringens budget för nästa år.',
        '”Vi har gjort allt vi kunnat för att hålla kostnaderna nere för hushållen”, säger Elisabeth Svantesson.',
      ],
      'Vi har gjort allt vi kunnat för att hålla kostnaderna nere för hushållen',
      'Elisabeth Svantesson',
    ],
    [
      'Danish »…«',
      'Regeringen indgår aftale om forsvaret',
      [
        'Partierne bag forsvarsforliget blev enige natten til torsdag.',
        '»Vi er meget tilfredse med resultatet af forhandlingerne, og det er en god dag for Danmark«, siger Mette Frederiksen.',
      ],
      'Vi er meget tilfredse med resultatet af forhandlingerne, og det er en god dag for Danmark',
      'Mette Frederiksen',
    ],
  ];
  for (const [name, headline, paragraphs, quote, speaker] of cases)
    it(name, () => {
      const s = extractStory({ text: article(headline, ...paragraphs) });
      expect(s.quote).toBe(quote);
      expect(s.quoteAuthor).toBe(speaker);
    });

  it('a Danish page declared lang="da" stays Danish (not Swedish)', () => {
    const html = page(
      'Forstærket håb om erstatning løfter Norwegian-aktie',
      '<p>Det pressede norske luftfartsselskab Norwegian har fået en flyvende start på året, hvor selskabets aktie er steget med omkring seks procent i værdi efter en times handel.</p><p>Noget kunne tyde på, at den gode start på det nye årti ikke skyldes noget, Norwegian selv har gjort.</p>',
      'da',
    );
    expect(extractStory({ html }).lang).toBe('da');
  });
});

describe('not quotations', () => {
  it('an embedded tweet (blockquote.twitter-tweet, pic.twitter.com) is not the key quote', () => {
    const html = page(
      'Teen singer shot dead in Recife',
      '<p>The 15-year-old former contestant was shot on Thursday in a shop in the metropolitan region of Recife.</p>' +
        '<blockquote class="twitter-tweet"><p>Pernambuco está terrível, houve crescimento em homicídios. Muita força para a família. pic.twitter.com/bFxWWVKVFu</p>&mdash; Felipe Neto (@felipeneto) <a href="https://twitter.com/x/status/1">May 1, 2020</a></blockquote>' +
        '<p>Police said the investigation was continuing.</p>',
    );
    expect(extractStory({ html }).quote).toBeUndefined();
  });

  it('a tweet flattened into the text ("— Elon Musk (@elonmusk) March 16, 2020") is not a quote either', () => {
    const html = page(
      'How a rumour becomes real',
      '<p>Some false claims were pushed to the front of the stage by prominent accounts.</p>' +
        '<blockquote><p>Maybe worth considering chloroquine for C19 https://t.co/LEYob7Jofr — Elon Musk (@elonmusk) March 16, 2020</p></blockquote>' +
        '<p>The claim spread within hours.</p>',
    );
    expect(extractStory({ html }).quote).toBeUndefined();
  });

  it('a reader comment in the comment section is not the article’s quote', () => {
    const html = page(
      'Council approves the harbour plan',
      '<p>The council approved the harbour plan on Monday after a debate that lasted four hours.</p>' +
        '<div id="comments"><p>“This is the worst decision this council has ever made and we will all pay for it,” wrote Peter Miller.</p></div>',
    );
    expect(extractStory({ html }).quote).toBeUndefined();
  });

  it('a hypothetical ("lawyers will only need to say: …") is not said by anyone', () => {
    const s = extractStory({
      text: article(
        'New rule makes appeals easier',
        'Under the new rule, the burden of proof moves to the agency.',
        'From next year, lawyers will only need to say: “My client was not informed of the decision in writing.”',
      ),
    });
    expect(s.quote).toBeUndefined();
  });

  it('a French hypothetical after the quote (« Tout va bien », pourrait commenter le Président) is not a quote', () => {
    const s = extractStory({
      text: article(
        'Deux ans et demi en Macronie',
        'Une condamnation, dix mises en examen et six enquêtes en cours.',
        '« Tout va bien et nous avançons dans la bonne direction », pourrait commenter le Président.',
      ),
    });
    expect(s.quote).toBeUndefined();
  });

  it('a title of a work in 《…》 is not a quote', () => {
    const s = extractStory({
      text: article(
        '电影上映后大受欢迎',
        '他主演的电影《流浪地球：人类最后的希望与未来的家园》上映后大受欢迎，票房突破四十亿元。',
        '该片由中国电影公司出品。',
      ),
    });
    expect(s.quote).toBeUndefined();
  });
});
