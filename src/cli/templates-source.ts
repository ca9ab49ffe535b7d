// Where the CLI's card templates come from: it builds the registry the render core is handed (the core imports none).
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TemplateRegistry } from '../render/registry.ts';
import type { TemplateDefinition } from '../render/template.ts';

/** A --templates DIR that cannot be used, said in one line (exit 2): which file, what was expected, what was found. */
export class TemplatesDirError extends Error {
  override name = 'TemplatesDirError';
}

const isTemplate = (v: unknown): v is TemplateDefinition =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as TemplateDefinition).render === 'function' &&
  typeof (v as TemplateDefinition).meta?.name === 'string';

/**
 * A newsroom's own templates: every `*.tsx` in `dir` (not `_`-prefixed: those are shared pieces, like our `_kit.tsx`),
 * each default-exporting a template (`defineTemplate` from `storycard/template`; the kit is `storycard/kit`).
 * Compiled by esbuild on load, like ours (src/cli/tsx-hooks.mjs).
 */
async function templatesIn(dir: string): Promise<TemplateDefinition[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.tsx') && !f.startsWith('_')).sort();
  } catch (e) {
    throw new TemplatesDirError(`--templates: cannot read ${dir} (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  if (!files.length) throw new TemplatesDirError(`--templates: expected .tsx templates in ${dir}, received none`);
  const found: TemplateDefinition[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let mod: { default?: unknown };
    try {
      mod = await import(pathToFileURL(resolve(path)).href);
    } catch (e) {
      throw new TemplatesDirError(`--templates: ${path} does not load: ${(e as Error).message}`);
    }
    if (!isTemplate(mod.default)) {
      const received = mod.default === undefined ? 'no default export' : typeof mod.default;
      throw new TemplatesDirError(
        `--templates: ${path}: expected a default export made with defineTemplate({ meta, render }), received ${received}`,
      );
    }
    found.push(mod.default);
  }
  return found;
}

/**
 * The bundled templates/ registry, plus a newsroom's own from `dir` (theirs first; one named like a bundled template
 * replaces it). Imported on first use, not at start-up: commands that draw nothing (`post --dry-run`, `extract`)
 * never load a template. Render worker threads call it too: a registry holds functions and cannot cross a thread
 * boundary, so each thread loads its own.
 */
export async function loadTemplates(dir?: string): Promise<TemplateRegistry> {
  const bundled = await import('../../templates/index.ts');
  if (!dir) return bundled.registry;
  const own = await templatesIn(dir);
  const names = new Set<string>();
  for (const t of own) {
    if (names.has(t.meta.name))
      throw new TemplatesDirError(`--templates: two templates in ${dir} are named ${JSON.stringify(t.meta.name)}`);
    names.add(t.meta.name);
  }
  return new TemplateRegistry([...own, ...bundled.default.filter((t) => !names.has(t.meta.name))]);
}
