// `storycard templates`: the card templates with their descriptions and sizes.

import type { TemplateMeta } from '../render/template.ts';
import { SIZES } from '../render/types.ts';
import { TEMPLATES } from './commands.ts';
import { type CliIO, EXIT, fail } from './io.ts';
import { commandHelp, parseCommand } from './options.ts';
// The registry and the sizes, not the render core: listing needs no fonts, BudouX or wasm, and starts in tens of ms.
import { loadTemplates, TemplatesDirError } from './templates-source.ts';

export async function templatesCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(TEMPLATES, argv);
  if (values.help) {
    io.stdout.write(`${commandHelp(TEMPLATES)}\n`);
    return EXIT.ok;
  }
  if (positionals.length)
    return fail(io, `templates: expected no arguments, received ${JSON.stringify(positionals[0])}`);
  let metas: TemplateMeta[];
  try {
    metas = (await loadTemplates(values.templates)).list();
  } catch (e) {
    if (e instanceof TemplatesDirError) return fail(io, e.message);
    throw e;
  }
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
