// Finds .notdef boxes in a card's SVG: the glyph satori draws for a character no loaded face covers.
//
// Why from the paths: satori draws text as outlines, so a box is only recognisable by its shape. Source Serif 4's
// and Inter's .notdef (the first faces, whose .notdef satori uses) is an axis-aligned rectangle followed by four
// triangles inside it (an X cut into four); a real glyph of any script is never that.
type Point = [number, number];

/** The closed subpaths of every <path d> in the SVG, as point lists. */
function subpaths(svg: string): Point[][] {
  const out: Point[][] = [];
  for (const [, d = ''] of svg.matchAll(/<path[^>]* d="([^"]*)"/g)) {
    for (const sub of d.split(/(?=M)/)) {
      const nums = [...sub.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
      if (!/^M[\d.\- ]+(L[\d.\- ]+)+Z\s*$/.test(sub.trim())) {
        out.push([]); // a curve or an arc: not part of a box
        continue;
      }
      const pts: Point[] = [];
      for (let i = 0; i + 1 < nums.length; i += 2) pts.push([nums[i] as number, nums[i + 1] as number]);
      out.push(pts);
    }
  }
  return out;
}

const isRect = (p: Point[]) =>
  p.length === 5 &&
  p[0]?.[0] === p[4]?.[0] &&
  p[0]?.[1] === p[4]?.[1] &&
  p.slice(0, 4).every((a, i) => {
    const b = p[i + 1] as Point;
    return a[0] === b[0] || a[1] === b[1];
  });

/** How many .notdef boxes the SVG draws. */
export function notdefBoxes(svg: string): number {
  const subs = subpaths(svg);
  let count = 0;
  subs.forEach((rect, i) => {
    if (!isRect(rect)) return;
    const xs = rect.map((p) => p[0]);
    const ys = rect.map((p) => p[1]);
    const inside = ([x, y]: Point) =>
      x >= Math.min(...xs) && x <= Math.max(...xs) && y >= Math.min(...ys) && y <= Math.max(...ys);
    const next = subs.slice(i + 1, i + 5);
    if (next.length === 4 && next.every((t) => t.length === 4 && t.every(inside))) count++;
  });
  return count;
}
