// `storycard templates`: the card templates with their descriptions and sizes.

import { parseArgs } from 'node:util';
import { SIZES } from '../render/types.ts';
import { type CliIO, EXIT } from './io.ts';
// The registry and the sizes, not the render core: listing needs no fonts, BudouX or wasm, and starts in tens of ms.
import { loadTemplates } from './templates-source.ts';

export async function templatesCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const metas = (await loadTemplates()).list();
  if (values.json) {
    const out = metas.map((t) => ({ ...t, sizes: t.sizes.map((s) => ({ name: s, ...SIZES[s] })) }));
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...metas.map((t) => t.name.length));
  for (const t of metas) {
    io.stdout.write(`${t.name.padEnd(width)}  ${t.description}\n${' '.repeat(width)}  sizes: ${t.sizes.join(', ')}\n`);
  }
  return EXIT.ok;
}
