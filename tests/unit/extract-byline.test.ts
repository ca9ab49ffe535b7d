// Bylines: people only — no dates, read times, outlets, agencies or editors; several authors comma-joined.
import { describe, expect, it } from 'vitest';
import { bylineNames } from '../../src/intake/byline.ts';
import { extractStory } from '../../src/intake/extract.ts';

const site = { site: ['cbcnews', 'cbc', 'reuters'] };
const page = (head: string, byline = '', lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><title>Council votes to rebuild the harbour wall</title>${head}</head><body><article><h1>Council votes to rebuild the harbour wall</h1>${byline}<p>The council voted on Tuesday to rebuild the harbour wall that the January storm broke in two places.</p><p>Work starts in May and should take a year, the council said after the vote on Tuesday.</p></article><aside class="related"><ul><li><a href="/other">Another story</a> <span class="byline">By Someone Else</span></li></ul></aside></body></html>`;
const author = (html: string) => extractStory({ html }).author;

describe('byline cleaning', () => {
  it('drops dates, times, read times, outlet names and separators', () => {
    expect(
      bylineNames('Pete Evans · CBC News · Posted: Oct 14, 2022 9:27 AM ET | Last Updated: 24 minutes ago', site),
    ).toEqual(['Pete Evans']);
    expect(bylineNames('By Howard Schneider, Lindsay Dunsmuir5 Min Read', site)).toEqual([
      'Howard Schneider',
      'Lindsay Dunsmuir',
    ]);
    expect(bylineNames('Dana Whitfield | Published 4 May 2026, 6:02 AM ET | 4 Min Read', site)).toEqual([
      'Dana Whitfield',
    ]);
    expect(bylineNames('15.05.2020, 07:11\n | Lesedauer: 8 Minuten\n Melanie Wassink', site)).toEqual([
      'Melanie Wassink',
    ]);
    expect(bylineNames('by Lucas Nolan22 Dec 2016651', site)).toEqual(['Lucas Nolan']);
    expect(bylineNames('Über Luis Holuch 257 Artikel', site)).toEqual(['Luis Holuch']);
    expect(bylineNames('Cécile Ducourtieux(Bruxelles, bureau européen)', site)).toEqual(['Cécile Ducourtieux']);
    expect(bylineNames('By ROBERT BURNS, AP National Security Writer', site)).toEqual(['Robert Burns']);
    expect(bylineNames('谢若含2017-03-01 14:27:02 74', site)).toEqual(['谢若含']);
    // Round 3 (tuned newspaper pages): a button glued to the byline, an author box's links.
    expect(bylineNames('Print Ari Wasserman, Northeast Ohio Media Group', site)).toEqual(['Ari Wasserman']);
    expect(bylineNames('Print | Email | Darcie Moran | dmoran@mlive.com', site)).toEqual(['Darcie Moran']);
    expect(bylineNames('See All Articles', site)).toEqual([]);
  });

  it('keeps several authors, in order, joined however the page joins them', () => {
    expect(bylineNames('Martin Untersinger (avec Damien Leloup et Morgane Tual)', site)).toEqual([
      'Martin Untersinger',
      'Damien Leloup',
      'Morgane Tual',
    ]);
    expect(bylineNames('Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR', site)).toEqual([
      'Volkmar Kabisch',
      'Jan Lukas Strozyk',
      'Benedikt Strunz',
    ]);
  });

  it('names no person when the byline is an outlet, an agency, a newsroom or a photo credit', () => {
    for (const outlet of [
      'BBC News',
      'Reuters',
      'Mac & i',
      'Our Foreign Staff',
      'Redaktion Polizeiticker Schweiz',
      'anónimo',
      'lefigaro.fr',
      'Фото из Инстаграма Лукаша Подольски',
      '日本経済新聞社',
    ])
      expect(bylineNames(outlet, site), outlet).toEqual([]);
  });
});

describe('where the byline comes from', () => {
  it('JSON-LD people first; an organisation author is not a person', () => {
    const ld = (author: object) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Council votes to rebuild the harbour wall', author })}</script>`;
    expect(
      author(
        page(
          ld([
            { '@type': 'Person', name: 'Stella Kim' },
            { '@type': 'Person', name: 'Jennifer Jett' },
          ]),
        ),
      ),
    ).toBe('Stella Kim, Jennifer Jett');
    expect(
      author(
        page(
          ld({ '@type': 'Organization', name: 'Sky' }),
          '<div class="sdc-article-author__name"><a href="/author/tom">Tom Gillespie</a></div>',
        ),
      ),
    ).toBe('Tom Gillespie');
  });

  it('JSON-LD authors given by @id reference, the CMS author <meta> names, and no editors', () => {
    const graph = `<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Council votes to rebuild the harbour wall","author":{"@id":"https://h.example/#/schema/person/1"}},{"@type":"Person","@id":"https://h.example/#/schema/person/1","name":"Luis Holuch"}]}</script>`;
    expect(author(page(graph))).toBe('Luis Holuch');
    expect(author(page('<meta name="byl" content="By Maggie Haberman and Mark Landler">'))).toBe(
      'Maggie Haberman, Mark Landler',
    );
    expect(bylineNames('Reporting by Jill Serjeant; Editing by Sandra Maler', site)).toEqual(['Jill Serjeant']);
  });

  it('the article’s byline element, not a related story’s; an agency byline keeps Readability from guessing', () => {
    expect(
      author(page('', '<p class="byline">By <a rel="author" href="/author/jo">Jo Winter</a>, Harbour Desk</p>')),
    ).toBe('Jo Winter');
    expect(author(page('', '<span class="author" itemprop="author">AFP</span>'))).toBeUndefined();
    // The only byline on the page is a related story's (in the <aside>).
    expect(author(page(''))).toBeUndefined();
  });

  it('a byline line in the body, in several conventions', () => {
    const body = (line: string, lang = 'en') => page('', `<p>${line}</p>`, lang);
    expect(author(body('Von Volkmar Kabisch und Benedikt Strunz, NDR', 'de'))).toBe('Volkmar Kabisch, Benedikt Strunz');
    expect(author(body('05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde', 'pt'))).toBe('Clarissa Borba');
    expect(author(body('최윤호 기자 uknow@donga.com', 'ko'))).toBe('최윤호');
    expect(author(body('【ロンドン＝岡田浩幸】１０日に行われた試合で勝った。', 'ja'))).toBe('岡田浩幸');
  });

  it('an editor is not an author', () => {
    const html = page('<meta name="author" content="肖春芳">', '<p>责任编辑：肖春芳</p>', 'zh');
    expect(author(html)).toBeUndefined();
  });

  it('in scraped text: labelled lines, "NAME | Published …", "NAME 기자", and several authors', () => {
    const text = (line: string) =>
      `Freight line cuts Baltic route as fuel costs climb\n${line}\n\nNordhavn Lines will suspend its weekly container service between Gdansk and Helsinki from April, the company said.`;
    expect(extractStory({ text: text('By Tom Ashby and Priya Raman') }).author).toBe('Tom Ashby, Priya Raman');
    expect(extractStory({ text: text('Dana Whitfield | Published 4 May 2026, 6:02 AM ET | 4 Min Read') }).author).toBe(
      'Dana Whitfield',
    );
    expect(extractStory({ text: text('Текст: Ирина Волкова') }).author).toBe('Ирина Волкова');
  });

  // Issue 20 round 2, from tuned pages (Chicago Tribune, Ritzau, Arya, Correio Braziliense, a Bulgarian editor).
  it('adjacent elements read as one run are split where a long lower-case run meets a capital', () => {
    expect(bylineNames('Joe DavidsonWashington PostDec', site)).toEqual(['Joe Davidson']);
    // McDonald and FitzGerald are not glued runs.
    expect(bylineNames('By Ian McDonald and Mary FitzGerald', site)).toEqual(['Ian McDonald', 'Mary FitzGerald']);
  });

  it('Nordic "Af"/"Av" is "By", and Ritzau, NTB are agencies', () => {
    expect(bylineNames('Af Ritzau', site)).toEqual([]);
    expect(bylineNames('Av NTB', site)).toEqual([]);
    expect(bylineNames('Af Mette Frederiksen', site)).toEqual(['Mette Frederiksen']);
  });

  it('a group is not a person', () => {
    expect(bylineNames('Arya Group', site)).toEqual([]);
  });

  it('an author <meta> wrapped in quotation marks keeps both names', () => {
    expect(bylineNames("'Luana Patriolino, Raphael Felice'", site)).toEqual(['Luana Patriolino', 'Raphael Felice']);
  });

  it('a name labelled Редактор (editor) is not an author', () => {
    const bg = '<p class="editor">Редактор: <span class="byline">Елин Димитров</span></p>';
    expect(author(page('', bg, 'bg'))).toBeUndefined();
  });
});
