// Headline arbitration: the page's own candidates vote; branding, section lines and site names never win.
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';

const body =
  '<p>The council voted on Tuesday to rebuild the harbour wall that the January storm broke in two places.</p><p>Work starts in May and should take a year, the council said after the vote.</p>';
const page = (head: string, top = '', lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head>${head}</head><body>${top}<article>${body}</article></body></html>`;
const headline = (html: string, url?: string) => extractStory({ html, url }).headline;

describe('headline arbitration', () => {
  it('never takes a logo <h1> (an <svg> title, a link home, a hidden site name) over the page title', () => {
    const title = '<title>Council votes to rebuild the harbour wall - POLITICO</title>';
    const svgLogo = '<header><h1><a href="/">POLITICO <svg><title>Politico Logo</title></svg></a></h1></header>';
    expect(headline(page(title, svgLogo), 'https://www.politico.com/story/x')).toBe(
      'Council votes to rebuild the harbour wall',
    );
    const home = '<a href="/"><h1>엔터 미디어</h1></a>';
    expect(headline(page('<title>항구 방파제 재건 결정 - Entermedia</title>', home))).toBe('항구 방파제 재건 결정');
    const hidden = '<h1 class="hidden">好奇心日报</h1>';
    expect(headline(page('<title>这个约会软件，想用相似好恶来帮你找对象_智能_好奇心日报</title>', hidden))).toBe(
      '这个约会软件，想用相似好恶来帮你找对象',
    );
  });

  it('an og:title cut at an unescaped quotation mark votes for the whole headline it begins (UOL)', () => {
    // content="Gabriel Diniz, do hit "Jenifer", morre…" — the attribute ends at the second mark.
    const head =
      '<title>Gabriel Diniz, do hit "Jenifer", morre em acidente de avião em Sergipe - 27/05/2019 - UOL Entretenimento</title>' +
      '<meta property="og:title" content="Gabriel Diniz, do hit " jenifer", morre em acidente de avião sergipe">';
    const h1 = '<h1><span><i>Gabriel Diniz, do hit "Jenifer", morre em acidente de avião em Sergipe</i></span></h1>';
    expect(headline(page(head, h1, 'pt'), 'https://entretenimento.uol.com.br/x')).toBe(
      'Gabriel Diniz, do hit "Jenifer", morre em acidente de avião em Sergipe',
    );
  });

  it('does not take a section or date line, or the section <h1>, when a real headline exists', () => {
    const section = '<h1 class="header__sectionName">Brasília</h1>';
    const og = '<meta property="og:title" content="Militares enviaram 88 questões ao TSE sobre eleições">';
    expect(headline(page(og, section, 'pt'))).toBe('Militares enviaram 88 questões ao TSE sobre eleições');
    const text = `Il Giornale del Brenta\nCronaca | 21 giugno 2026\nAllagamenti a Bassano, il sindaco chiude il ponte vecchio\ndi Marta Zanin\n\nDopo due giorni di pioggia il Brenta ha superato il livello di guardia nella notte.\n\nIl ponte resterà chiuso almeno fino a martedì, hanno detto i tecnici.`;
    expect(extractStory({ text }).headline).toBe('Allagamenti a Bassano, il sindaco chiude il ponte vecchio');
  });

  it('strips site names and sections after any separator, keeping dashes and colons that belong to the headline', () => {
    expect(headline(page('<title>海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网</title>'))).toBe(
      '海外留学生看两会：出国前后关注点大不同',
    );
    expect(headline(page('<title>メディア芸術祭賞、「チコちゃんに叱られる！」が受賞：朝日新聞デジタル</title>'))).toBe(
      'メディア芸術祭賞、「チコちゃんに叱られる！」が受賞',
    );
    const wday = '<title>53-летняя модель рассказала, чего боится: новости, фото 2018 — www.wday.ru</title>';
    expect(headline(page(wday, '', 'ru'))).toBe('53-летняя модель рассказала, чего боится');
    // " - " inside a headline is not a separator unless what follows names the site.
    const studen = '<title>Studen BE - A6 nach tödlichem Unfall für mehrere Stunden gesperrt</title>';
    expect(headline(page(studen, '', 'de'))).toBe('Studen BE - A6 nach tödlichem Unfall für mehrere Stunden gesperrt');
    expect(headline(page('<title>Zimbabwe coup: Mugabe insists he finishes his term</title>'))).toBe(
      'Zimbabwe coup: Mugabe insists he finishes his term',
    );
  });

  it('lets sources that agree outvote one that adds a credit or an author line', () => {
    const og = '<meta property="og:title" content="米朝首脳直通電話 習氏に挑むトランプ戦術の成否（写真＝ロイター）">';
    const h1 = '<h1>米朝首脳直通電話 習氏に挑むトランプ戦術の成否 編集委員 中沢克二</h1>';
    expect(headline(page(og, h1, 'ja'))).toBe('米朝首脳直通電話 習氏に挑むトランプ戦術の成否');
  });

  it('a social title cut short with an ellipsis votes for the full headline it begins', () => {
    const og = '<meta property="og:title" content="Council votes to rebuild the harbour wall…">';
    const h1 = '<h1>Council votes to rebuild the harbour wall the storm broke</h1>';
    expect(headline(page(og, h1))).toBe('Council votes to rebuild the harbour wall the storm broke');
  });

  it('reads ruby text without its readings', () => {
    const h1 = '<h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律ができる</h1>';
    expect(headline(page('', h1, 'ja'))).toBe('子どもへの体罰を禁止する法律ができる');
  });

  it('decodes entities that a CMS left in JSON-LD', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Investigador asegura: &quot;El 90% está en manos de autoridades&quot;"}</script>';
    expect(headline(page(ld, '', 'es'))).toBe('Investigador asegura: "El 90% está en manos de autoridades"');
  });

  it('lets <h1>, og:title and JSON-LD that agree win over a <title> that says something else (Kommersant)', () => {
    // Kommersant's <title> is a search-engine title; the three article sources agree on the headline.
    const agreed = 'Центробанк сохранил ключевую ставку на прежнем уровне';
    const head = `<title>Банк России оставил ставку 16%: решение совета директоров — Коммерсантъ</title><meta property="og:title" content="${agreed}"><meta property="og:site_name" content="Коммерсантъ"><script type="application/ld+json">{"@type":"NewsArticle","headline":"${agreed}","publisher":{"@type":"Organization","name":"Коммерсантъ"}}</script>`;
    expect(headline(page(head, `<h1>${agreed}</h1>`, 'ru'), 'https://www.kommersant.ru/doc/1')).toBe(agreed);
  });

  it('never returns the common beginning of two headlines that differ (AP)', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"The presidential campaigns brace for a sprint to Election Day"}</script>';
    const h1 = '<h1>The presidential campaigns brace for an intense sprint to Election Day</h1>';
    const got = headline(page(ld, h1), 'https://apnews.com/article/x');
    expect(got).not.toBe('The presidential campaigns brace for a');
    expect([
      'The presidential campaigns brace for a sprint to Election Day',
      'The presidential campaigns brace for an intense sprint to Election Day',
    ]).toContain(got);
  });

  it('keeps a subtitle after a dash or a colon when it does not name the site (Aftonbladet, NTV)', () => {
    const afton =
      '<title>Vädjar efter attackerna – ”kritiskt” | Aftonbladet</title><meta property="og:site_name" content="Aftonbladet">';
    expect(headline(page(afton, '', 'sv'), 'https://www.aftonbladet.se/nyheter/a/x')).toBe(
      'Vädjar efter attackerna – ”kritiskt”',
    );
    const ntv =
      '<title>Пожар на складе в Подмосковье: эвакуированы 200 человек - НТВ</title><meta property="og:site_name" content="НТВ">';
    expect(headline(page(ntv, '', 'ru'), 'https://www.ntv.ru/novosti/1/')).toBe(
      'Пожар на складе в Подмосковье: эвакуированы 200 человек',
    );
  });
});
