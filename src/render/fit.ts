// Text that always fits its slot: the largest font size at which the text breaks into lines that fit, else
// clamped with "…"; then the lines rebalanced so no word (or phrase) is left alone on the last line.
//
// Why arithmetic over measured widths: the widths of the unbreakable pieces (breaks.ts) are measured by
// satori itself (the same shaping, kerning, fallback fonts and emoji as the card), once, at a reference
// size; glyph advances scale linearly with the font size, so every candidate size and every candidate
// wrap is a sum. We choose the lines ourselves and draw each as its own nowrap line, so what we chose is
// what is drawn, and the core checks each drawn line's width in the final layout before rasterising.
import { breakUnits, splitUnit, type Unit } from './breaks.ts';
import type { Marks } from './marks.ts';
import { textDirection } from './text.ts';
import { recallWidth, rememberWidth, widthKey } from './width-store.ts';

/** The size widths are measured at; large, so satori's whole-pixel rounding is a small error. */
export const REF_SIZE = 400;

export interface TextStyle {
  fontFamily: string;
  fontWeight: 400 | 500 | 600 | 700 | 800 | 900;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Letter spacing in em (negative tightens large type). */
  letterSpacing?: number;
}

/** A drawn line's height in whole pixels (each line is drawn this tall, so lines never sum past the slot). */
export const lineBox = (size: number, style: TextStyle) => Math.ceil(size * style.lineHeight);

/** Widths in px of each text set on one line in its style at REF_SIZE, measured by satori in one layout. */
export type MeasureWidths = (items: { text: string; style: TextStyle }[]) => Promise<number[]>;

export interface FitRequest {
  /** The words, without decoration. */
  text: string;
  /** Marks drawn around the text (a quote's), never cut by truncation. */
  marks?: Marks;
  lang?: string | undefined;
  style: TextStyle;
  minSize: number;
  maxSize: number;
  maxLines?: number | undefined;
  /** balance: lines of even length (headlines); pretty: greedy lines, but no word alone on the last. */
  wrap: 'balance' | 'pretty';
  /** The slot, px. An unbounded height means "as many lines as maxLines allows". */
  width: number;
  height: number;
}

export interface FittedText {
  /** Exactly what is drawn: marks, words, ellipsis. */
  text: string;
  /** The drawn lines, in order (trailing spaces dropped). */
  lines: string[];
  fontSize: number;
  truncated: boolean;
  direction: 'ltr' | 'rtl';
  style: TextStyle;
  /** The slot the text was fitted to. */
  width: number;
  height: number;
}

interface Item {
  unit: Unit;
  /** Width without / with its trailing space, at REF_SIZE. */
  w: number;
  wFull: number;
}

/**
 * Widths measured once per style and text, shared by every field of a card. With `fonts` (the card's font set, from
 * width-store.ts's fontSetKey) it also asks the isolate's bounded store first and gives it what it measured, so a
 * later card setting the same words in the same faces does not measure them again.
 */
export class WidthCache {
  private readonly known = new Map<string, number>();
  private readonly measure: MeasureWidths;
  private readonly fonts: number | undefined;
  constructor(measure: MeasureWidths, fonts?: number) {
    this.measure = measure;
    this.fonts = fonts;
  }

  private key(style: TextStyle, text: string) {
    return `${style.fontFamily}|${style.fontWeight}|${style.letterSpacing ?? 0}|${text}`;
  }

  async ensure(style: TextStyle, texts: string[]): Promise<void> {
    await this.ensureAll([{ style, texts }]);
  }

  /** Measure whatever is not known yet, for several styles, in one satori layout. */
  async ensureAll(groups: { style: TextStyle; texts: string[] }[]): Promise<void> {
    const missing = new Map<string, { text: string; style: TextStyle }>();
    const fonts = this.fonts;
    for (const { style, texts } of groups) {
      for (const text of texts) {
        const key = this.key(style, text);
        if (this.known.has(key) || missing.has(key)) continue;
        const stored = fonts === undefined ? undefined : recallWidth(widthKey(fonts, style, text));
        if (stored === undefined) missing.set(key, { text, style });
        else this.known.set(key, stored);
      }
    }
    if (missing.size === 0) return;
    const items = [...missing.values()];
    const widths = await this.measure(items);
    [...missing.keys()].forEach((key, i) => {
      const width = widths[i] ?? 0;
      this.known.set(key, width);
      const item = items[i];
      if (fonts !== undefined && item) rememberWidth(widthKey(fonts, item.style, item.text), width);
    });
  }

  get(style: TextStyle, text: string): number {
    const w = this.known.get(this.key(style, text));
    if (w === undefined) throw new Error(`width of "${text}" was not measured`);
    return w;
  }
}

