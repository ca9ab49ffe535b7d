// A newsroom's own typefaces without code: fonts/brand/brand.json + files, indexed by scripts/fonts-brand.mjs, drawn
// through the same family names, with the bundled faces for anything the brand face lacks.
import { cp, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { indexBrand } from '../../scripts/fonts-brand.mjs';
import { composeCard, renderSvg } from '../../src/render/index.ts';
import type { RenderRuntime } from '../../src/render/types.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { goldenRuntime } from '../helpers/golden.ts';
import { notdefBoxes } from '../helpers/notdef.ts';

const FONTS = fileURLToPath(new URL('../../fonts/', import.meta.url));
const bundled = goldenRuntime();
let branded: RenderRuntime;

// The brand face: Lato (SIL OFL 1.1, fonts/studio/LICENSES/lato.txt), bold for headlines and regular for body,
// declared for Latin only, as a newsroom would drop it in.
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'storycard-brand-'));
  for (const f of await readdir(FONTS)) {
    if (f === 'index.json' || f === 'brand') continue;
    await symlink(join(FONTS, f), join(dir, f));
  }
  await cp(join(FONTS, 'index.json'), join(dir, 'index.json'));
  await mkdir(join(dir, 'brand'));
  await cp(join(FONTS, 'studio/lato-latin-700.woff2'), join(dir, 'brand/Lato-Bold.woff2'));
  await cp(join(FONTS, 'studio/lato-latin-400.woff2'), join(dir, 'brand/Lato-Regular.woff2'));
  const manifest = {
    headline: { family: 'Lato', weights: { 700: 'Lato-Bold.woff2' } },
    body: { family: 'Lato', weights: { 400: 'Lato-Regular.woff2' } },
    scripts: ['Latin'],
  };
  await writeFile(join(dir, 'brand/brand.json'), JSON.stringify(manifest));
  await indexBrand(dir);
  branded = createNodeRuntime({ fontsDir: pathToFileURL(`${dir}/`) });
}, 60_000);

const paths = (svg: string) => [...svg.matchAll(/<path[^>]* d="([^"]*)"/g)].map((m) => m[1]);
const draw = async (headline: string, rt: RenderRuntime) =>
  (await renderSvg({ story: parseStory({ headline, lang: 'en' }), template: 'headline', size: 'og' }, rt, templates))
    .svg;

describe('brand fonts', () => {
  it('draws a Latin headline in the brand face', async () => {
    const card = await composeCard(
      { story: parseStory({ headline: 'Rates cut again' }), template: 'headline' },
      branded,
      templates,
    );
    const names = (card.options.fonts as { name: string; weight: number }[]).map((f) => `${f.name} ${f.weight}`);
    expect(names).toContain('Storycard Brand Headline 700');
    const [withBrand, without] = await Promise.all([
      draw('Rates cut again', branded),
      draw('Rates cut again', bundled),
    ]);
    expect(notdefBoxes(withBrand)).toBe(0);
    expect(paths(withBrand)).not.toEqual(paths(without));
  });

  it('falls back to the bundled faces for what the brand face lacks (Greek, Devanagari)', async () => {
    // Not a character here the brand face (Latin, digits, punctuation, the space) has: drawn exactly as without it.
    // (Between words the space is the brand face's, as in CSS: the first listed face that has it.)
    for (const headline of ['Αθήνα', 'प्रक्षेपण']) {
      const [withBrand, without] = await Promise.all([draw(headline, branded), draw(headline, bundled)]);
      expect(notdefBoxes(withBrand)).toBe(0);
      expect(paths(withBrand), headline).toEqual(paths(without));
    }
    const mixed = await draw('Rates cut in Αθήνα and भारत', branded);
    expect(notdefBoxes(mixed)).toBe(0);
  });
});
