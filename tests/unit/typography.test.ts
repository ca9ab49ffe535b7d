// Typography by language: a quote's own marks recognised in every style, and where each script may break.
import { jaModel, Parser } from 'budoux';
import { describe, expect, it } from 'vitest';
import { breakUnits } from '../../src/render/breaks.ts';
import { encloseQuote, languageMarks } from '../../src/render/marks.ts';

const drawn = (quote: string, lang?: string) => {
  const q = encloseQuote(quote, lang);
  return `${q.open}${q.inner}${q.close}`;
};

describe('quotation marks', () => {
  it.each([
    ['« Nous avons tenu bon »', 'fr'],
    ['«Es un día histórico»', 'es'],
    ['„Das ist ein guter Tag“', 'de'],
    ['„Dziękujemy”', 'pl'],
    ['“We acted decisively.”', 'en'],
    ['”Vi har vunnit”', 'sv'],
    ['»Det er godt«', 'da'],
    ['‹ C’est dit ›', 'fr'],
    ['「国民の安全を守る」', 'ja'],
    ['『大きな一歩』', 'ja'],
    ['"זהו צעד ראשון"', 'he'],
    ["'Not today'", 'en'],
    ['‘Not today’', 'en'],
  ])('keeps the quote’s own marks and adds none: %s', (quote, lang) => {
    const q = encloseQuote(quote, lang);
    expect(q.own).toBe(true);
    expect(drawn(quote, lang).replace(/\u00a0/g, ' ')).toBe(quote);
    // The words are apart from the marks, so a cut never drops the closing one.
    expect(q.inner).not.toMatch(/^[«„“”»‹「『"'‘]|[»“”«›」』"'’]$/u);
  });

  it('adds nothing to a quote that carries marks of its own but is not enclosed by them', () => {
    const q = '„Das ist ein guter Tag für den Klimaschutz“, sagte die Ministerin.';
    expect(drawn(q, 'de')).toBe(q);
    expect(drawn('“We will,” she said, “and soon”', 'en')).toBe('“We will,” she said, “and soon”');
  });

  it('adds the language’s marks when the quote has none', () => {
    expect(drawn('Nous avons tenu bon', 'fr')).toBe('«\u00a0Nous avons tenu bon\u00a0»');
    expect(drawn('Das ist gut', 'de-AT')).toBe('„Das ist gut“');
    expect(drawn('国民の安全', 'ja')).toBe('「国民の安全」');
    expect(drawn('这是关键转折', 'zh-TW')).toBe('「这是关键转折」');
    expect(drawn('稳中有进', 'zh-CN')).toBe('“稳中有进”');
    expect(drawn('نحن ملتزمون', 'ar')).toBe('«نحن ملتزمون»');
    expect(drawn('No thank you', undefined)).toBe('“No thank you”');
    expect(languageMarks('pt-BR')).toEqual({ open: '“', close: '”' });
  });

  it('treats a word’s apostrophe as a letter, not a mark', () => {
    expect(drawn('We won’t go back to the players’', 'en')).toBe('“We won’t go back to the players’”');
  });
});

describe('break units', () => {
  const texts = (t: string, lang?: string) => breakUnits(t, lang).map((u) => u.text);

  it('keeps Korean words whole: breaks only at spaces (keep-all)', () => {
    expect(texts('한국은행, 기준금리 3.5% 동결… 물가 안정 우선', 'ko')).toEqual([
      '한국은행,',
      '기준금리',
      '3.5%',
      '동결…',
      '물가',
      '안정',
      '우선',
    ]);
  });

  it('breaks Japanese between BudouX phrases, keeping closing punctuation with its phrase', () => {
    const text = '参院本会議、改正法案を全会一致で可決';
    const units = texts(text, 'ja');
    expect(units.join('')).toBe(text);
    const phrases = new Parser(jaModel).parse(text);
    // Every break is a BudouX boundary (kinsoku may only merge phrases, never split one).
    const ends = (parts: string[]) => parts.map((_, i) => parts.slice(0, i + 1).join('').length);
    const cuts = new Set(ends(phrases));
    for (const end of ends(units)) expect(cuts.has(end)).toBe(true);
    expect(units.join('|')).not.toContain('一|致'); // the break UAX #14 allowed: 全会一 / 致で
    expect(units).toContain('全会一致で'); // and no cut between kanji inside the compound
  });

  it('breaks Latin at spaces and after a dash between letters, never inside a word', () => {
    expect(texts('A well-known plan—then Zürich')).toEqual(['A', 'well-', 'known', 'plan—', 'then', 'Zürich']);
  });
});
