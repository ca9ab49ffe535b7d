// Korean and Japanese role words (issue 20): a role with its particle ("대통령은", "首相は") is not a name, a role
// next to a name in the article gives the name, and a clause-opening time word ("이날", this day) is nobody.
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';
import { scoreQuotes } from '../../src/intake/quotes.ts';
import { readText } from '../../src/intake/text.ts';

/** A scraped article: headline twice, the paragraphs, furniture after. */
const article = (headline: string, ...paragraphs: string[]) =>
  `${headline}\n${headline}\n\n${paragraphs.join('\n\n')}\n\nShare this article`;
const extract = (text: string) => extractStory({ text });
/** The speaker found for the candidate quote that contains `words`. */
const speakerOf = (text: string, words: string) => {
  const a = readText(text);
  return scoreQuotes(a.blocks, a.headline, 'ja').find((q) => q.text.includes(words))?.author;
};
const KO_QUOTE =
  '대통령은 이날 기자들과 만나 "반도체는 우리 경제의 심장이며 정부가 모든 지원을 아끼지 않겠다"고 말했다.';
const JA_QUOTE = '首相は会談後、記者団に「物価上昇を上回る賃上げを実現してほしい」と述べた。';

describe('Korean roles', () => {
  it('"이날" (this day) opening the clause is never the speaker', () => {
    const s = extract(article('반도체 지원 확대 약속', '정부는 7일 반도체 산업 지원 방안을 발표했다.', KO_QUOTE));
    expect(s.quote).toContain('반도체는 우리 경제의 심장');
    expect(s.quoteAuthor).toBeUndefined();
  });

  it('"대통령은" is whoever the article called 대통령 ("윤석열 대통령은 …"), at low confidence', () => {
    const s = extract(
      article(
        '윤석열 대통령, 반도체 지원 확대 약속',
        '윤석열 대통령은 7일 경기도 평택의 반도체 공장을 방문했다.',
        KO_QUOTE,
      ),
    );
    expect(s.quoteAuthor).toBe('윤석열');
    expect(s.speakerConfidence).toBe('low');
  });

  it('a role after an organisation ("이창양 산업통상자원부 장관") gives the name to "장관은"', () => {
    const s = extract(
      article(
        '산업부 장관, 수출 회복 자신',
        '이창양 산업통상자원부 장관은 8일 수출입 동향을 점검했다.',
        '장관은 "하반기에는 수출이 반드시 플러스로 돌아설 것"이라고 강조했다.',
      ),
    );
    expect(s.quote).toContain('하반기에는 수출이');
    expect(s.quoteAuthor).toBe('이창양');
  });
});

describe('Japanese roles', () => {
  it('"首相は" is whoever the article called 首相 ("岸田文雄首相")', () => {
    const s = extract(article('岸田首相、賃上げ要請', '岸田文雄首相は１０日、経済団体の代表と会談した。', JA_QUOTE));
    expect(s.quote).toContain('物価上昇を上回る賃上げ');
    expect(s.quoteAuthor).toBe('岸田文雄');
    expect(s.speakerConfidence).toBe('low');
  });

  it('"首相は" with no 首相 named anywhere stays without a speaker', () => {
    const s = extract(article('賃上げ要請', '政府は１０日、経済団体の代表と会談した。', JA_QUOTE));
    expect(s.quote).toContain('物価上昇を上回る賃上げ');
    expect(s.quoteAuthor).toBeUndefined();
  });
});

describe('Japanese subjects that are not people', () => {
  it('a phrase with kana ("書体を紹介する動画は", "まわりには") is not a name', () => {
    const video = article(
      '有名フォントがデジタル時代に生まれ変わった',
      'この書体を紹介する動画は「Helveticaは水のようだ」というナレーションで始まる。',
    );
    expect(speakerOf(video, 'Helveticaは水のようだ')).toBeUndefined();
    const around = article('紛失の可能性', 'まわりには「今年は行くよ」と話す学生もいた。');
    expect(speakerOf(around, '今年は行くよ')).toBeUndefined();
  });

  it('a bare kanji subject is a person only when the article titles it or gives an age (与田祐希（19）)', () => {
    const text = article(
      '与田祐希、写真集の未収録カット公開',
      '人気アイドルグループの与田祐希（19）の写真集から、未収録のカットが公開された。',
      '与田はこのショットについて「普段の私の家での感じがとても出ていると思います」と紹介した。',
    );
    expect(speakerOf(text, '普段の私の家での感じ')).toBe('与田');
    const increase = article('減税の効果', '所得の増加が「所得税減税とは矛盾しない」と強調した。');
    expect(speakerOf(increase, '所得税減税とは')).toBeUndefined();
  });
});
