// Property: for any story (every field up to its limit, any script, emoji, unbroken tokens), any template,
// size and theme, every glyph the card draws sits inside its text slot and inside the card, and no text
// slot overlaps another. Checked on the ink (the glyph outlines satori writes into the SVG), not on boxes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.ts';
import type { SizeName } from '../../src/render/types.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { HEADLINE_MAX, parseStory, QUOTE_MAX } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { inkProblems } from '../helpers/ink.ts';

const WORDS = [
  'Minister',
  'announces',
  'plan',
  'Łódź',
  'Zürich',
  'ÅNGSTRÖM',
  'Київ',
  'Αθήνα',
  'وزير',
  'المالية',
  'הכנסת',
  'אישרה',
  '東京都、',
  '来年度から',
  '「全会一致」',
  '国家统计局',
  '서울시',
  '대중교통',
  '🚀',
  '👩‍💻',
  '🇫🇷',
  'π≠∞',
  '±1²',
  '€2.5bn',
  'https://example.com/a/very/long/path?with=query&and=more',
  'x'.repeat(100),
  '—',
  '“quoted”',
  '«cité»',
  '„so“',
  'Ệ̃ṩ',
  'fijord',
  // Scripts set on taller lines than Latin (slots.ts TALL_SCRIPTS): stacks, subscripts and marks above and below.
  'ༀ',
  'བོད་ཡིག',
  'မြန်မာ',
  'ລາວ',
  'ភាសាខ្មែរ',
  'ญี่ปุ่น',
  'தமிழ்',
  'हिन्दी',
];

const textOf = (max: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' })), {
      minLength: 1,
      maxLength: 60,
    })
    // Cut by code point, never inside a surrogate pair (a lone surrogate is a 400 before any card is drawn).
    .map((ws) => Array.from(ws.join(' ')).slice(0, max).join(''))
    .filter((s) => s.trim().length > 0);

const SIZES: SizeName[] = ['og', 'x', 'square', 'portrait', 'story'];
const LANGS = ['en', 'fr', 'de', 'ja', 'zh-TW', 'ko', 'ar', 'he', undefined];

// Enough cases to find something (override with PROPERTY_RUNS), a new seed each run; fast-check prints the
// seed and path of a failure, and FC_SEED replays it.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;

describe('text always fits', () => {
  const runtime = createNodeRuntime();
  it(`random stories never draw ink outside their slots or the card (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          headline: textOf(HEADLINE_MAX),
          quote: fc.option(textOf(QUOTE_MAX), { nil: undefined }),
          quoteAuthor: fc.option(textOf(120), { nil: undefined }),
          siteName: fc.option(textOf(80), { nil: undefined }),
          author: fc.option(textOf(120), { nil: undefined }),
          lang: fc.constantFrom(...LANGS),
          publishedAt: fc.option(fc.constant('2025-03-06T13:15:00Z'), { nil: undefined }),
          url: fc.option(fc.constantFrom('https://example.com/a', `https://${'sub.'.repeat(20)}example.com/x`), {
            nil: undefined,
          }),
        }),
        fc.constantFrom(...templates.list().map((t) => t.name)),
        fc.constantFrom(...SIZES),
        fc.constantFrom('light', 'dark') as fc.Arbitrary<'light' | 'dark'>,
        async (input, template, size, mode) => {
          const story = parseStory(input);
          const { svg, report, fitted } = await renderSvg(
            { story, template, size, theme: { mode } },
            runtime,
            templates,
          );
          expect(report.fields.headline.lineTexts.length).toBeGreaterThan(0);
          expect(inkProblems(svg, fitted, report.width, report.height)).toEqual([]);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 900_000);
});
