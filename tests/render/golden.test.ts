// Golden images: every template × size on the sample stories must look as reviewed, to the last pixel.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/render/index.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';
import { bandLimit, largestEmptyBand } from '../helpers/bands.ts';
import { differingPixels, GOLDEN_DIR, goldenCases, goldenRuntime, pixelsOf } from '../helpers/golden.ts';

const runtime = goldenRuntime();
let failures: string | undefined;

describe('golden cards', () => {
  it.each(goldenCases().map((c) => [c.file, c] as const))('%s matches its golden, no dead band', async (_file, c) => {
    const sample = SAMPLES.find((s) => s.id === c.sample)!;
    const { image: png } = await renderCard(
      { story: parseStory(sample.story), template: c.template, size: c.size, theme: c.theme },
      runtime,
      templates,
    );
    const golden = await readFile(new URL(c.file, GOLDEN_DIR)).catch(() => {
      throw new Error(`no golden for ${c.file}: run \`npm run golden:update\` and review the image`);
    });
    const diff = differingPixels(pixelsOf(png), pixelsOf(golden));
    if (diff.count > 0) {
      // Keep what was drawn, so the difference can be looked at next to the golden.
      failures ??= await mkdtemp(join(tmpdir(), 'storycard-golden-'));
      const out = join(failures, c.file.replaceAll('/', '__'));
      await writeFile(out, png);
      expect.fail(
        `${c.file}: ${diff.count} pixels differ from the golden, the first at (${diff.first?.x}, ${diff.first?.y}); this render is at ${out}`,
      );
    }
    // The composition holds at every size: no strip of the card with nothing in it over a quarter of its height.
    const band = largestEmptyBand(png);
    const limit = bandLimit(parseStory(sample.story));
    expect(band.fraction, `${c.file}: rows ${band.top}–${band.top + band.height} are empty`).toBeLessThanOrEqual(limit);
  });

  it('has no golden the matrix no longer draws', async () => {
    const dir = fileURLToPath(GOLDEN_DIR);
    const files = (await readdir(dir, { recursive: true }))
      .filter((f) => f.endsWith('.png'))
      .map((f) => relative(dir, join(dir, f)));
    const expected = new Set(goldenCases().map((c) => c.file));
    expect(files.filter((f) => !expected.has(f))).toEqual([]);
  });
});
