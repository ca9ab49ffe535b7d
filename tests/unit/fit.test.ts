// The fitting search and line breaking, against a predictable width model: largest size, even lines, clamps.
import { describe, expect, it } from 'vitest';
import { ellipsized, type FitRequest, fitText, REF_SIZE, type TextStyle, WidthCache } from '../../src/render/fit.ts';
import { textDirection } from '../../src/render/text.ts';

const style: TextStyle = { fontFamily: 'x', fontWeight: 700, lineHeight: 1.25 };

/** Monospace model: every grapheme is 0.5em wide (a space too), so widths are easy to reason about. */
function monoWidths() {
  const asked: number[] = [];
  const cache = new WidthCache(async (items) => {
    asked.push(items.length);
    return items.map(({ text }) => [...text].length * 0.5 * REF_SIZE);
  });
  return { cache, asked };
}

const req = (text: string, over: Partial<FitRequest> = {}): FitRequest => ({
  text,
  style,
  minSize: 20,
  maxSize: 80,
  wrap: 'pretty',
  width: 600,
  height: 200,
  ...over,
});

/** Characters per line at a size in the mono model (with the fitter's 1px slack). */
const perLine = (size: number, width = 600) => Math.floor((width - 1) / (size * 0.5));

describe('fitText', () => {
  it('uses the maximum size for a short text, on one line', async () => {
    const fit = await fitText(req('Rates cut'), monoWidths().cache);
    expect(fit).toMatchObject({ fontSize: 80, lines: ['Rates cut'], truncated: false, text: 'Rates cut' });
  });

  it('chooses the largest size at which the text fits, not merely one that fits', async () => {
    const text = 'City council approves sweeping housing plan after marathon session';
    const fit = await fitText(req(text), monoWidths().cache);
    expect(fit.truncated).toBe(false);
    expect(fit.lines.length * fit.fontSize * style.lineHeight).toBeLessThanOrEqual(200);
    const bigger = await fitText(req(text, { minSize: fit.fontSize + 1 }), monoWidths().cache);
    expect(bigger.truncated).toBe(true);
    for (const line of fit.lines) expect(line.length).toBeLessThanOrEqual(perLine(fit.fontSize));
  });

  it('takes a smaller size when one line at the largest is taller than the slot (a tall script, a slot kept in)', async () => {
    // 80px type at 1.25 is a 100px line: a 90px slot holds no line at 80, however short the text.
    const fit = await fitText(req('Rates', { height: 90 }), monoWidths().cache);
    expect(fit.truncated).toBe(false);
    expect(fit.fontSize).toBe(72); // the largest size whose line box, ceil(size × 1.25), is at most 90px
    expect(fit.lines).toEqual(['Rates']);
  });

  it('measures every piece in one pass, then fits by arithmetic', async () => {
    const { cache, asked } = monoWidths();
    await fitText(req('City council approves sweeping housing plan after marathon session'), cache);
    expect(asked).toHaveLength(1);
  });

  it('clamps at a word boundary with an ellipsis when even the minimum size overflows', async () => {
    const fit = await fitText(req('word '.repeat(200).trim()), monoWidths().cache);
    expect(fit.fontSize).toBe(20);
    expect(fit.truncated).toBe(true);
    expect(fit.text).toMatch(/^(word )*word…$/);
    expect(fit.lines.length).toBe(Math.floor(200 / (20 * 1.25)));
    expect(fit.lines.join(' ')).toBe(fit.text);
  });

  it('keeps the marks outside the cut, so a clamped quote still closes', async () => {
    const fit = await fitText(
      req('word '.repeat(200).trim(), { marks: { open: '“', close: '”' } }),
      monoWidths().cache,
    );
    expect(fit.text.startsWith('“word')).toBe(true);
    expect(fit.text.endsWith('word…”')).toBe(true);
    expect(fit.text.match(/[“”]/g)).toHaveLength(2);
  });

  it('prefers a smaller size to breaking inside a word, and breaks a token no size can hold', async () => {
    const long = 'Rindfleischetikettierungsüberwachung';
    const fit = await fitText(req(`Das ${long} kommt`), monoWidths().cache);
    expect(fit.lines).toContain(long);
    const token = `https://example.com/${'x'.repeat(120)}`;
    const url = await fitText(req(token), monoWidths().cache);
    expect(url.truncated).toBe(false);
    expect(url.lines.length).toBeGreaterThan(1);
    expect(url.lines.join('')).toBe(token);
    for (const line of url.lines) expect(line.length).toBeLessThanOrEqual(perLine(url.fontSize));
  });

  it('never leaves one word alone on the last line when another wrap fits (pretty)', async () => {
    // Greedy at the largest size would end "…five six seven" / "eight".
    const text = 'one two three four five six seven eight';
    const fit = await fitText(req(text, { maxSize: 40, minSize: 40, width: 40 * 0.5 * 34 + 1 }), monoWidths().cache);
    expect(fit.lines.length).toBe(2);
    expect(fit.lines.at(-1)?.split(' ').length).toBeGreaterThanOrEqual(2);
  });

  it('balances display lines to even lengths in the same number of lines', async () => {
    const text = 'Storm knocks out power to 200,000 homes across the coast';
    const fit = await fitText(
      req(text, { wrap: 'balance', maxSize: 40, minSize: 40, width: 40 * 0.5 * 40 + 1 }),
      monoWidths().cache,
    );
    expect(fit.lines.length).toBe(2);
    const [a, b] = fit.lines.map((l) => l.length) as [number, number];
    expect(Math.abs(a - b)).toBeLessThanOrEqual(8);
  });

  it('never starts a line with closing punctuation, nor ends one with an opening mark (kinsoku)', async () => {
    const text = '東京都、来年度から公立高校の授業料を完全無償化へ。「所得制限」を撤廃する方針だ。';
    // At 3 and 4 characters a line, most phrases are too long and break between characters: kinsoku still holds.
    for (const chars of [3, 4, 6]) {
      const fit = await fitText(
        req(text, { lang: 'ja', minSize: 40, maxSize: 40, width: 20 * chars + 1, height: 2000 }),
        monoWidths().cache,
      );
      expect(fit.lines.length).toBeGreaterThan(3);
      for (const line of fit.lines) {
        expect(line).not.toMatch(/^[、。」』）]/u);
        expect(line).not.toMatch(/[「『（]$/u);
      }
      expect(fit.lines.join('')).toBe(text);
    }
  });
});

describe('text helpers', () => {
  it('reads direction from the first strong character', () => {
    expect(textDirection('وزير المالية')).toBe('rtl');
    expect(textDirection('“הכנסת”')).toBe('rtl');
    expect(textDirection('2025: Rates')).toBe('ltr');
  });

  it('drops dangling punctuation before the ellipsis', () => {
    expect(ellipsized('before,')).toBe('before…');
    expect(ellipsized('then —')).toBe('then…');
    expect(ellipsized('«')).toBe('…');
  });
});
