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
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = x0;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = x1;
    let i = 0;
    for (const n of d.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []) {
      const v = Number(n);
      if (i++ % 2 === 0) {
        x0 = Math.min(x0, v);
        x1 = Math.max(x1, v);
      } else {
        y0 = Math.min(y0, v);
        y1 = Math.max(y1, v);
      }
    }
    if (Number.isFinite(x0)) boxes.push({ x0, y0, x1, y1 });
  }
  return boxes;
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
