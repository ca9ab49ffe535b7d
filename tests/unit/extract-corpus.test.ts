// The article corpus: every article's headline, quote and speaker (and metadata where given) as expected.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';
import { normalizeText } from '../../src/story/normalize.ts';

const ROOT = 'tests/fixtures/articles';

for (const dir of [ROOT, join(ROOT, 'heldout')]) {
  describe(dir, () => {
    for (const file of readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f))) {
      it(file, () => {
        const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.(txt|html)$/, '.expected.json')), 'utf8'));
        const content = readFileSync(join(dir, file), 'utf8');
        const story = extractStory(file.endsWith('.html') ? { html: content } : { text: content });
        const want: Record<string, unknown> = {};
        // Expected text is compared as stories store it: normalised (an ideographic space becomes a space).
        for (const [k, v] of Object.entries(expected)) want[k] = typeof v === 'string' ? normalizeText(v) : undefined;
        expect(story).toMatchObject(want);
        if (expected.quote === null) expect(story.quote).toBeUndefined();
      });
    }
  });
}
