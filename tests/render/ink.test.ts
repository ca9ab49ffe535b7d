// Every sample and held-out story, every template and size: the drawn ink stays in its slots (see helpers/ink.ts).
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';
import { HELD_OUT } from '../fixtures/held-out.ts';
import { goldenRuntime } from '../helpers/golden.ts';
import { inkProblems } from '../helpers/ink.ts';

const runtime = goldenRuntime();
const stories = [...SAMPLES, ...HELD_OUT];

describe('drawn ink on every sample card', () => {
  for (const t of templates.list()) {
    it.each(t.sizes.map((s) => [s] as const))(
      `${t.name} at %s: every glyph inside its slot, on every story`,
      async (size) => {
        const problems: string[] = [];
        for (const { id, story } of stories) {
          const { svg, fitted, report } = await renderSvg(
            { story: parseStory(story), template: t.name, size },
            runtime,
            templates,
          );
          for (const p of inkProblems(svg, fitted, report.width, report.height)) problems.push(`${id}: ${p}`);
        }
        expect(problems).toEqual([]);
      },
    );
  }
});
