// The golden matrix (template × size × sample) and PNG comparison, shared by the test and the update script.

import { readFile } from 'node:fs/promises';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { listTemplates } from '../../src/render/index.ts';
import type { SizeName, Theme } from '../../src/render/types.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { SAMPLES } from '../../templates/samples.ts';

/** A fake image host: the sample photo for images.example, 404 for anything else. */
const photoHost: typeof fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== 'images.example') return new Response('not found', { status: 404 });
  const bytes = await readFile(new URL('../fixtures/photo.png', import.meta.url));
  return new Response(bytes, { headers: { 'content-type': 'image/png' } });
};

/** The Node runtime the goldens are drawn with: real fonts, the fake image host. */
export const goldenRuntime = () => createNodeRuntime({ fetch: photoHost });

export const GOLDEN_DIR = new URL('../render/__golden__/', import.meta.url);

export interface GoldenCase {
  template: string;
  size: SizeName;
  sample: string;
  theme?: Partial<Theme>;
  file: string;
}

/** Theme variants pinned on the demo story at `og`: dark mode, and a light brand colour that needs adjusting. */
const THEMES: Record<string, Partial<Theme>> = {
  dark: { mode: 'dark', brandColor: '#4F8CFF' },
  'light-yellow': { mode: 'light', brandColor: '#FFD400', siteName: 'Sunny Gazette' },
};

/** Every template at every size for the demo story; every other sample at `og` and the tallest size. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const t of listTemplates()) {
    for (const sample of SAMPLES) {
      const sizes = sample.id === 'demo' ? t.sizes : t.sizes.filter((s) => s === 'og' || s === 'story');
      for (const size of sizes)
        cases.push({ template: t.name, size, sample: sample.id, file: `${t.name}/${size}/${sample.id}.png` });
    }
    for (const [name, theme] of Object.entries(THEMES)) {
      cases.push({ template: t.name, size: 'og', sample: 'demo', theme, file: `${t.name}/og/demo.${name}.png` });
    }
  }
  return cases;
}

/**
 * Pixels that differ beyond anti-aliasing noise. A different rasteriser build can move edges
 * by a fraction of a pixel; a layout change moves whole words, which is far above the tolerance.
 */
export function diffPixels(actual: Uint8Array, expected: Uint8Array): { pixels: number; diff: PNG } {
  const a = PNG.sync.read(Buffer.from(actual));
  const b = PNG.sync.read(Buffer.from(expected));
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`size differs: rendered ${a.width}×${a.height}, golden ${b.width}×${b.height}`);
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  return { pixels: n, diff };
}

/**
 * Pixels allowed to differ (after pixelmatch's anti-aliasing detection). Small on purpose: one wrong glyph
 * (a tofu box instead of 速) is several hundred pixels, and must fail.
 */
export const MAX_DIFF_PIXELS = 48;
