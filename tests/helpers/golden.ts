// The golden matrix (template × size × sample) and PNG comparison, shared by the test and the update script.

import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { listTemplates } from '../../src/render/index.ts';
import type { SizeName } from '../../src/render/types.ts';
import { SAMPLES } from '../../templates/samples.ts';

export const GOLDEN_DIR = new URL('../render/__golden__/', import.meta.url);

export interface GoldenCase {
  template: string;
  size: SizeName;
  sample: string;
  file: string;
}

/** Every template at every size for the demo story; every other sample at `og` and the tallest size. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const t of listTemplates()) {
    for (const sample of SAMPLES) {
      const sizes = sample.id === 'demo' ? t.sizes : t.sizes.filter((s) => s === 'og' || s === 'story');
      for (const size of sizes)
        cases.push({ template: t.name, size, sample: sample.id, file: `${t.name}/${size}/${sample.id}.png` });
    }
  }
  return cases;
}

/**
 * Share of pixels that differ beyond anti-aliasing noise. A different rasteriser build can move edges
 * by a fraction of a pixel; a layout change moves whole words, which is far above the tolerance.
 */
export function diffRatio(actual: Uint8Array, expected: Uint8Array): { ratio: number; diff: PNG } {
  const a = PNG.sync.read(Buffer.from(actual));
  const b = PNG.sync.read(Buffer.from(expected));
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`size differs: rendered ${a.width}×${a.height}, golden ${b.width}×${b.height}`);
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  return { ratio: n / (a.width * a.height), diff };
}

export const MAX_DIFF_RATIO = 0.002;
