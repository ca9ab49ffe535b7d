import { describe, expect, it } from 'vitest';
import { StorycardError } from '../../src/errors.ts';
import { createStory, parseStory } from '../../src/story/schema.ts';

describe('parseStory', () => {
  it('normalises whitespace and zero-width characters, and treats a blank quote as none', () => {
    const story = parseStory({ headline: '  Rates\u200B  rise\n again ', quote: '   ', extra: 'ignored' });
    expect(story).toEqual({ headline: 'Rates rise again' });
  });

  it('collapses every kind of whitespace the runtime knows, alone or in runs, and leaves single spaces as they are', () => {
    // Every code point JavaScript's \s matches, plus NEL (U+0085): asked of the runtime, so a Unicode update that adds
    // a space character is checked too.
    const spaces: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (/\s/.test(c) || cp === 0x85) spaces.push(c);
    }
    expect(spaces.length).toBeGreaterThan(20);
    for (const c of spaces) {
      const name = `U+${c.charCodeAt(0).toString(16)}`;
      // U+FEFF is dropped as an invisible character; every other one is a space between the words.
      expect(parseStory({ headline: `Rates${c}rise` }).headline, name).toBe(
        c === '\uFEFF' ? 'Ratesrise' : 'Rates rise',
      );
      expect(parseStory({ headline: `Rates ${c} rise` }).headline, name).toBe('Rates rise');
    }
    expect(parseStory({ headline: 'Rates rise again' }).headline).toBe('Rates rise again');
  });

  it('keeps the zero-width characters that are spelling: ZWNJ in Persian and Telugu, ZWSP between Khmer words', () => {
    expect(parseStory({ headline: 'می\u200Cخواهم' }).headline).toBe('می\u200Cخواهم');
    expect(parseStory({ headline: 'హైదరాబాద్\u200Cలో' }).headline).toBe('హైదరాబాద్\u200Cలో');
    expect(parseStory({ headline: 'រដ្ឋាភិបាល\u200Bប្រកាស' }).headline).toBe('រដ្ឋាភិបាល\u200Bប្រកាស');
    // …and drops them where they are paste junk: in Latin text, at a word's edge.
    expect(parseStory({ headline: 'Ra\u200Ctes \u200Brise\u200B' }).headline).toBe('Rates rise');
    expect(parseStory({ headline: 'រដ្ឋាភិបាល\u200B ប្រកាស' }).headline).toBe('រដ្ឋាភិបាល ប្រកាស');
  });

  it('keeps the zero-width joiner that emoji sequences need', () => {
    expect(parseStory({ headline: 'Coders 👩‍💻' }).headline).toBe('Coders 👩‍💻');
  });

  it('accepts a headline of exactly 300 characters and rejects 301, naming field, expectation and input', () => {
    expect(createStory({ headline: 'x'.repeat(300) }).headline).toHaveLength(300);
    try {
      parseStory({ headline: 'x'.repeat(301) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StorycardError);
      const err = e as StorycardError;
      expect(err.code).toBe('invalid_story');
      expect(err.issues?.[0]).toMatchObject({ path: 'headline', expected: 'at most 300 characters' });
      expect(err.issues?.[0]?.received).toContain('301 characters');
    }
  });

  it('reports every bad field at once', () => {
    const err = (() => {
      try {
        parseStory({ headline: '', quote: 5, url: 'ftp://x', lang: '???', publishedAt: 'yesterday' });
      } catch (e) {
        return e as StorycardError;
      }
    })();
    expect(err?.issues?.map((i) => i.path)).toEqual(['headline', 'quote', 'url', 'publishedAt', 'lang']);
    expect(err?.message).toContain(
      'url: expected an absolute http(s) URL, received "ftp://x" (7 characters) (a ftp: URL)',
    );
  });

  it('rejects a non-object', () => {
    expect(() => parseStory(null)).toThrow('expected a JSON object, received null');
  });
});
