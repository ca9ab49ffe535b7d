// What a card in another script costs on Node: ms per render and the font bytes it loads, for the Latin demo and
// the Hindi and Thai samples, per template at og. Usage: tsx scripts/bench-scripts.ts [--runs 20]
import { parseArgs } from 'node:util';
import { composeCard, renderCard } from '../src/render/index.ts';
import { createNodeRuntime } from '../src/runtime/node.ts';
import { parseStory } from '../src/story/schema.ts';
import { registry as templates } from '../templates/index.ts';
import { SAMPLES } from '../templates/samples.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const RUNS = Number(values.runs);
const runtime = createNodeRuntime({ fetch: async () => new Response('not found', { status: 404 }) });

const rows: Record<string, string | number>[] = [];
for (const id of ['demo', 'hindi', 'thai']) {
  const story = parseStory(SAMPLES.find((s) => s.id === id)!.story);
  for (const { name: template } of templates.list()) {
    const req = { story, template };
    const fonts = (await composeCard(req, runtime, templates)).options.fonts as { name: string; data: ArrayBuffer }[];
    for (let i = 0; i < 3; i++) await renderCard(req, runtime, templates);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await renderCard(req, runtime, templates);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    rows.push({
      sample: id,
      template,
      'median ms': Number((ms[Math.floor(RUNS / 2)] ?? 0).toFixed(1)),
      fonts: new Set(fonts.map((f) => f.name)).size,
      // Each file once (a face listed under two weights is still one file read).
      'font bytes': [...new Set(fonts.map((f) => f.data))].reduce((n, d) => n + d.byteLength, 0),
    });
  }
}
console.table(rows);
