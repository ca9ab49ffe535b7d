// The render core draws the templates its caller hands it, and only those (a newsroom's own registry included).
import { describe, expect, it } from 'vitest';
import { cardFingerprint, renderCard, TemplateRegistry } from '../../src/render/index.ts';
import { defineTemplate } from '../../src/render/template.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { createStory } from '../../src/story/schema.ts';
import headline from '../../templates/headline.tsx';
import { registry as bundled } from '../../templates/index.ts';

const runtime = createNodeRuntime();
// A newsroom's registry: one template of its own (drawn like `headline`, at og only), and not the bundled ones.
const own = defineTemplate({ ...headline, meta: { ...headline.meta, name: 'desk-headline', sizes: ['og'] } });
const newsroom = new TemplateRegistry([own]);

describe('TemplateRegistry', () => {
  it('renders a template only the caller knows, as its default, pixel for pixel like the template it copies', async () => {
    const story = createStory();
    const mine = await renderCard({ story }, runtime, newsroom);
    expect(mine.report.template).toBe('desk-headline');
    const theirs = await renderCard({ story, template: 'headline' }, runtime, bundled);
    expect(Buffer.from(mine.image).equals(Buffer.from(theirs.image))).toBe(true);
  });

  it('refuses the templates it was not handed, naming the ones it has', async () => {
    const err = await renderCard({ story: createStory(), template: 'quote' }, runtime, newsroom).catch((e) => e);
    expect(err).toMatchObject({ code: 'unknown_template', status: 400 });
    expect(err.message).toBe('template: expected one of desk-headline, received "quote"');
    expect(() => cardFingerprint({ story: createStory(), size: 'story' }, newsroom)).toThrow(
      /size: expected one of og/,
    );
  });

  it('knows sizes per template and defaults to quote when it has one', () => {
    expect(newsroom.sizesOf('desk-headline')).toEqual(['og']);
    expect(newsroom.sizesOf('quote')).toEqual([]);
    expect(bundled.defaultName).toBe('quote');
    expect(bundled.list().map((t) => t.name)).toEqual(['quote', 'headline', 'photo', 'breaking']);
  });

  it('refuses two templates of one name, or none at all', () => {
    expect(() => new TemplateRegistry([own, own])).toThrow('two templates are named "desk-headline"');
    expect(() => new TemplateRegistry([])).toThrow(/at least one template/);
  });
});
