// Every script a newsroom publishes in is drawn with real glyphs: no .notdef box in any script's headline or quote,
// and Han characters take the shapes of the story's language.
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.ts';
import type { RenderRuntime } from '../../src/render/types.ts';
import { parseStory, type StoryInput } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';
import { goldenRuntime } from '../helpers/golden.ts';
import { notdefBoxes } from '../helpers/notdef.ts';

const runtime = goldenRuntime();
const scripts = SAMPLES.filter((s) => s.goldenSizes);

/** The same runtime with one group of faces taken out of fonts/index.json: what a card looked like without them. */
function without(group: string): RenderRuntime {
  return {
    ...runtime,
    async loadFont(file) {
      const buf = await runtime.loadFont(file);
      if (file !== 'index.json') return buf;
      const index = JSON.parse(new TextDecoder().decode(buf)) as { fonts: { group: string }[] };
      index.fonts = index.fonts.filter((f) => f.group !== group);
      return new TextEncoder().encode(JSON.stringify(index)).buffer as ArrayBuffer;
    },
  };
}

const svgOf = async (story: StoryInput, template: string, rt = runtime) =>
  (await renderSvg({ story: parseStory(story), template, size: 'og' }, rt, templates)).svg;

describe('no .notdef box in any script', () => {
  it('the detector sees the boxes of a script no face covers (Thaana), and of Hindi without Devanagari faces', async () => {
    expect(await svgOf({ headline: 'ހ ށ ނ', lang: 'dv' }, 'headline')).toSatisfy(
      (svg: string) => notdefBoxes(svg) === 3,
    );
    const hindi = scripts.find((s) => s.id === 'hindi')?.story as StoryInput;
    expect(notdefBoxes(await svgOf(hindi, 'quote', without('devanagari')))).toBeGreaterThan(20);
  });

  it.each(scripts.map((s) => [s.id, s.story] as const))(
    '%s: the headline (headline face) and the quote (body face) are drawn in real glyphs',
    async (_id, story) => {
      // The quote template draws the headline in the headline face and the quote and speaker in the body face.
      expect(notdefBoxes(await svgOf(story, 'quote'))).toBe(0);
    },
  );
});

describe('Han shapes follow the story language', () => {
  // 直 and 骨 are drawn differently in Japanese, Simplified and Traditional Chinese (the strokes inside 直, the
  // inner box of 骨); Hong Kong and Taiwan share the Traditional forms bundled here.
  const han = async (lang: string) => {
    const svg = await svgOf({ headline: '直骨', lang }, 'headline');
    return [...svg.matchAll(/<path[^>]* d="([^"]*)"/g)].map((m) => m[1]).join('|');
  };

  it('ja, zh-CN and zh-TW draw three different shapes; zh-HK and zh-Hant draw zh-TW’s', async () => {
    const [ja, sc, tw, hk, hant] = await Promise.all(['ja', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hant'].map(han));
    expect(new Set([ja, sc, tw]).size).toBe(3);
    expect(hk).toBe(tw);
    expect(hant).toBe(tw);
  });
});
