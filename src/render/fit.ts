// Text that always fits: pick the largest font size whose laid-out text fits its box, else clamp with "…".
//
// Why measure with satori itself: the card is laid out by satori (yoga + harfbuzz + its line breaker),
// so any other measurement (canvas, opentype advance widths) drifts from what is drawn — by kerning,
// shaping, emoji widths, break rules — and drift means clipped glyphs. Measuring is a satori layout of
// the text element alone with embedFont off (no glyph paths), a few ms each, ~10 per field at most.
import { ellipsize, textDirection, truncationPoints } from './text.ts';

export interface TextBox {
  /** Width available to the text, px. */
  width: number;
  /** Height available to the text, px. */
  height: number;
  minSize: number;
  maxSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  fontFamily: string;
  fontWeight: 400 | 500 | 600 | 700 | 800 | 900;
  /** Letter spacing in em (negative tightens large type). */
  letterSpacing?: number;
  /** Optional cap on lines regardless of height. */
  maxLines?: number;
  textTransform?: 'uppercase';
  /** Decorate the text before layout (quotation marks); the decoration is never truncated. */
  wrap?: (text: string) => string;
}

export interface FittedText {
  /** The text to draw, decorated and possibly truncated. */
  text: string;
  fontSize: number;
  lines: number;
  truncated: boolean;
  direction: 'ltr' | 'rtl';
  box: TextBox;
}

/** Lays out `text` in `box` at `fontSize` and returns its height in px. */
export type Measure = (text: string, fontSize: number, box: TextBox, direction: 'ltr' | 'rtl') => Promise<number>;

/** The one style used both to measure and to draw, so the two never disagree. */
export function textStyle(box: TextBox, fontSize: number, direction: 'ltr' | 'rtl'): Record<string, unknown> {
  return {
    display: 'flex',
    width: box.width,
    fontSize,
    lineHeight: box.lineHeight,
    fontFamily: box.fontFamily,
    fontWeight: box.fontWeight,
    letterSpacing: box.letterSpacing ? `${box.letterSpacing}em` : undefined,
    textTransform: box.textTransform,
    // Unbroken tokens (URLs, 100-character words) break anywhere rather than overflow.
    overflowWrap: 'anywhere',
    wordBreak: 'break-word',
    direction,
    textAlign: direction === 'rtl' ? 'right' : 'left',
  };
}

export async function fitText(raw: string, box: TextBox, measure: Measure): Promise<FittedText> {
  const direction = textDirection(raw);
  const wrap = box.wrap ?? ((s: string) => s);
  const lineHeightPx = (size: number) => size * box.lineHeight;
  const linesAt = (height: number, size: number) => Math.max(1, Math.round(height / lineHeightPx(size)));
  const fits = async (text: string, size: number) => {
    const h = await measure(wrap(text), size, box, direction);
    // 0.5px slack absorbs float rounding in yoga; anything more is a real overflow.
    const ok = h <= box.height + 0.5 && (box.maxLines === undefined || linesAt(h, size) <= box.maxLines);
    return { ok, h };
  };
  const done = (text: string, size: number, h: number, truncated: boolean): FittedText => ({
    text: wrap(text),
    fontSize: size,
    lines: linesAt(h, size),
    truncated,
    direction,
    box,
  });

  // Largest integer size in [min, max] that fits: try max first (short texts), then bisect.
  const atMax = await fits(raw, box.maxSize);
  if (atMax.ok) return done(raw, box.maxSize, atMax.h, false);
  let lo = box.minSize;
  let hi = box.maxSize - 1;
  let best: { size: number; h: number } | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const r = await fits(raw, mid);
    if (r.ok) {
      best = { size: mid, h: r.h };
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best) return done(raw, best.size, best.h, false);

  // Even the minimum size overflows: keep the longest prefix, cut at a word, that fits with "…".
  const size = box.minSize;
  const points = truncationPoints(raw);
  let l = 0;
  let r = points.length - 1;
  let keep: { text: string; h: number } | undefined;
  while (l <= r) {
    const mid = Math.floor((l + r) / 2);
    const candidate = ellipsize(raw, points[mid] as number);
    const res = await fits(candidate, size);
    if (res.ok) {
      keep = { text: candidate, h: res.h };
      l = mid + 1;
    } else r = mid - 1;
  }
  if (keep) return done(keep.text, size, keep.h, true);
  const lone = await fits('…', size);
  return done('…', size, lone.h, true);
}
