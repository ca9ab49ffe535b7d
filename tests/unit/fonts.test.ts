// Every script a newsroom publishes in gets real glyphs from fonts/, loaded only when the text needs them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cjkOrder, emojiKeys, emojiLoader, FONT_FAMILIES, FONTS_VERSION, fontsFor } from '../../src/render/fonts.ts';
import type { FontSpec } from '../../src/render/types.ts';

const FONTS = join(import.meta.dirname, '../../fonts');

/** A loader like the runtimes' (bytes of fonts/<file>), counting what it is asked for. */
function diskLoader() {
  const calls: string[] = [];
  const load = async (file: string): Promise<ArrayBuffer> => {
    calls.push(file);
    const b = readFileSync(join(FONTS, file));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  return { load, calls };
}

const parsedFonts = new WeakMap<ArrayBuffer, fontkit.Font>();
function parse(font: FontSpec): fontkit.Font {
  let f = parsedFonts.get(font.data);
  if (!f) {
    f = fontkit.create(Buffer.from(font.data)) as fontkit.Font;
    parsedFonts.set(font.data, f);
  }
  return f;
}

/** Name of the first returned font with a glyph for cp, in the order satori falls back through. */
const firstCovering = (fonts: FontSpec[], cp: number) => fonts.find((f) => parse(f).hasGlyphForCodePoint(cp))?.name;

const SAMPLES: Record<string, { text: string; lang?: string }> = {
  latin: { text: 'Thủ tướng Việt Nam phát biểu — Łódź, İstanbul, Ærøskøbing, São Paulo, naïve café, Straße' },
  cyrillic: { text: 'Москва: правительство объявило новые меры — Україна, Ґ Ї Ђ Љ Ў' },
  greek: { text: 'Αθήνα: Η κυβέρνηση ανακοίνωσε νέα μέτρα — ΐ ΰ Ω' },
  arabic: { text: 'الحكومة تعلن عن إجراءات جديدة، ٢٠٢٥؟' },
  hebrew: { text: 'הממשלה הודיעה על צעדים חדשים ״בעקבות״ המשבר' },
  chineseSimplified: { text: '国务院发布新的经济刺激政策，市场反应积极。' },
  chineseTraditional: { text: '臺灣行政院宣布新的經濟政策，市場反應熱烈。', lang: 'zh-TW' },
  japanese: { text: '東京都は新しい経済対策を発表した。「カタカナ」も、ひらがなも。', lang: 'ja' },
  korean: { text: '서울시는 새로운 경제 대책을 발표했다. 大韓民國', lang: 'ko' },
  symbols: { text: 'π ≠ ∞ ² ± € £ ¥ — “ ” ‘ ’ … • → ✓ № ★ ☎ ♫ ∑ ∫ ≈ ⇒ ① ♛ ⌘ ☐' },
};

describe('fontsFor: coverage', () => {
  for (const [script, { text, lang }] of Object.entries(SAMPLES)) {
    it(`covers every code point of a ${script} headline`, async () => {
      const { load } = diskLoader();
      const fonts = await fontsFor(text, load, { lang });
      const missing = [...text].filter((ch) => !/\s/.test(ch) && !firstCovering(fonts, ch.codePointAt(0) ?? 0));
      expect(missing).toEqual([]);
    });
  }

  it('draws Han characters with the shapes of the text’s own language', async () => {
    const { load } = diskLoader();
    const cp = '直'.codePointAt(0) ?? 0; // differs visibly between Japanese, Chinese and Korean designs
    expect(firstCovering(await fontsFor('直ちに発表した', load), cp)).toMatch(/^Storycard JP /);
    expect(firstCovering(await fontsFor('直接发表了', load), cp)).toMatch(/^Storycard SC /);
    expect(firstCovering(await fontsFor('直接', load, { lang: 'zh-Hant-TW' }), cp)).toMatch(/^Storycard TC /);
    expect(firstCovering(await fontsFor('직접 直接', load), cp)).toMatch(/^Storycard KR /);
  });

  it('guesses Traditional Chinese from the characters when no lang is given', () => {
    expect(cjkOrder('臺灣的經濟發展')[0]).toBe('tc');
    expect(cjkOrder('中国的经济发展')[0]).toBe('sc');
    expect(cjkOrder('カタカナ 漢字')[0]).toBe('jp');
  });

  it('gives each weight the headline and body faces ask for', async () => {
    const { load } = diskLoader();
    const fonts = await fontsFor('plain English', load);
    const weights = (name: string) => fonts.filter((f) => f.name === name).map((f) => f.weight);
    expect(weights('Storycard Serif')).toEqual([700, 800]);
    expect(weights('Storycard Sans')).toEqual([400, 600, 700]);
    // A newsroom's brand face leads (skipped when fonts/brand/ has none), then the bundled ones.
    expect(FONT_FAMILIES.headline.split(', ').slice(0, 2)).toEqual(['Storycard Brand Headline', 'Storycard Serif']);
    expect(FONT_FAMILIES.body.split(', ').slice(0, 2)).toEqual(['Storycard Brand Body', 'Storycard Sans']);
  });
});

describe('fontsFor: loads only what the text needs', () => {
  it('loads no CJK, Arabic or Hebrew file for plain English, and nothing again on the next render', async () => {
    const { load, calls } = diskLoader();
    const fonts = await fontsFor('Plain English headline: “quoted” — 3 × 4 = 12, €5', load);
    expect(calls.filter((f) => /cjk|arabic|hebrew|symbols|math|emoji/.test(f))).toEqual([]);
    expect(fonts.map((f) => f.name)).toEqual([
      'Storycard Serif',
      'Storycard Serif',
      'Storycard Sans',
      'Storycard Sans',
      'Storycard Sans',
    ]);
    const first = calls.length;
    await fontsFor('Another plain English headline', load);
    expect(calls.length).toBe(first);
  });

  it('loads a few CJK slices for a Chinese headline, not the whole face', async () => {
    const { load, calls } = diskLoader();
    const fonts = await fontsFor(SAMPLES.chineseSimplified?.text ?? '', load);
    const slices = calls.filter((f) => f.startsWith('cjk/sc/'));
    expect(slices.length).toBeGreaterThan(0);
    expect(slices.length).toBeLessThan(40); // of ~200 SC files
    expect(calls.filter((f) => /cjk\/(tc|jp|kr)/.test(f))).toEqual([]);
    const bytes = fonts.reduce((n, f) => n + f.data.byteLength, 0);
    expect(bytes).toBeLessThan(3_000_000);
  });

  it('loads Arabic faces for Arabic text and Hebrew faces for Hebrew text only', async () => {
    const ar = diskLoader();
    const names = (await fontsFor(SAMPLES.arabic?.text ?? '', ar.load)).map((f) => f.name);
    expect(names).toContain('Storycard Naskh');
    expect(names).toContain('Storycard Arabic');
    expect(names).not.toContain('Storycard Hebrew');
    const he = diskLoader();
    const heNames = (await fontsFor(SAMPLES.hebrew?.text ?? '', he.load)).map((f) => f.name);
    expect(heNames).toContain('Storycard Serif Hebrew');
    expect(heNames).not.toContain('Storycard Arabic');
  });

  it('does not load a symbol font for emoji, which satori draws as images', async () => {
    const { load, calls } = diskLoader();
    await fontsFor('Big news ❤️ 😀 👩‍💻 🇫🇷', load);
    expect(calls.filter((f) => /symbols|math|cjk/.test(f))).toEqual([]);
  });
});

describe('emojiLoader', () => {
  const { load } = diskLoader();
  const emoji = emojiLoader(load);
  for (const e of ['😀', '👩‍💻', '🇫🇷', '👍🏽', '❤️', '❤', '1️⃣', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🐦‍🔥']) {
    it(`returns Twemoji artwork for ${e}`, async () => {
      const uri = await emoji(e);
      expect(uri).toMatch(/^data:image\/svg\+xml;base64,/);
      const svg = atob(uri?.split(',')[1] ?? '');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 36 /);
    });
  }

  it('tells a thumbs-up with a skin tone from the plain one', async () => {
    expect(await emoji('👍🏽')).not.toBe(await emoji('👍'));
  });

  it('returns undefined, not an error, for something that is not an emoji', async () => {
    expect(await emoji('x')).toBeUndefined();
  });

  it('falls back to the first emoji of an unknown ZWJ sequence', () => {
    expect(emojiKeys('👩🏽‍🦼‍➡️')).toEqual([
      '1f469-1f3fd-200d-1f9bc-200d-27a1',
      '1f469-200d-1f9bc-200d-27a1',
      '1f469-1f3fd',
      '1f469',
    ]);
  });
});

describe('fonts/ on disk', () => {
  it('FONTS_VERSION is the hash of the committed files (re-run scripts/fonts-build.mjs after changing them)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir)
        .sort()
        .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
    const hash = createHash('sha256');
    // fonts/studio/ (the studio's own web fonts) is never drawn on a card and is not part of the version.
    for (const f of walk(FONTS).filter((f) => !f.endsWith('README.md') && !f.startsWith(join(FONTS, 'studio/'))))
      hash.update(f.slice(FONTS.length)).update(readFileSync(f));
    expect(hash.digest('hex').slice(0, 12)).toBe(FONTS_VERSION);
  });
});
