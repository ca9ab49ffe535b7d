// Scripts set on taller lines than Latin (Tibetan, Thai, Myanmar, Lao, Khmer…) keep their drawn block inside its slot:
// a short headline at the largest size is a line box taller than what is left of the slot once its ink is kept in.
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.ts';
import type { SizeName } from '../../src/render/types.ts';
import { parseStory, type StoryInput } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { goldenRuntime } from '../helpers/golden.ts';
import { inkProblems } from '../helpers/ink.ts';

const runtime = goldenRuntime();

// Counterexamples tests/render/overflow.property.test.ts found, as fast-check shrank them.
const cases: { story: StoryInput; template: string; size: SizeName }[] = [
  // FC_SEED=1296440836: the Tibetan syllable OM and a space; its block was 395px tall in a 379px slot.
  { story: { headline: 'ༀ ', lang: 'en' }, template: 'headline', size: 'og' },
  { story: { headline: 'ༀ', lang: 'en' }, template: 'headline', size: 'x' },
  // With the tall-script words (FC_SEED=3): a Thai headline over a long attribution, 157px in a 151px slot.
  {
    story: {
      headline: 'ญี่ปุ่น  ',
      quote: '!',
      quoteAuthor: `${'x'.repeat(100)} မြန်မာ`,
      lang: 'en',
      url: 'https://example.com/a',
    },
    template: 'quote',
    size: 'x',
  },
];

describe('tall scripts stay in their slots', () => {
  for (const { story, template, size } of cases) {
    it(`"${story.headline}" in the ${template} template at ${size}`, async () => {
      const { svg, report, fitted } = await renderSvg({ story: parseStory(story), template, size }, runtime, templates);
      const h = fitted.headline;
      // The drawn block (lines and the insets its ink needed) within the slot the layout gave the headline.
      expect(h.rect.height).toBeLessThanOrEqual(h.height);
      expect(inkProblems(svg, fitted, report.width, report.height)).toEqual([]);
    });
  }
});
