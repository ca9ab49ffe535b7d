// Where a drawn SVG puts ink: the extents of satori's glyph outlines, so the core can check text against its slots.
//
// Why look at ink at all: a line's layout box is its glyphs' advances, but a glyph may draw past its
// advance (a swash, a rare character from a fallback font, a big italic f). At display sizes that is tens
// of pixels, over a neighbour or the card's edge. The core reads the outlines it just drew and, where a
// line's ink leaves its slot (sideways, or above and below: stacked accents, deep Arabic marks), insets
// the slot by that much and fits again.

export interface InkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Extents of each glyph run satori drew: filled, unstroked paths of moves, lines and quadratic curves. */
export function glyphBoxes(svg: string): InkBox[] {
  const boxes: InkBox[] = [];
  for (const m of svg.matchAll(/<path([^>]*?) d="([^"]+)"/g)) {
    const attrs = m[1] as string;
    const d = m[2] as string;
    if (!attrs.includes(' fill="#') || attrs.includes(' stroke=') || !/^[MLQZ\d\s.,e-]+$/.test(d)) continue;
    const box = extents(d);
    if (box) boxes.push(box);
  }
  return boxes;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The extents of a path's coordinates: its numbers alternate x, y. A hand-written scanner for what the regular
 * expression /-?\d*\.?\d+(?:e-?\d+)?/g would find, because matching it (and a string and Number() per number) over a
 * card's 100 kB of outlines took milliseconds of every render. Each number is its digits as an integer divided (or
 * multiplied) by an exact power of ten: one correctly rounded operation on exact operands, so the same double
 * Number() reads from the same characters; a number of more than 15 digits is read by Number() itself.
 */
function extents(d: string): InkBox | undefined {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = x0;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = x1;
  let count = 0;
  const n = d.length;
  let i = 0;
  while (i < n) {
    const negative = d.charCodeAt(i) === 45; // '-'
    let j = negative ? i + 1 : i;
    let digits = 0;
    let m = 0;
    let c = d.charCodeAt(j);
    while (isDigit(c)) {
      m = m * 10 + (c - 48);
      digits++;
      c = d.charCodeAt(++j);
    }
    let scale = 0; // digits after the point
    if (c === 46 && isDigit(d.charCodeAt(j + 1))) {
      c = d.charCodeAt(++j);
      while (isDigit(c)) {
        m = m * 10 + (c - 48);
        digits++;
        scale++;
        c = d.charCodeAt(++j);
      }
    } else if (digits === 0) {
      i++; // no number starts here
      continue;
    }
    if (c === 101) {
      // 'e', an optional '-', digits
      let k = d.charCodeAt(j + 1) === 45 ? j + 2 : j + 1;
      let e = 0;
      let expDigits = 0;
      while (isDigit(d.charCodeAt(k))) {
        e = e * 10 + (d.charCodeAt(k) - 48);
        expDigits++;
        k++;
      }
      if (expDigits > 0) {
        scale -= d.charCodeAt(j + 1) === 45 ? -e : e;
        j = k;
      }
    }
    let v: number;
    if (digits > 15 || scale > 22 || scale < -22) v = Number(d.slice(i, j));
    else {
      const abs = scale >= 0 ? m / (POW10[scale] as number) : m * (POW10[-scale] as number);
      v = negative ? -abs : abs;
    }
    if (count++ % 2 === 0) {
      if (v < x0) x0 = v;
      if (v > x1) x1 = v;
    } else {
      if (v < y0) y0 = v;
      if (v > y1) y1 = v;
    }
    i = j;
  }
  return Number.isFinite(x0) ? { x0, y0, x1, y1 } : undefined;
}

export interface LineRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Sides {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * How far the ink of the lines in `lines` runs past `slot` on each side, px (0 when inside). Ink belongs
 * to the line whose box holds its centre.
 */
export function inkOverhang(boxes: InkBox[], lines: LineRect[], slot: LineRect): Sides {
  let left = 0;
  let right = 0;
  let top = 0;
  let bottom = 0;
  for (const b of boxes) {
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    if (!lines.some((r) => cx >= r.x - 1 && cx <= r.x + r.width + 1 && cy >= r.y && cy <= r.y + r.height)) continue;
    left = Math.max(left, slot.x - b.x0);
    right = Math.max(right, b.x1 - (slot.x + slot.width));
    top = Math.max(top, slot.y - b.y0);
    bottom = Math.max(bottom, b.y1 - (slot.y + slot.height));
  }
  return { left, right, top, bottom };
}
