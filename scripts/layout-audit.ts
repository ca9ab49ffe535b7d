// Render every template × size × story and measure each card's largest empty band; optionally keep the PNGs to review.
// Usage: tsx scripts/layout-audit.ts [--set samples|held-out|all] [--sizes og,story] [--out DIR] [--only TEXT]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderCard } from '../src/render/index.ts';
import type { SizeName } from '../src/render/types.ts';
import { parseStory, type StoryInput } from '../src/story/schema.ts';
import { registry as templates } from '../templates/index.ts';
import { SAMPLES } from '../templates/samples.ts';
import { HELD_OUT } from '../tests/fixtures/held-out.ts';
import { largestEmptyBand, MAX_EMPTY_BAND } from '../tests/helpers/bands.ts';
import { goldenRuntime } from '../tests/helpers/golden.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'all' },
    sizes: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },
  },
});
const stories: { id: string; story: StoryInput }[] = [
  ...(values.set === 'held-out' ? [] : SAMPLES),
  ...(values.set === 'samples' ? [] : HELD_OUT),
];
const runtime = goldenRuntime();
const pct = (f: number) => `${(f * 100).toFixed(1)}%`;
let over = 0;
let total = 0;
const worst: { name: string; fraction: number }[] = [];
for (const t of templates.list()) {
  const sizes = values.sizes ? t.sizes.filter((s) => values.sizes?.split(',').includes(s)) : t.sizes;
  for (const size of sizes as SizeName[]) {
    const row: string[] = [];
    for (const { id, story } of stories) {
      const name = `${t.name}/${size}/${id}`;
      if (values.only && !name.includes(values.only)) continue;
      const { image: png } = await renderCard({ story: parseStory(story), template: t.name, size }, runtime, templates);
      const band = largestEmptyBand(png);
      total++;
      if (band.fraction > MAX_EMPTY_BAND) {
        over++;
        row.push(`${id} ${pct(band.fraction)}`);
      }
      worst.push({ name, fraction: band.fraction });
      if (values.out) {
        const dir = join(values.out, t.name, size);
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, `${id}.png`), png);
      }
    }
    console.log(`${t.name.padEnd(9)} ${size.padEnd(8)} ${row.length ? `over: ${row.join(', ')}` : 'ok'}`);
  }
}
worst.sort((a, b) => b.fraction - a.fraction);
console.log(
  `\nlargest bands: ${worst
    .slice(0, 8)
    .map((w) => `${w.name} ${pct(w.fraction)}`)
    .join('; ')}`,
);
console.log(`${over} of ${total} cards leave an empty band over ${pct(MAX_EMPTY_BAND)} of their height.`);
