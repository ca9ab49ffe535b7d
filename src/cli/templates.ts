// `storycard templates`: the card templates with their descriptions and sizes.

import { parseArgs } from 'node:util';
import { listTemplates, SIZES } from '../render/index.ts';
import { type CliIO, EXIT } from './io.ts';

export async function templatesCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const templates = listTemplates();
  if (values.json) {
    const out = templates.map((t) => ({ ...t, sizes: t.sizes.map((s) => ({ name: s, ...SIZES[s] })) }));
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...templates.map((t) => t.name.length));
  for (const t of templates) {
    io.stdout.write(`${t.name.padEnd(width)}  ${t.description}\n${' '.repeat(width)}  sizes: ${t.sizes.join(', ')}\n`);
  }
  return EXIT.ok;
}
