// Scripts set on taller lines than Latin (Tibetan, Myanmar, Lao, Khmer…) keep their drawn block inside its slot: a
// one-word headline at the largest size is a line box taller than what is left of the slot once its ink is kept in.
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.ts';
import type { SizeName } from '../../src/render/types.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { goldenRuntime } from '../helpers/golden.ts';
import { inkProblems } from '../helpers/ink.ts';

const runtime = goldenRuntime();

const cases: { headline: string; size: SizeName }[] = [
  // Found by tests/render/overflow.property.test.ts (FC_SEED=1296440836): the Tibetan syllable OM and a space.
  { headline: 'ༀ ', size: 'og' },
  { headline: 'ༀ', size: 'x' },
];

describe('tall scripts stay in their slots', () => {
  for (const { headline, size } of cases) {
    it(`"${headline}" in the headline template at ${size}`, async () => {
      const story = parseStory({ headline, lang: 'en' });
      const { svg, report, fitted } = await renderSvg({ story, template: 'headline', size }, runtime, templates);
      const h = fitted.headline;
      // The drawn block (lines and the insets its ink needed) within the slot the layout gave the headline.
      expect(h.rect.height).toBeLessThanOrEqual(h.height);
      expect(inkProblems(svg, fitted, report.width, report.height)).toEqual([]);
    });
  }
});
