// The fitting search, against a predictable measure: largest size that fits, else a word-boundary clamp.
import { describe, expect, it } from 'vitest';
import { fitText, type Measure, type TextBox } from '../../src/render/fit.ts';
import { ellipsize, textDirection, truncationPoints } from '../../src/render/text.ts';

const box: TextBox = {
  width: 600,
  height: 200,
  minSize: 20,
  maxSize: 80,
  lineHeight: 1.25,
  fontFamily: 'x',
  fontWeight: 700,
};

/** Monospace model: each character is 0.5em wide, words never split. */
const mono: Measure = async (text, size, b) => {
  const perLine = Math.max(1, Math.floor(b.width / (size * 0.5)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else {
      lines++;
      used = word.length;
    }
  }
  return lines * size * b.lineHeight;
};

describe('fitText', () => {
  it('uses the maximum size for a short text', async () => {
    const fit = await fitText('Rates cut', box, mono);
    expect(fit).toMatchObject({ fontSize: 80, lines: 1, truncated: false, text: 'Rates cut' });
  });

  it('chooses the largest size at which the text fits, not merely one that fits', async () => {
    const text = 'City council approves sweeping housing plan after marathon session';
    const fit = await fitText(text, box, mono);
    expect(fit.truncated).toBe(false);
    expect(await mono(text, fit.fontSize, box, 'ltr')).toBeLessThanOrEqual(box.height);
    expect(await mono(text, fit.fontSize + 1, box, 'ltr')).toBeGreaterThan(box.height);
  });

  it('clamps at a word boundary with an ellipsis when even the minimum size overflows', async () => {
    const text = 'word '.repeat(200).trim();
    const fit = await fitText(text, box, mono);
    expect(fit.fontSize).toBe(box.minSize);
    expect(fit.truncated).toBe(true);
    expect(fit.text).toMatch(/^(word )*word…$/);
    expect(await mono(fit.text, fit.fontSize, box, 'ltr')).toBeLessThanOrEqual(box.height);
  });

  it('keeps decorations (quotation marks) outside the cut', async () => {
    const fit = await fitText('word '.repeat(200).trim(), { ...box, wrap: (s) => `“${s}”` }, mono);
    expect(fit.text.startsWith('“word')).toBe(true);
    expect(fit.text.endsWith('word…”')).toBe(true);
  });

  it('respects maxLines even when the height would allow more', async () => {
    const fit = await fitText(
      'one two three four five six seven eight nine ten',
      { ...box, maxLines: 1, maxSize: 40 },
      mono,
    );
    expect(fit.lines).toBe(1);
  });
});

describe('text helpers', () => {
  it('detects right-to-left paragraphs from the first strong character', () => {
    expect(textDirection('٢٠٢٥ وزير المالية')).toBe('rtl');
    expect(textDirection('“שלום” world')).toBe('rtl');
    expect(textDirection('2025: Hello مرحبا')).toBe('ltr');
  });

  it('offers cut points inside an unbroken token so a 100-character word can still be clamped', () => {
    const token = 'x'.repeat(100);
    const points = truncationPoints(`${token} end`);
    expect(points.some((p) => p > 0 && p < 100)).toBe(true);
  });

  it('ellipsizes without dangling spaces or punctuation', () => {
    expect(ellipsize('Hello, world and more', 6)).toBe('Hello…');
    expect(ellipsize('Hello — world', 7)).toBe('Hello…');
  });
});
