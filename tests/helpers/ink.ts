// Drawn ink: the glyph outlines satori writes into a card's SVG, and the check that every one sits in its text slot.
import type { FittedField, FittedFields } from '../../src/render/compose.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Ink of every glyph run (a filled outline path) and emoji in a card's SVG. Emoji come as satori's <image> of an SVG
 * document, or (after the render core inlines them) as a <use> of a <symbol> in <defs>, whose own shapes are in
 * the emoji's coordinates and are skipped.
 */
export function inkOf(drawn: string): Box[] {
  const boxes: Box[] = [];
  const svg = drawn.replace(/<defs>[\s\S]*?<\/defs>/g, '');
  for (const m of svg.matchAll(/<path([^>]*?) d="([^"]+)"/g)) {
    const attrs = m[1] as string;
    // Glyph outlines are filled, unstroked and made of moves, lines and quadratic curves only (shapes with
    // rounded corners use arcs; borders are stroked).
    if (!/ fill="#/.test(attrs) || / stroke=/.test(attrs) || !/^[MLQZ\d\s.,e-]+$/.test(m[2] as string)) continue;
    const nums = ((m[2] as string).match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number);
    const xs = nums.filter((_, i) => i % 2 === 0);
    const ys = nums.filter((_, i) => i % 2 === 1);
    boxes.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
  }
  for (const m of svg.matchAll(
    /<(?:image href="data:image\/svg\+xml[^"]*"|use href="#emoji\d+") x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"/g,
  )) {
    // The emoji picture is square, centred in a box as tall as the line.
    const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const side = Math.min(w, h);
    boxes.push({ x0: x, y0: y + (h - side) / 2, x1: x + w, y1: y + (h + side) / 2 });
  }
  return boxes;
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0;

const boxOf = (r: { x: number; y: number; width: number; height: number }): Box => ({
  x0: r.x,
  y0: r.y,
  x1: r.x + r.width,
  y1: r.y + r.height,
});

const show = (b: Box) => `[${b.x0.toFixed(1)},${b.y0.toFixed(1)} → ${b.x1.toFixed(1)},${b.y1.toFixed(1)}]`;

/** Where an ink box belongs: the drawn line whose box holds its centre. */
function owner(ink: Box, fields: FittedField[]): { field: FittedField; line: number } | undefined {
  const cx = (ink.x0 + ink.x1) / 2;
  const cy = (ink.y0 + ink.y1) / 2;
  for (const field of fields) {
    const line = field.lineRects.findIndex(
      (r) => cx >= r.x - 1 && cx <= r.x + r.width + 1 && cy >= r.y && cy <= r.y + r.height,
    );
    if (line >= 0) return { field, line };
  }
  return undefined;
}

/**
 * Everything wrong with a card's drawn text, as sentences (empty when nothing is): ink off the card, ink
 * in no text line, ink outside its slot, one field's ink over another's, a block bigger than its slot.
 */
export function inkProblems(svg: string, fitted: FittedFields, width: number, height: number): string[] {
  const problems: string[] = [];
  const fields = Object.values(fitted).filter((f): f is FittedField => f !== undefined);
  for (const f of fields) {
    if (f.lines.length === 0) problems.push(`${f.field} drew no line`);
    if (f.rect.width > f.width + 0.5)
      problems.push(`${f.field} block is ${f.rect.width}px wide in a ${f.width}px slot`);
    if (Number.isFinite(f.height) && f.rect.height > f.height + 1)
      problems.push(`${f.field} block is ${f.rect.height}px tall in a ${f.height}px slot`);
    for (const other of fields) {
      if (other !== f && overlap(boxOf(f.rect), boxOf(other.rect))) problems.push(`${f.field} overlaps ${other.field}`);
    }
  }
  const ink = inkOf(svg);
  if (ink.length === 0) problems.push('no ink at all');
  const owned: { box: Box; field: FittedField }[] = [];
  for (const box of ink) {
    const at = `ink ${show(box)}`;
    if (box.x0 < -0.5 || box.y0 < -0.5 || box.x1 > width + 0.5 || box.y1 > height + 0.5)
      problems.push(`${at} runs off the ${width}×${height} card`);
    const o = owner(box, fields);
    if (!o) {
      problems.push(`${at} is in no text line`);
      continue;
    }
    const { field } = o;
    // Side bearings and overhangs (f, y, italics) may pass the advance box a little; stacked accents and
    // extender glyphs (⎮, ∫) rise above a tight line box. Anything more is text outside its slot.
    const side = 0.12 * field.fontSize + 1;
    const rise = 0.5 * field.fontSize + 1;
    const r = boxOf(field.rect);
    const where = `${field.field} line "${field.lines[o.line]}" ${at}, slot ${show(r)}`;
    if (box.x0 < r.x0 - side || box.x1 > r.x1 + side) problems.push(`${where}: outside its slot sideways`);
    if (box.y0 < r.y0 - rise || box.y1 > r.y1 + rise) problems.push(`${where}: outside its slot vertically`);
    owned.push({ box, field });
  }
  for (const a of owned) {
    for (const b of owned) {
      if (a.field !== b.field && a.field.field < b.field.field && overlap(a.box, b.box))
        problems.push(`${a.field.field} "${a.field.text.slice(0, 30)}" is drawn over ${b.field.field}`);
    }
  }
  return problems;
}
