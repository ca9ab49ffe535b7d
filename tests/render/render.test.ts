// The render core's promises beyond the goldens: determinism, photo fallback, clear errors, the report.
import { describe, expect, it } from 'vitest';
import { StorycardError } from '../../src/errors.ts';
import { cardFingerprint, renderCard, renderSvg } from '../../src/render/index.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { createStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';

const runtime = createNodeRuntime();
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('renderCard', () => {
  it('renders the same input to byte-identical PNGs', async () => {
    const story = createStory();
    const a = await renderCard({ story, template: 'quote', size: 'og' }, runtime, templates);
    const b = await renderCard({ story, template: 'quote', size: 'og' }, runtime, templates);
    expect(Buffer.from(a.image).equals(Buffer.from(b.image))).toBe(true);
    expect(pngSize(a.image)).toEqual([1200, 630]);
    expect(a.report).toMatchObject({
      template: 'quote',
      size: 'og',
      width: 1200,
      height: 630,
      bytes: a.image.byteLength,
    });
  });

  it('falls back to the designed panel when the photo cannot be fetched, never failing the card', async () => {
    const notFound = createNodeRuntime({ fetch: async () => new Response('gone', { status: 404 }) });
    const withBrokenPhoto = createStory({ imageUrl: 'https://images.example/missing.jpg' });
    const withoutPhoto = createStory();
    const a = await renderCard({ story: withBrokenPhoto, template: 'photo' }, notFound, templates);
    const b = await renderCard({ story: withoutPhoto, template: 'photo' }, notFound, templates);
    expect(Buffer.from(a.image).equals(Buffer.from(b.image))).toBe(true);
  });

  it('reports truncation when even the minimum size cannot hold the text', async () => {
    const story = createStory({
      headline: 'Word '.repeat(60).trim(),
      quote: 'Longer words again '.repeat(31).trim().slice(0, 600),
    });
    const { report, fitted } = await renderCard({ story, template: 'quote', size: 'x' }, runtime, templates);
    expect(report.fields.quote?.truncated).toBe(true);
    expect(fitted.quote?.text.endsWith('…”')).toBe(true);
  });

  it('names the field for an unknown template, an unsupported size and a bad brand colour', async () => {
    const story = createStory();
    await expect(renderCard({ story, template: 'poster' }, runtime, templates)).rejects.toThrow(
      'template: expected one of quote, headline, photo, breaking, received "poster"',
    );
    await expect(renderCard({ story, size: 'banner' as 'og' }, runtime, templates)).rejects.toThrow(
      /^size: expected one of og, x/,
    );
    const err = await renderCard({ story, theme: { brandColor: 'red' } }, runtime, templates).catch((e) => e);
    expect(err).toBeInstanceOf(StorycardError);
    expect(err.status).toBe(400);
    expect(err.issues[0]).toMatchObject({ path: 'theme.brandColor', received: '"red"' });
  });

  it('renders SVG alone for previews, with the same layout report', async () => {
    const story = createStory();
    const svg = await renderSvg({ story, template: 'headline', size: 'square' }, runtime, templates);
    const png = await renderCard({ story, template: 'headline', size: 'square' }, runtime, templates);
    expect(svg.svg).toMatch(/^<svg[^>]+width="1080"[^>]+height="1080"/);
    expect(svg.report.fields).toEqual(png.report.fields);
  });
});

describe('cardFingerprint', () => {
  it('changes with anything that changes the pixels, and not with tags', () => {
    const story = createStory();
    const base = cardFingerprint({ story }, templates);
    expect(cardFingerprint({ story: createStory({ tags: ['other'] }) }, templates)).toBe(base);
    expect(cardFingerprint({ story: createStory({ quote: 'Another quote.' }) }, templates)).not.toBe(base);
    expect(cardFingerprint({ story, size: 'x' }, templates)).not.toBe(base);
    expect(cardFingerprint({ story, template: 'headline' }, templates)).not.toBe(base);
    expect(cardFingerprint({ story, theme: { mode: 'dark' } }, templates)).not.toBe(base);
  });
});
