// Key quotes across languages and quotation styles, and what is not a key quote (titles, names, fragments).
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';

/** A scraped article around one paragraph: headline twice, furniture after. */
const article = (headline: string, paragraph: string, filler: string) =>
  `${headline}\n${headline}\n\n${filler}\n\n${paragraph}\n\n${filler}\n\nShare this article`;
const quoteOf = (text: string) => {
  const s = extractStory({ text });
  return { quote: s.quote, quoteAuthor: s.quoteAuthor };
};

describe('speech verbs and attribution in every language the renderer supports', () => {
  const cases: [string, string, string, string, string][] = [
    [
      'pt',
      'Técnico admite erro em visita',
      '"Em 2012 eu errei e não faria de novo", falou Tite ao programa.',
      'Em 2012 eu errei e não faria de novo',
      'Tite',
    ],
    [
      'ru',
      'В Казани запустят трамвай',
      '«Мы планируем запустить движение уже в сентябре», — заявила вице-мэр Казани Алина Сафина.',
      'Мы планируем запустить движение уже в сентябре',
      'Алина Сафина',
    ],
    [
      'nl',
      'Utrecht maakt een fietsstraat',
      '„We willen dat kinderen hier weer veilig fietsen", zei wethouder Lotte Jansen dinsdag.',
      'We willen dat kinderen hier weer veilig fietsen',
      'Lotte Jansen',
    ],
    [
      'he',
      'הכנסת אישרה את חוק הדיור',
      '"החוק הזה ייתן לאלפי משפחות קורת גג בתוך שנתיים", אמר שר השיכון יוסי כהן בדיון.',
      'החוק הזה ייתן לאלפי משפחות קורת גג בתוך שנתיים',
      'יוסי כהן',
    ],
    [
      'ko',
      '서울시 심야버스 늘린다',
      '오세진 서울시 교통실장은 "심야에 귀가하는 시민들의 안전을 위해 노선을 늘렸다"고 말했다.',
      '심야에 귀가하는 시민들의 안전을 위해 노선을 늘렸다',
      '오세진',
    ],
    [
      'es',
      'Listas de espera crecen',
      '“Ya no sé si me van a llamar, nadie me dice nada”, dice José Luis Vera, de 76 años.',
      'Ya no sé si me van a llamar, nadie me dice nada',
      'José Luis Vera',
    ],
  ];
  const fillers: Record<string, string> = {
    pt: 'A declaração foi feita nesta sexta-feira durante uma entrevista.',
    ru: 'Об этом сообщили в мэрии города во вторник.',
    nl: 'De gemeente maakte het besluit dinsdag bekend.',
    he: 'ההצבעה נערכה הלילה במליאת הכנסת.',
    ko: '서울시는 2일 이같이 밝혔다.',
    es: 'Los datos fueron publicados el martes por el ministerio.',
  };
  for (const [lang, headline, paragraph, quote, speaker] of cases) {
    it(`${lang}: ${paragraph.slice(0, 40)}…`, () => {
      expect(quoteOf(article(headline, paragraph, fillers[lang]!))).toEqual({ quote, quoteAuthor: speaker });
    });
  }
});

describe('quotation styles and markup', () => {
  const filler = 'The museum announced the decision on Monday morning.';
  it("reads single quotation marks and a described speaker the article named earlier ('…,' the director said)", () => {
    const text = `Museum returns carved panel after 90 years\nMuseum returns carved panel after 90 years\n\nThe museum's director, Ruth Okafor, travelled with the panel on the morning ferry.\n\n'It was never ours to keep, and returning it is the least we can do,' the director said.\n\n${filler}`;
    expect(quoteOf(text)).toEqual({
      quote: 'It was never ours to keep, and returning it is the least we can do',
      quoteAuthor: 'Ruth Okafor',
    });
  });

  it('reads a <q> element, whose quotation marks are only drawn by CSS', () => {
    const html = `<html><body><article><h1>Harbour town votes to rebuild storm-wrecked pier</h1>
      <p>Councillors voted unanimously on Thursday to rebuild the Victorian pier torn apart in January.</p>
      <p><q>The pier is the reason people come here, and the reason many of us stay</q>, Mayor Eleanor Kemp told the meeting.</p>
      <p>The town has raised £1.2 million of the £4 million cost so far.</p></article></body></html>`;
    expect(extractStory({ html })).toMatchObject({
      quote: 'The pier is the reason people come here, and the reason many of us stay',
      quoteAuthor: 'Eleanor Kemp',
    });
  });

  it('reads a quote inside <em>, and prefers it (attributed) over the same words in a pull quote', () => {
    const html = `<html><body><article><h1>Harbour town votes to rebuild storm-wrecked pier</h1>
      <p>Councillors voted unanimously on Thursday to rebuild the Victorian pier torn apart in January.</p>
      <aside class="pullquote"><p>The pier is the reason people come here</p></aside>
      <p>Mayor Eleanor Kemp said the vote was the easy part. <em>“The pier is the reason people come here, and the reason many of us stay,”</em> she told the meeting.</p>
      <p>The town has raised £1.2 million of the £4 million cost so far.</p></article></body></html>`;
    expect(extractStory({ html })).toMatchObject({
      quote: 'The pier is the reason people come here, and the reason many of us stay',
      quoteAuthor: 'Eleanor Kemp',
    });
  });

  it('reads a <blockquote> pull quote with its <cite>', () => {
    const html = `<html><body><article><h1>Bakery trains former prisoners to run their own shops</h1>
      <p>At 4 a.m. the ovens at Second Rise Bakery are already hot and six apprentices shape loaves.</p>
      <figure class="pull-quote"><blockquote><p>“Nobody hired me when I got out. So I built the place that would have.”</p></blockquote><figcaption>Marcus Bell, founder</figcaption></figure>
      <p>The apprenticeship lasts nine months and ends with a food safety certificate.</p></article></body></html>`;
    expect(extractStory({ html })).toMatchObject({
      quote: 'Nobody hired me when I got out. So I built the place that would have.',
      quoteAuthor: 'Marcus Bell',
    });
  });

  it('reads a quote that runs over two paragraphs (open mark, no close) with the attribution of its start', () => {
    const text = `Mourinho agrees deal to become Tottenham manager\nMourinho agrees deal to become Tottenham manager\n\nJose Mourinho has agreed a deal to replace Mauricio Pochettino.\n\nThe 56-year-old said after his appointment: "I am excited to be joining a club with such a great heritage.\n\n"The quality in both the squad and the academy excites me. Working with these players is what has attracted me."\n\nTottenham confirmed the appointment on Wednesday.`;
    expect(extractStory({ text }).quoteAuthor).toBe('Jose Mourinho');
  });
});

