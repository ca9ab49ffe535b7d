// Characters outside the Basic Multilingual Plane get the face that has them, whatever the isolate drew before:
// satori remembered its font choice per UTF-16 unit, so 🗫 (U+1F5EB) took the face chosen for 🜑 (U+1F711, same
// high surrogate), and the run shaped that way was reused by a later card's measuring pass (patches/satori.mjs, C).
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { inkProblems } from '../helpers/ink.ts';

// The property test's counterexample (seed 1305987160), shrunk: a Hebrew quote card, its masthead in symbols.
const story = (siteName: string) =>
  parseStory({
    headline: '!',
    quote: '⇶',
    siteName,
    author: 'Minister 🇫🇷 𘡪𒄎𘢆⠑𖼾🧗🛓ↆ𖢷',
    lang: 'he',
    publishedAt: '2025-03-06T13:15:00Z',
    url: 'https://example.com/a',
  });

describe('a character outside the BMP', () => {
  it('is measured as it is drawn after a card that set a neighbour of its high surrogate', async () => {
    const runtime = createNodeRuntime();
    const draw = (siteName: string) =>
      renderSvg({ story: story(siteName), template: 'quote', size: 'og', theme: { mode: 'dark' } }, runtime, templates);
    await draw('𐳖𒊹⌎𝂉🜑🗫⬬𝀖ꂕ𓌞悔');
    const { svg, fitted, report } = await draw('🗫悔');
    expect(inkProblems(svg, fitted, report.width, report.height)).toEqual([]);
    // The masthead's box is as wide as its ink (drawn 55 px wide before the fix, in a 41 px box).
    expect(fitted.siteName?.width).toBeGreaterThan(50);
  });
});