/** Greedy line breaking: as many items on each line as fit in `width` (px at REF_SIZE). */
function greedy(items: Item[], width: number): Item[][] {
  const lines: Item[][] = [];
  let line: Item[] = [];
  let used = 0; // width of the line so far, the last item's trailing space included
  for (const it of items) {
    if (line.length > 0 && used + it.w > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    line.push(it);
    used += it.wFull;
  }
  if (line.length) lines.push(line);
  return lines;
}

/**
 * The same number of lines as greedy, with the breaks that make the rag most even (least sum of squared
 * slack, by dynamic programming over break positions). balance counts every line, so lines come out of
 * even length (display type); pretty lets the last line be short, but keeps at least two pieces and a
 * third of the measure on it, so no word (or phrase) is left alone (text).
 */
function arrange(items: Item[], width: number, wrap: 'balance' | 'pretty'): Item[][] {
  const first = greedy(items, width);
  const count = first.length;
  if (count < 2 || items.length > 400) return first;
  const n = items.length;
  // prefix sums: width of items i..j-1 on one line = full[j-1] - full[i] + w[j-1]
  const full = [0];
  for (const it of items) full.push((full[full.length - 1] as number) + it.wFull);
  const span = (i: number, j: number) => (full[j - 1] as number) - (full[i] as number) + (items[j - 1] as Item).w;
  const INF = Number.POSITIVE_INFINITY;
  // best[l][j]: least cost of setting items 0..j-1 in l lines; from[l][j]: where line l starts.
  const best = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(INF));
  const from = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(0));
  (best[0] as number[])[0] = 0;
  for (let l = 1; l <= count; l++) {
    const last = l === count;
    for (let j = l; j <= n; j++) {
      if (last && j !== n) continue;
      for (let i = j - 1; i >= l - 1; i--) {
        const w = span(i, j);
        if (w > width) break;
        const prev = (best[l - 1] as number[])[i] as number;
        if (prev === INF) continue;
        let cost = (width - w) ** 2;
        // balance: every line counts, and a lone last piece costs as much as a whole empty line, four times.
        if (last && wrap === 'balance' && j - i < 2) cost += width ** 2 * 4;
        // pretty: the last line may be short, but not a lone piece nor under a third of the measure.
        if (last && wrap === 'pretty') cost = j - i < 2 ? width ** 2 * 4 : 4 * Math.max(0, width / 3 - w) ** 2;
        if (prev + cost < ((best[l] as number[])[j] as number)) {
          (best[l] as number[])[j] = prev + cost;
          (from[l] as number[])[j] = i;
        }
      }
    }
  }
  if ((best[count] as number[])[n] === INF) return first;
  const lines: Item[][] = [];
  let j = n;
  for (let l = count; l >= 1; l--) {
    const i = (from[l] as number[])[j] as number;
    lines.unshift(items.slice(i, j));
    j = i;
  }
  return lines;
}

/**
 * The last line holds a single piece (a word, a phrase) left over from a longer line above it. A
 * stacked headline of one word a line ("Rates / held") is a design, not an orphan.
 */
const lone = (lines: Item[][]) =>
  lines.length > 1 && (lines[lines.length - 1]?.length ?? 0) < 2 && (lines[lines.length - 2]?.length ?? 0) >= 2;

const render = (line: Item[]) =>
  line.map((it, i) => it.unit.text + (i === line.length - 1 ? '' : it.unit.space)).join('');

/** The text cut after `unit` with an ellipsis: trailing spaces and dangling punctuation dropped. */
export function ellipsized(text: string): string {
  return `${text.replace(/[\s,;:–—\-([{“‘"'«„‚‹「『（]+$/u, '').trimEnd()}…`;
}

/** The text's unbreakable pieces, the marks glued to the first and last. */
function unitsOf(req: Pick<FitRequest, 'text' | 'marks' | 'lang'>): Unit[] {
  const units = breakUnits(req.text, req.lang);
  if (units.length === 0) units.push({ text: '', space: '' });
  (units[0] as Unit).text = (req.marks?.open ?? '') + (units[0] as Unit).text;
  (units[units.length - 1] as Unit).text += req.marks?.close ?? '';
  return units;
}

/**
 * A word's width with its trailing space is its width plus the space's, measured once per style as the
 * difference between "x x" and "xx": each word is then laid out once, not twice (satori's cost is per
 * node, and the measuring layout is most of fitting's). Any other run of spaces is measured with its word.
 */
const SPACE_PROBE = ['x x', 'xx'];
const piecesOf = (u: Unit) => (u.space === '' || u.space === ' ' ? [u.text] : [u.text, u.text + u.space]);

/** Every string fitText will first ask widths of: measure many fields' in one pass with WidthCache.ensureAll. */
export function fitStrings(req: Pick<FitRequest, 'text' | 'marks' | 'lang'>): string[] {
  return [...SPACE_PROBE, ...unitsOf(req).flatMap((u) => piecesOf(u))];
}

