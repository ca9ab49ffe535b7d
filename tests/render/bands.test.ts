// Held-out stories at every template and size: no empty band over a quarter of the card (samples: golden.test.ts).
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/render/index.ts';
import { parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { HELD_OUT } from '../fixtures/held-out.ts';
import { bandLimit, largestEmptyBand } from '../helpers/bands.ts';
import { goldenRuntime } from '../helpers/golden.ts';

const runtime = goldenRuntime();

describe('compositions hold on stories they were not designed around', () => {
  for (const t of templates.list()) {
    it.each(t.sizes.map((s) => [s] as const))(
      `${t.name} at %s leaves no dead band on any held-out story`,
      async (size) => {
        const over: string[] = [];
        for (const { id, story } of HELD_OUT) {
          const parsed = parseStory(story);
          const { image: png } = await renderCard({ story: parsed, template: t.name, size }, runtime, templates);
          const band = largestEmptyBand(png);
          if (band.fraction > bandLimit(parsed))
            over.push(`${id}: ${(band.fraction * 100).toFixed(1)}% from row ${band.top}`);
        }
        expect(over).toEqual([]);
      },
    );
  }
});
