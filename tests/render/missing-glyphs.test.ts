// The report names every character no bundled face could draw (satori's silent .notdef boxes), and nothing else.
import { describe, expect, it } from 'vitest';
import { loadGlyphCoverage, missingGlyphs, renderSvg } from '../../src/render/index.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { createStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';

const runtime = createNodeRuntime();
const coverage = () => loadGlyphCoverage((f) => runtime.loadFont(f));

// Characters no bundled face covers, whatever fonts land: a private-use code point (Inter maps its own glyph at
// U+E000, which is not the newsroom's character), one Unicode has not assigned, and Cherokee and Ol Chiki, scripts
// nobody bundles; plus a pair of regional indicators that is no flag (no emoji picture).
const PRIVATE = '\u{E000}';
const UNASSIGNED = '\u{0378}';
const CHEROKEE = 'Ꮳ';
const OL_CHIKI = 'ᱚ';
const NO_FLAG = '🇦🇦';

describe('missingGlyphs in the render report', () => {
  it('is empty when every character was drawn: Latin, Greek, Arabic, Japanese, emoji', async () => {
    const story = createStory({
      headline: 'Ελλάδα: ψήφος 🇬🇷 — 日本の選挙 — انتخابات 👩🏽‍🚀',
      quote: 'We acted decisively.',
      lang: 'el',
    });
    const { report } = await renderSvg({ story, template: 'breaking', size: 'og' }, runtime, templates);
    expect(report.missingGlyphs).toEqual([]);
  });

  it('names each undrawable character once per slot, with its field and code point', async () => {
    const story = createStory({
      headline: `Council ${PRIVATE} vote ${UNASSIGNED} in ${CHEROKEE}${CHEROKEE} and ${OL_CHIKI} ${NO_FLAG}`,
      quote: `Quote in ${CHEROKEE}`,
      quoteAuthor: 'Ana Ribeiro',
    });
    const { report } = await renderSvg({ story, template: 'quote', size: 'og' }, runtime, templates);
    expect(report.missingGlyphs).toEqual([
      { field: 'headline', char: PRIVATE, codePoint: 'U+E000' },
      { field: 'headline', char: UNASSIGNED, codePoint: 'U+0378' },
      { field: 'headline', char: CHEROKEE, codePoint: 'U+13E3' },
      { field: 'headline', char: OL_CHIKI, codePoint: 'U+1C5A' },
      { field: 'headline', char: NO_FLAG, codePoint: 'U+1F1E6 U+1F1E6' },
      { field: 'quote', char: CHEROKEE, codePoint: 'U+13E3' },
    ]);
  });

  it('checks the text as drawn: a character cut off with the ellipsis is not named', async () => {
    const quote = `${'Every report we filed came back with the same answer: no money, no time. '.repeat(8)}`.slice(
      0,
      590,
    );
    const story = createStory({ quote: `${quote} ${CHEROKEE}` });
    const { report } = await renderSvg({ story, template: 'quote', size: 'og' }, runtime, templates);
    expect(report.fields.quote?.truncated).toBe(true);
    expect(report.missingGlyphs).toEqual([]);
  });
});

describe('missingGlyphs(fields, coverage): pure, from text alone', () => {
  it('skips spaces, joiners and variation selectors, and counts emoji as covered when the set has them', async () => {
    const cov = await coverage();
    expect(missingGlyphs({ headline: 'a\u200db\u00ad c\u{FE0F} ✈️ 🫶🏽' }, cov)).toEqual([]);
    expect(missingGlyphs({ quote: `x${PRIVATE}` }, cov)).toEqual([
      { field: 'quote', char: PRIVATE, codePoint: 'U+E000' },
    ]);
  });
});
