// Golden images: every template × size on the sample stories must look as reviewed, within anti-aliasing noise.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/render/index.ts';
import { parseStory } from '../../src/story/schema.ts';
import { SAMPLES } from '../../templates/samples.ts';
import { diffPixels, GOLDEN_DIR, goldenCases, goldenRuntime, MAX_DIFF_PIXELS } from '../helpers/golden.ts';

const runtime = goldenRuntime();

describe('golden cards', () => {
  it.each(goldenCases().map((c) => [c.file, c] as const))('%s matches its golden', async (_file, c) => {
    const sample = SAMPLES.find((s) => s.id === c.sample)!;
    const { image: png } = await renderCard(
      { story: parseStory(sample.story), template: c.template, size: c.size, theme: c.theme },
      runtime,
    );
    const golden = await readFile(new URL(c.file, GOLDEN_DIR)).catch(() => {
      throw new Error(`no golden for ${c.file}: run \`npm run golden:update\` and review the image`);
    });
    const { pixels } = diffPixels(png, golden);
    expect(pixels, `${c.file}: ${pixels} pixels differ from the golden`).toBeLessThanOrEqual(MAX_DIFF_PIXELS);
  });
});
