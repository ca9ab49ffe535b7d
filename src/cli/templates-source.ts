// Where the CLI's card templates come from: it builds the registry the render core is handed (the core imports none).
import type { TemplateRegistry } from '../render/registry.ts';

/**
 * The bundled templates/ registry. Imported on first use, not at start-up: commands that draw nothing (`post
 * --dry-run`, `extract`) never load a template. Render worker threads call it too: a registry holds functions and
 * cannot cross a thread boundary, so each thread loads its own.
 */
export async function loadTemplates(): Promise<TemplateRegistry> {
  return (await import('../../templates/index.ts')).registry;
}
