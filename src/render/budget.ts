// A render's work budget: how much a card may ask of the isolate before it is refused with a clear 422 instead of
// holding every other request behind it. Checked before any font is loaded or any layout run.

import type { FieldIssue } from '../errors.ts';
import { StorycardError } from '../errors.ts';
import type { Story } from '../story/schema.ts';
import { EMOJI_PRESENTATION } from './fonts.ts';

/**
 * Emoji are the costly glyphs (each is a small vector picture): a 300-emoji headline, the longest there is, renders
 * in a few hundred ms inside workerd (src/render/emoji-svg.ts); more than that across the card is refused.
 */
export const MAX_EMOJI = 300;
/** Graphemes drawn across the card's text fields: the story schema's caps (300 + 600 + 120 + 80 + 120) and a margin. */
export const MAX_GRAPHEMES = 1_300;
/** Pixels of one fetched image (logo or photo) a card decodes: 4096 × 4096. Larger ones are dropped like a failed fetch. */
export const MAX_IMAGE_PIXELS = 4096 * 4096;

const FIELDS = ['headline', 'quote', 'quoteAuthor', 'siteName', 'author'] as const;

let segmenter: Intl.Segmenter | undefined;

/** Throws a 422 naming the field where the card went over its emoji or grapheme budget; returns the counts. */
export function checkBudget(story: Story, siteName?: string): { emoji: number; graphemes: number } {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let emoji = 0;
  let graphemes = 0;
  for (const field of FIELDS) {
    const text = field === 'siteName' ? (story.siteName ?? siteName) : story[field];
    if (!text) continue;
    let fieldEmoji = 0;
    let fieldGraphemes = 0;
    for (const { segment } of segmenter.segment(text)) {
      fieldGraphemes++;
      if (EMOJI_PRESENTATION.test(segment)) fieldEmoji++;
    }
    emoji += fieldEmoji;
    graphemes += fieldGraphemes;
    if (emoji > MAX_EMOJI) {
      throw over(field, `at most ${MAX_EMOJI} emoji on one card`, `${emoji} emoji (${fieldEmoji} in ${field})`);
    }
    if (graphemes > MAX_GRAPHEMES) {
      throw over(field, `at most ${MAX_GRAPHEMES} characters drawn on one card`, `${graphemes} up to ${field}`);
    }
  }
  return { emoji, graphemes };
}

function over(path: string, expected: string, received: string): StorycardError {
  const issue: FieldIssue = {
    path,
    expected,
    received,
    message: `${path}: expected ${expected}, received ${received}`,
  };
  return new StorycardError('render_budget', issue.message, { issues: [issue] });
}
