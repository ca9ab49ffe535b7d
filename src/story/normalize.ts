// Text normalisation shared by every entry point: what a user typed is what we draw, minus invisible junk.

// Zero-width and bidi-control characters that paste in from CMSs and break wrapping or hashing, and the C0 and C1
// control characters (NUL, ESC, …; tabs and line breaks are whitespace below), which no headline means and which
// would otherwise reach page titles and post texts raw. ZWJ (U+200D) is kept: emoji sequences (👩‍💻) and Sinhala
// (අමාත්‍ය) need it. Two more are kept where they are spelling, not junk: the zero-width non-joiner after a letter
// of a script whose letters join or form conjuncts (Persian می‌خواهم, Telugu హైదరాబాద్‌లో), and the zero-width space
// between two letters of Khmer, Lao, Thai or Myanmar, where it marks the words (Khmer keyboards type it).
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u200E\u200F\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH = /[\u200B\u200C]/g;
const SEA_LETTER = /[\p{sc=Khmer}\p{sc=Lao}\p{sc=Thai}\p{sc=Myanmar}]/u;
const NON_LATIN_LETTER = /[\p{L}\p{M}]/u;
const LATIN_OR_COMMON = /[\p{scx=Latin}\p{scx=Common}]/u;

/** String.replace callback: the zero-width character itself where it is spelling, else nothing. */
function keepZeroWidth(ch: string, at: number, text: string): string {
  const prev = text.slice(0, at).match(/.$/su)?.[0] ?? '';
  const next = text.slice(at + 1).match(/^./su)?.[0] ?? '';
  if (ch === '\u200B') return SEA_LETTER.test(prev) && SEA_LETTER.test(next) ? ch : '';
  return NON_LATIN_LETTER.test(prev) && !LATIN_OR_COMMON.test(prev) ? ch : '';
}
const SPACES = /[\s\u0085\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
// A whitespace character SPACES would change: any but the plain space (\s less " ", plus U+0085), or two spaces in a
// row. Text without one (most of an article's paragraphs) is left as it is instead of rebuilt space by space.
const RESPACE = /[\t-\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]| {2}/;

/** Trim, drop zero-width and control characters, collapse every run of whitespace (newlines included) to one space. */
export function normalizeText(input: string): string {
  const visible = input.normalize('NFC').replace(INVISIBLE, '').replace(ZERO_WIDTH, keepZeroWidth);
  return (RESPACE.test(visible) ? visible.replace(SPACES, ' ') : visible).trim();
}

/** Count user-perceived characters (graphemes), which is what length limits mean to a person. */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
export function graphemeLength(input: string): number {
  let n = 0;
  for (const _ of segmenter.segment(input)) n++;
  return n;
}
