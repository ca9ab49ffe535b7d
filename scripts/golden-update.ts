// Re-render every golden card. Run only on purpose (`npm run golden:update`), then LOOK at the changed images.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { renderCard } from '../src/render/index.ts';
import { parseStory } from '../src/story/schema.ts';
import { SAMPLES } from '../templates/samples.ts';
import { diffPixels, GOLDEN_DIR, goldenCases, goldenRuntime, MAX_DIFF_PIXELS } from '../tests/helpers/golden.ts';

const only = process.argv[2];
const runtime = goldenRuntime();
let changed = 0;
for (const c of goldenCases()) {
  if (only && !c.file.includes(only)) continue;
  const sample = SAMPLES.find((s) => s.id === c.sample)!;
  const { image: png } = await renderCard(
    { story: parseStory(sample.story), template: c.template, size: c.size, theme: c.theme },
    runtime,
  );
  const url = new URL(c.file, GOLDEN_DIR);
  const old = await readFile(url).catch(() => undefined);
  if (old && diffPixels(png, old).pixels <= MAX_DIFF_PIXELS) continue;
  await mkdir(new URL('.', url), { recursive: true });
  await writeFile(url, png);
  changed++;
  console.log(`${old ? 'updated' : 'created'} ${c.file}`);
}
console.log(`${changed} golden image(s) written; review them before committing.`);
