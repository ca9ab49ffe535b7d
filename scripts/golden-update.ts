// Re-render every golden card. Run only on purpose (`npm run golden:update`), then LOOK at the changed images.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCard } from '../src/render/index.ts';
import { parseStory } from '../src/story/schema.ts';
import { registry as templates } from '../templates/index.ts';
import { SAMPLES } from '../templates/samples.ts';
import { differingPixels, GOLDEN_DIR, goldenCases, goldenRuntime, pixelsOf } from '../tests/helpers/golden.ts';

/** Optional filters: only goldens whose path contains one of them (`npm run golden:update -- hindi thai`). */
const only = process.argv.slice(2);
const runtime = goldenRuntime();
let changed = 0;
const cases = goldenCases();
for (const c of cases) {
  if (only.length && !only.some((o) => c.file.includes(o))) continue;
  const sample = SAMPLES.find((s) => s.id === c.sample)!;
  const { image: png } = await renderCard(
    { story: parseStory(sample.story), template: c.template, size: c.size, theme: c.theme },
    runtime,
    templates,
  );
  const url = new URL(c.file, GOLDEN_DIR);
  const old = await readFile(url).catch(() => undefined);
  if (old && differingPixels(pixelsOf(png), pixelsOf(old)).count === 0) continue;
  await mkdir(new URL('.', url), { recursive: true });
  await writeFile(url, png);
  changed++;
  console.log(`${old ? 'updated' : 'created'} ${c.file}`);
}
// A golden the matrix no longer draws (a sample or size dropped) goes too, so the test does not trip on it.
if (!only.length) {
  const dir = fileURLToPath(GOLDEN_DIR);
  const wanted = new Set(cases.map((c) => c.file));
  for (const f of await readdir(dir, { recursive: true })) {
    const file = relative(dir, join(dir, f));
    if (file.endsWith('.png') && !wanted.has(file)) {
      await rm(join(dir, file));
      console.log(`removed ${file}`);
    }
  }
}
console.log(`${changed} golden image(s) written of ${cases.length}; review them before committing.`);