/** The text set on one line at REF_SIZE, from its pieces' widths (measured by fitStrings' pass). */
export function naturalWidth(req: Pick<FitRequest, 'text' | 'marks' | 'lang' | 'style'>, widths: WidthCache): number {
  const space = widths.get(req.style, 'x x') - widths.get(req.style, 'xx');
  const units = unitsOf(req);
  return units.reduce((sum, u, i) => {
    const w = widths.get(req.style, u.text);
    if (i === units.length - 1 || u.space === '') return sum + w;
    return sum + (u.space === ' ' ? w + space : widths.get(req.style, u.text + u.space));
  }, 0);
}

export async function fitText(req: FitRequest, widths: WidthCache): Promise<FittedText> {
  const { style } = req;
  const open = req.marks?.open ?? '';
  const close = req.marks?.close ?? '';
  const units = unitsOf(req);
  await widths.ensure(style, fitStrings(req));
  const space = widths.get(style, 'x x') - widths.get(style, 'xx');
  const itemOf = (u: Unit): Item => {
    const w = widths.get(style, u.text);
    const wFull = u.space === '' ? w : u.space === ' ' ? w + space : widths.get(style, u.text + u.space);
    return { unit: u, w, wFull };
  };
  const whole = units.map(itemOf);

  // Slack for whole-pixel rounding of the measured widths; the drawn lines are checked again after layout.
  const slack = 1;
  const refWidth = (size: number) => ((req.width - slack) * REF_SIZE) / size;
  // Lines of `size` the slot holds: none when one line box is taller than the slot (a script set on tall lines, a
  // slot kept in for its ink), so that size is passed over like one whose words are too wide.
  const maxLinesAt = (size: number) =>
    Math.min(req.maxLines ?? Number.POSITIVE_INFINITY, Math.floor((req.height + 0.5) / lineBox(size, style)));

  // Pieces too wide for a line at the largest size may have to break inside (URLs, 100-letter words).
  const wide = units.filter((_, i) => (whole[i] as Item).w > refWidth(req.maxSize));
  const pieces = new Map(wide.map((u) => [u, splitUnit(u)]));
  if (wide.length)
    await widths.ensure(
      style,
      [...pieces.values()].flat().flatMap((p) => piecesOf(p)),
    );
  const splitAt = (size: number) =>
    units.flatMap((u, i) =>
      (whole[i] as Item).w > refWidth(size) ? (pieces.get(u) ?? [u]).map(itemOf) : [whole[i] as Item],
    );

  const direction = textDirection(req.text);
  const done = (lines: Item[][], size: number, truncated: boolean): FittedText => {
    const drawn = lines.map(render);
    const text = lines
      .map((l, i) => render(l) + (i < lines.length - 1 ? (l[l.length - 1]?.unit.space ?? '') : ''))
      .join('');
    return { text, lines: drawn, fontSize: size, truncated, direction, style, width: req.width, height: req.height };
  };

  // Largest size first without breaking inside any word, then allowing it: a smaller size beats a broken word.
  for (const split of [false, true]) {
    for (let size = req.maxSize; size >= req.minSize; size--) {
      const items = split ? splitAt(size) : whole;
      const w = refWidth(size);
      if (items.some((it) => it.w > w)) continue;
      if (greedy(items, w).length > maxLinesAt(size)) continue;
      const lines = arrange(items, w, req.wrap);
      // A word left alone on the last line because the type is so big that no wrap avoids it: a size up to
      // an eighth smaller that avoids it reads better than the orphan.
      if (lone(lines)) {
        for (let smaller = size - 1; smaller >= Math.max(req.minSize, Math.floor(size * 0.88)); smaller--) {
          const alt = split ? splitAt(smaller) : whole;
          const aw = refWidth(smaller);
          if (alt.some((it) => it.w > aw) || greedy(alt, aw).length > maxLinesAt(smaller)) continue;
          const again = arrange(alt, aw, req.wrap);
          if (!lone(again)) return done(again, smaller, false);
        }
      }
      return done(lines, size, false);
    }
  }

  // Even the smallest size overflows: keep the longest run of pieces that fits with "…" after it.
  const size = req.minSize;
  const items = splitAt(size);
  const w = refWidth(size);
  // One line at the smallest size even where the slot holds none: a card draws its headline (the ink check keeps
  // the slot from being kept in by more than a third of it, so this is a template whose slot is under a line).
  const budget = Math.max(1, maxLinesAt(size));
  const cut = async (k: number): Promise<Item[]> => {
    const last = items[k - 1] as Item;
    const text = ellipsized(last.unit.text) + close;
    await widths.ensure(style, [text]);
    const end = { unit: { text, space: '' }, w: widths.get(style, text), wFull: widths.get(style, text) };
    return [...items.slice(0, k - 1), end];
  };
  let lo = 1;
  let hi = items.length - 1;
  let best: Item[] | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const candidate = await cut(mid);
    if (candidate.every((it) => it.w <= w) && greedy(candidate, w).length <= budget) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best) return done(greedy(best, w), size, true);
  const alone = `${open}…${close}`;
  await widths.ensure(style, [alone]);
  const item = { unit: { text: alone, space: '' }, w: widths.get(style, alone), wFull: widths.get(style, alone) };
  return done([[item]], size, true);
}
