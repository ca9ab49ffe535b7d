// Share-page slugs in the headline's own script: letters with their marks and digits, NFC, a cap in characters.
import { describe, expect, it } from 'vitest';
import { makeSlug, SLUG_BASE_MAX, SUFFIX, sharePath } from '../../src/story/slug.ts';

const S = 'k3x9qp';
const base = (slug: string) => slug.slice(0, -(S.length + 1));

describe('makeSlug', () => {
  it('keeps Japanese, Hindi, Arabic and Thai headlines readable in their own script', () => {
    expect(makeSlug('東京都、新たな気候対策を発表', S)).toBe(`東京都-新たな気候対策を発表-${S}`);
    // Devanagari vowel signs and viramas are marks: dropping them would leave consonants nobody can read.
    expect(makeSlug('भारत ने 2028 तक नई अंतरिक्ष योजना की घोषणा की', S)).toBe(
      `भारत-ने-2028-तक-नई-अंतरिक्ष-योजना-की-घोषणा-की-${S}`,
    );
    expect(makeSlug('الحكومة تعلن خطة جديدة للنقل العام', S)).toBe(`الحكومة-تعلن-خطة-جديدة-للنقل-العام-${S}`);
    expect(makeSlug('รัฐบาลประกาศแผนใหม่', S)).toBe(`รัฐบาลประกาศแผนใหม่-${S}`);
  });

  it('keeps Latin headlines as before: lower case, words joined, apostrophes inside words dropped', () => {
    expect(makeSlug("Sam Altman rejects Elon Musk's $97.4 billion bid", S)).toBe(
      `sam-altman-rejects-elon-musks-97-4-billion-bid-${S}`,
    );
    expect(makeSlug('Zürich & Genève: élection', S)).toBe(`zürich-genève-élection-${S}`);
    expect(makeSlug('!!! ???', S)).toBe(S);
  });

  it('is NFC: a decomposed headline gives the same slug as a composed one', () => {
    expect(makeSlug('Cafe\u0301 ouvert', S)).toBe(makeSlug('Café ouvert', S));
    expect(makeSlug('Cafe\u0301 ouvert', S)).toBe(`café-ouvert-${S}`);
  });

  it('caps the words at 60 characters, at a word boundary in scripts without spaces, never splitting a letter', () => {
    const thai = makeSlug('รัฐบาลประกาศแผนพัฒนาระบบขนส่งสาธารณะใหม่ในกรุงเทพมหานครเพื่อลดปัญหาการจราจรติดขัดอย่างยั่งยืน', S);
    expect([...base(thai)].length).toBeLessThanOrEqual(SLUG_BASE_MAX);
    expect([...base(thai)].length).toBeGreaterThan(SLUG_BASE_MAX / 2);
    // Cut where Thai words end (the segmenter's boundary), so no tone mark or vowel sign is left dangling.
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(base(thai))].map((w) => w.segment);
    expect(words.join('')).toBe(base(thai));
    expect(base(thai)).not.toMatch(/\p{M}$/u);
    const hindi = makeSlug('भारत ने '.repeat(20), S);
    expect([...base(hindi)].length).toBeLessThanOrEqual(SLUG_BASE_MAX);
    expect(base(hindi)).toMatch(/भारत$|ने$/);
    const english = makeSlug('word '.repeat(30), S);
    expect(base(english)).toMatch(/^(word-)+word$/);
  });

  it('ends in the suffix that alone tells stories apart, and travels percent-encoded', () => {
    const slug = makeSlug('東京都、新たな気候対策を発表', S);
    expect(SUFFIX.exec(slug)?.[1]).toBe(S);
    expect(sharePath(slug)).toBe(`/s/${encodeURIComponent(slug)}`);
    expect(sharePath(slug)).toMatch(/^\/s\/[A-Za-z0-9%_.!~*'()-]+$/);
    expect(decodeURIComponent(sharePath(slug))).toBe(`/s/${slug}`);
  });
});
