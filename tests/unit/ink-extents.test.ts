// The ink check's reading of satori's glyph outlines (src/render/ink.ts): every coordinate read exactly as written, in
// every way a number may be written, so a glyph's ink is where its outline says.
import { describe, expect, it } from 'vitest';
import { glyphBoxes } from '../../src/render/ink.ts';

const path = (d: string, attrs = ' fill="#111"') => `<svg><path${attrs} d="${d}"/></svg>`;

describe('glyphBoxes', () => {
  it('reads integers, decimals, signs and exponents as the numbers they are', () => {
    expect(glyphBoxes(path('M10 20L-3.25 41.5Q.5 -.75 1e2 2.5e-1Z'))).toEqual([
      { x0: -3.25, y0: -0.75, x1: 100, y1: 41.5 },
    ]);
  });

  it('splits numbers the way SVG writes them run together (1.5.5 is 1.5 then .5; a bare e or - is not a number)', () => {
    expect(glyphBoxes(path('M1.5.5L-2-3L4e 7Z'))).toEqual([{ x0: -2, y0: -3, x1: 4, y1: 7 }]);
    expect(glyphBoxes(path('M3 4L . 6 8Z'))).toEqual([{ x0: 3, y0: 4, x1: 6, y1: 8 }]);
  });

  it('gives each coordinate the exact double Number() reads (an ulp off would move ink and fail the goldens)', () => {
    for (const x of [
      '0.7',
      '0.3',
      '123.456',
      '-17.29',
      '9007199254740.993',
      '1234567890123456789',
      '3.0000000000000004',
      '1.1e-3',
    ]) {
      const v = Number(x);
      expect(glyphBoxes(path(`M${x} ${x}Z`))).toEqual([{ x0: v, y0: v, x1: v, y1: v }]);
    }
  });

  it('leaves out what is not a glyph run: strokes, unfilled paths, arcs and cubic curves', () => {
    expect(glyphBoxes(path('M0 0L5 5', ' fill="#111" stroke="#000"'))).toEqual([]);
    expect(glyphBoxes(path('M0 0L5 5', ' fill="none"'))).toEqual([]);
    expect(glyphBoxes(path('M0 0A5 5 0 0 1 10 10'))).toEqual([]);
  });
});
