// The golden matrix (template × size × sample) and the exact pixel comparison, for Node and workerd alike.
//
// Why exact: goldens are drawn with the same fonts and the same rasteriser (resvg) wherever they run, so
// a render that is right is right to the last pixel, and any difference is a change: a brand colour one
// step off (#C8102E → #D8102E), a comma turned into a full stop, a glyph from another font.
import type { SizeName, Theme } from '../../src/render/types.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';

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

/** Every composition a template designs (wide, square, portrait, story) on every sample; x on the demo. */
const PINNED_SIZES: SizeName[] = ['og', 'square', 'portrait', 'story'];

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const t of templates.list()) {
    for (const sample of SAMPLES) {
      const pinned = sample.goldenSizes ?? PINNED_SIZES;
      const sizes = sample.id === 'demo' ? t.sizes : t.sizes.filter((s) => pinned.includes(s));
      for (const size of sizes)
        cases.push({ template: t.name, size, sample: sample.id, file: `${t.name}/${size}/${sample.id}.png` });
    }
    for (const [name, theme] of Object.entries(THEMES)) {
      cases.push({ template: t.name, size: 'og', sample: 'demo', theme, file: `${t.name}/og/demo.${name}.png` });
    }
  }
  return cases;
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Uint8Array;
}

/** Pixels that differ at all (any channel), and where the first one is. */
export function differingPixels(a: Pixels, b: Pixels): { count: number; first?: { x: number; y: number } } {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`size differs: rendered ${a.width}×${a.height}, golden ${b.width}×${b.height}`);
  }
  let count = 0;
  let first: { x: number; y: number } | undefined;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      a.data[i] !== b.data[i] ||
      a.data[i + 1] !== b.data[i + 1] ||
      a.data[i + 2] !== b.data[i + 2] ||
      a.data[i + 3] !== b.data[i + 3]
    ) {
      count++;
      first ??= { x: (i / 4) % a.width, y: Math.floor(i / 4 / a.width) };
    }
  }
  return first ? { count, first } : { count };
}
