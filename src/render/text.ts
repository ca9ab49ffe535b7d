// Text helpers for layout: writing direction and graphemes (breaks.ts decides where lines may break).

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_CHAR = /[\p{L}]/u;

/** Direction of a paragraph from its first strong character (the Unicode bidi rule P2/P3, simplified). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) {
    if (STRONG_CHAR.test(ch)) return RTL_CHAR.test(ch) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}