describe('what is not a key quote', () => {
  it('in Japanese, Chinese and Korean, a bracketed title or name without speech around it is not a quote', () => {
    const ja = article(
      'メディア芸術祭賞が決まる',
      '文化庁は１日、今年度のメディア芸術祭賞を発表した。エンターテインメント部門の大賞はＮＨＫのテレビ番組「チコちゃんに叱られる！」が受賞した。',
      '授賞式は６月に東京都内で開かれる。',
    );
    expect(extractStory({ text: ja }).quote).toBeUndefined();
    const zh = article(
      '新电脑可以利用记忆自学',
      '例如，它可以回答“从邦德街开始，沿着中央线坐一站，你会到达哪个站？”这样的问题。',
      '该公司在2014年被收购。',
    );
    expect(extractStory({ text: zh }).quote).toBeUndefined();
    const ko = article(
      '막장극 어울리는 남상미',
      "저작권자 ⓒ '대중문화컨텐츠 전문가그룹' 엔터미디어, 무단전재 및 재배포금지",
      '주말 밤 9시에 두 드라마가 방송된다.',
    );
    expect(extractStory({ text: ko }).quote).toBeUndefined();
  });

  it('but takes a bracketed quote with a speech verb, or a whole sentence standing as its own paragraph', () => {
    const ja = article(
      '首相が会見',
      '岸田首相は記者会見で「物価高への対策を最優先で進める」と述べた。',
      '会見は約30分続いた。',
    );
    expect(extractStory({ text: ja }).quote).toBe('物価高への対策を最優先で進める');
    const zh = article(
      '约会软件用好恶配对',
      '“在真实世界里，人们的交往其实并不是这样的，所以我们希望创造一个场所。”',
      '目前，该软件拥有31万注册用户。',
    );
    expect(extractStory({ text: zh }).quote).toBe(
      '在真实世界里，人们的交往其实并不是这样的，所以我们希望创造一个场所。',
    );
  });

  it('a fragment in mid-sentence is not a key quote, and titles and aliases are not either', () => {
    const text = article(
      'President admits gun laws are his biggest frustration',
      'In an interview, Mr Obama said it was “distressing not to have made progress on the issue” and that politics in this town meant there were few options.',
      'The interview was recorded at the White House on Thursday.',
    );
    expect(extractStory({ text }).quote).toBeUndefined();
    const alias = article(
      'Cae en Francia la jefa del aparato militar de ETA',
      "Lesaka sustituyó a Mikel Carrera Sarobe, alias 'Ata', y es conocida como 'La Literaria'.",
      'La operación se realizó en un hotel de Macon.',
    );
    expect(extractStory({ text: alias }).quote).toBeUndefined();
  });

  it('prefers the quote the headline echoes over another attributed one', () => {
    const text = `Student died after diet pills "burned her up from within"\nStudent died after diet pills "burned her up from within"\n\n“We are concerned over the origin and sale of these pills and are working with partner agencies,” said chief inspector Jennifer Mattinson.\n\n“She was literally burning up from within,” her mother, Fiona Parry, said in a statement.\n\nAn inquest has been adjourned until July.`;
    expect(quoteOf(text)).toEqual({ quote: 'She was literally burning up from within', quoteAuthor: 'Fiona Parry' });
  });
});
