// Word widths remembered across renders (src/render/width-store.ts): a warm card skips satori's measuring pass, and
// a changed font or a changed template style is measured afresh, never drawn with a stale width.
import { beforeEach, describe, expect, it } from 'vitest';
import { renderSvg, TemplateRegistry } from '../../src/render/index.ts';
import { Fit } from '../../src/render/slots.ts';
import { defineTemplate, type TemplateContext } from '../../src/render/template.ts';
import type { RenderRuntime } from '../../src/render/types.ts';
import {
  clearWidthStore,
  MAX_WIDTH_BYTES,
  MAX_WIDTHS,
  recallWidth,
  rememberWidth,
  widthStoreStats,
} from '../../src/render/width-store.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { createStory } from '../../src/story/schema.ts';
import { registry as bundled } from '../../templates/index.ts';

/** A runtime that counts the core's measuring passes (satori with glyphs off on a column of divs keyed m0, m1, …). */
function counting(inner: RenderRuntime): { runtime: RenderRuntime; measures: () => number } {
  let measures = 0;
  const runtime: RenderRuntime = {
    ...inner,
    satori(element, options) {
      const first = (element as { props?: { children?: { key?: unknown }[] } }).props?.children;
      if (options.embedFont === false && Array.isArray(first) && /^m\d+$/.test(String(first[0]?.key))) measures++;
      return inner.satori(element, options);
    },
  };
  return { runtime, measures: () => measures };
}

/** What a reader sees of the card: each field's size, lines and where they went, and the drawn SVG. */
const seen = (r: Awaited<ReturnType<typeof renderSvg>>) => ({ fields: r.report.fields, svg: r.svg });

const story = createStory({
  headline: 'Harbour bridge reopens after two years of repairs, ahead of schedule',
  quote:
    'We measured every bolt twice, and the river thanked us for it by staying calm all winter, which nobody expected after the floods of the last three years.',
  quoteAuthor: 'Ana Ribeiro',
});

beforeEach(() => clearWidthStore());

describe('width store', () => {
  it('measures a card once: the same card again skips the measuring pass and draws the same', async () => {
    const { runtime, measures } = counting(createNodeRuntime());
    const first = await renderSvg({ story, template: 'quote' }, runtime, bundled);
    expect(measures()).toBe(1);
    const again = await renderSvg({ story, template: 'quote' }, runtime, bundled);
    expect(measures()).toBe(1);
    expect(widthStoreStats().hits).toBeGreaterThan(0);
    expect(seen(again)).toEqual(seen(first));
  });

  it('measures afresh when a face changes: the card is the one a cold isolate draws with that face', async () => {
    // The same font set, except that the body's regular face is the bold one's bytes: wider words, other lines.
    const base = createNodeRuntime();
    const bolder: RenderRuntime = {
      ...createNodeRuntime(),
      loadFont: (file) => base.loadFont(file === 'inter-400.woff' ? 'inter-700.woff' : file),
    };
    const cold = await renderSvg({ story, template: 'quote' }, bolder, bundled);
    clearWidthStore();
    const regular = await renderSvg({ story, template: 'quote' }, base, bundled);
    expect(regular.report.fields.quote).not.toEqual(cold.report.fields.quote); // the face does change the fit
    const after = await renderSvg({ story, template: 'quote' }, bolder, bundled);
    expect(seen(after)).toEqual(seen(cold));
  });

  it('measures afresh when the template sets the words in another style (letter spacing, weight)', async () => {
    const slab = (name: string, letterSpacing: number, weight: 400 | 700) =>
      defineTemplate({
        meta: { name, description: 'a headline alone', sizes: ['og'], version: 1 },
        render: (ctx: TemplateContext) => ({
          type: 'div',
          props: {
            style: { display: 'flex', width: ctx.size.width, height: ctx.size.height, padding: 60, background: '#fff' },
            children: {
              type: Fit,
              props: {
                field: 'headline',
                font: 'body',
                weight,
                letterSpacing,
                min: 30,
                max: 90,
                color: '#111',
                grow: 1,
              },
            },
          },
        }),
      });
    const plain = new TemplateRegistry([slab('slab', 0, 400)]);
    const tracked = new TemplateRegistry([slab('slab', 0.12, 700)]);
    const cold = await renderSvg({ story }, runtime(), tracked);
    clearWidthStore();
    const before = await renderSvg({ story }, runtime(), plain);
    expect(before.report.fields.headline).not.toEqual(cold.report.fields.headline);
    const after = await renderSvg({ story }, runtime(), tracked);
    expect(seen(after)).toEqual(seen(cold));
  });

  it('stays within its bounds in entries and bytes, dropping the least recently used first', () => {
    rememberWidth('first', 1);
    for (let i = 0; i < MAX_WIDTHS; i++) {
      rememberWidth(`w${i}`, i);
      if (i % 1000 === 0) recallWidth('first'); // used again and again: kept
    }
    expect(widthStoreStats().entries).toBe(MAX_WIDTHS);
    expect(recallWidth('first')).toBe(1);
    expect(recallWidth('w0')).toBeUndefined(); // the oldest unused went first
    clearWidthStore();
    const long = 'x'.repeat(50_000); // 100 kB a key: the byte bound, not the entry bound, is what holds
    for (let i = 0; i < 40; i++) rememberWidth(`${i}${long}`, i);
    expect(widthStoreStats().bytes).toBeLessThanOrEqual(MAX_WIDTH_BYTES);
    expect(widthStoreStats().entries).toBeLessThan(40);
    expect(recallWidth(`39${long}`)).toBe(39);
  });
});

// One runtime for both templates: the same font bytes, so only the style in the key tells their widths apart.
const shared = createNodeRuntime();
const runtime = () => shared;
