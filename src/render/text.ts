// Text helpers for layout: writing direction, graphemes and word-boundary truncation.

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
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * Cut points where a truncated text may end, in increasing order: after each word (so "…" follows a
 * whole word), falling back to grapheme boundaries inside a single unbroken token (a 100-character
 * URL has no word boundary to honour). Each cut excludes trailing spaces and punctuation that would
 * look odd before an ellipsis.
 */
export function truncationPoints(text: string): number[] {
  const points = new Set<number>();
  for (const seg of words.segment(text)) {
    if (seg.isWordLike) points.add(seg.index + seg.segment.length);
  }
  const sorted = [...points].sort((a, b) => a - b);
  // Long gaps between word ends (unbroken tokens, CJK runs without word segmentation): allow grapheme cuts.
  const result: number[] = [];
  let prev = 0;
  for (const p of sorted) {
    if (p - prev > 24) {
      let i = prev;
      for (const g of splitGraphemes(text.slice(prev, p))) {
        i += g.length;
        if (i < p) result.push(i);
      }
    }
    result.push(p);
    prev = p;
  }
  return result;
}

/** The text cut at `end` with an ellipsis, trailing spaces and dangling punctuation dropped. */
export function ellipsize(text: string, end: number): string {
  return `${text
    .slice(0, end)
    .replace(/[\s,;:–—\-([{“‘"'«„]+$/u, '')
    .trimEnd()}…`;
}
