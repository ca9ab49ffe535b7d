// The render budget: emoji drawn once per card (one <symbol> each), a 300-emoji headline rendered fast, and a clear
// 422 naming the field for a card that asks for more.
import { describe, expect, it } from 'vitest';
import { StorycardError } from '../../src/errors.ts';
import { checkBudget, MAX_EMOJI, renderCard, renderSvg } from '../../src/render/index.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { createStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';

const runtime = createNodeRuntime();
const EMOJI = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚🙂🤗🤩🤔🤨😐😑😶🙄😏😣😥'];
const emoji = (n: number) => Array.from({ length: n }, (_, i) => EMOJI[i % EMOJI.length]).join('');

describe('the render budget', () => {
  it('draws each distinct emoji once, as a symbol, and every use as a <use> of it', async () => {
    const { svg } = await renderSvg(
      { story: createStory({ headline: `Party ${emoji(90)}`, quote: undefined }) },
      runtime,
      templates,
    );
    expect(svg).not.toContain('data:image/svg+xml');
    expect(svg.match(/<symbol /g)).toHaveLength(EMOJI.length);
    expect(svg.match(/<use href="#emoji\d+"/g)).toHaveLength(90);
  });

  it('renders a 300-emoji headline, the longest there is', async () => {
    const story = createStory({ headline: emoji(300), quote: undefined });
    expect(checkBudget(story)).toMatchObject({ emoji: 300 });
    const { image, report } = await renderCard({ story, format: 'png' }, runtime, templates);
    expect(image.byteLength).toBeGreaterThan(0);
    expect(report.fields.headline.truncated).toBe(false);
  });

  it('refuses a card with more than 300 emoji with a 422 naming the field and the limit', async () => {
    const story = createStory({ headline: emoji(250), quote: emoji(100) });
    const err = await renderCard({ story }, runtime, templates).catch((e) => e);
    expect(err).toBeInstanceOf(StorycardError);
    expect(err.status).toBe(422);
    expect(err.message).toBe(
      `quote: expected at most ${MAX_EMOJI} emoji on one card, received 350 emoji (100 in quote)`,
    );
    expect(err.issues).toEqual([expect.objectContaining({ path: 'quote', expected: 'at most 300 emoji on one card' })]);
  });
});
