// The template registry: the card templates a caller hands the render core (index.ts and the CLI build it).
import { StorycardError } from '../errors.ts';
import type { TemplateDefinition, TemplateMeta } from './template.ts';
import type { SizeName } from './types.ts';

/** The template a request without one gets, when the registry has it (else the registry's first). */
export const DEFAULT_TEMPLATE = 'quote';

/**
 * Templates by name, in the order the studio and `storycard templates` list them. The render core never imports
 * templates/ itself: whoever runs it (the Worker, the CLI, a newsroom's own project) decides which templates exist.
 */
export class TemplateRegistry {
  readonly #byName: Map<string, TemplateDefinition>;
  readonly #metas: TemplateMeta[];
  /** The name a request without a template renders. */
  readonly defaultName: string;

  constructor(templates: readonly TemplateDefinition[]) {
    if (!templates.length) throw new Error('a template registry needs at least one template');
    this.#byName = new Map();
    for (const t of templates) {
      if (this.#byName.has(t.meta.name)) throw new Error(`two templates are named ${JSON.stringify(t.meta.name)}`);
      this.#byName.set(t.meta.name, t);
    }
    this.#metas = templates.map((t) => t.meta);
    this.defaultName = this.#byName.has(DEFAULT_TEMPLATE) ? DEFAULT_TEMPLATE : (templates[0]?.meta.name ?? '');
  }

  list(): TemplateMeta[] {
    return [...this.#metas];
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** The template, or a 400 naming the known ones. */
  get(name: string = this.defaultName): TemplateDefinition {
    const t = this.#byName.get(name);
    if (t) return t;
    const known = [...this.#byName.keys()].join(', ');
    throw new StorycardError(
      'unknown_template',
      `template: expected one of ${known}, received ${JSON.stringify(name)}`,
      {
        issues: [
          {
            path: 'template',
            expected: `one of ${known}`,
            received: JSON.stringify(name),
            message: 'unknown template',
          },
        ],
      },
    );
  }

  /** The sizes a template draws (a card address only exists at those); empty for an unknown template. */
  sizesOf(name: string | undefined): readonly SizeName[] {
    return this.#byName.get(name ?? this.defaultName)?.meta.sizes ?? [];
  }
}
