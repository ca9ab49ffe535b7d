// Storycard's own card encoder and the formats per channel: lossless PNG (every pixel as resvg draws it), palette
// when it can, JPEG/WebP within the weight budgets, auto choosing between them.
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeCard, renderCard, renderSvg, WEIGHT_BUDGET } from '../../src/render/index.ts';
import { encodePng } from '../../src/render/png.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { createStory, DEMO_STORY, parseStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { makePhoto } from '../helpers/photo.ts';

const photo = makePhoto();
const photoHost: typeof fetch = async () => new Response(photo, { headers: { 'content-type': 'image/png' } });
const runtime = createNodeRuntime({ fetch: photoHost });
const demo = parseStory(DEMO_STORY);
const withPhoto = createStory({ imageUrl: 'https://images.example/photo.png' });

/** resvg's own PNG of the same SVG, decoded: the reference every lossless card must match pixel for pixel. */
const resvgPixels = (svg: string) =>
  PNG.sync.read(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());

const colourType = (png: Uint8Array) => png[25];
const magic = (b: Uint8Array) => [...b.subarray(0, 4)];

function expectSamePixels(png: Uint8Array, svg: string) {
  const ours = PNG.sync.read(Buffer.from(png));
  const theirs = resvgPixels(svg);
  expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
  // Every pixel, every channel: Buffer.compare is 0 only when all width × height × 4 bytes agree.
  expect(Buffer.compare(ours.data, theirs.data)).toBe(0);
}

describe('the card PNG encoder', () => {
  it('writes the demo quote card as a palette PNG of ≤ 30,000 bytes (under half resvg’s own), with exactly resvg’s pixels', async () => {
    const { svg, image, report } = await renderCard(
      { story: demo, template: 'quote', format: 'png' },
      runtime,
      templates,
    );
    expect(colourType(image)).toBe(3); // indexed
    // Relative to resvg's own encoder on the same SVG, so a redesigned card (issue 10's is 30.0 KB against resvg's
    // 67.9 KB) keeps the claim without a new magic number; a generic encoder would be ~2.3× bigger and fail.
    expect(image.byteLength).toBeLessThan((await runtime.svgToPng(svg)).byteLength / 2);
    // And the budget issue 11 set for the demo card (Takumi's is 28 kB): a redesign that breaks it must say so.
    expect(image.byteLength).toBeLessThanOrEqual(30_000);
    expect(report).toMatchObject({ format: 'png', bytes: image.byteLength });
    expectSamePixels(image, svg);
  });

  it('writes every template losslessly, and a card of more than 256 colours as RGB', async () => {
    for (const template of ['quote', 'headline', 'photo', 'breaking']) {
      const story = template === 'photo' ? withPhoto : demo;
      const { svg, image } = await renderCard({ story, template, size: 'square', format: 'png' }, runtime, templates);
      expectSamePixels(image, svg);
      if (template === 'photo') expect(colourType(image)).toBe(2); // truecolour: the photo has thousands
    }
  });

  it('leaves a card with transparent pixels to resvg’s own encoder (premultiplied alpha), still lossless', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32"><rect width="40" height="32" fill="#c8102e" fill-opacity="0.5"/></svg>';
    const raster = await runtime.rasterize(svg);
    expect(await encodePng(raster, (d) => runtime.deflate(d))).toBeNull();
    const { bytes, format } = await encodeCard(svg, 'og', 'png', runtime);
    expect(format).toBe('png');
    expectSamePixels(bytes, svg);
  });

  it('encodes the same card to the same bytes every time', async () => {
    const a = await renderCard({ story: demo, format: 'png' }, runtime, templates);
    const b = await renderCard({ story: demo, format: 'png' }, runtime, templates);
    expect(Buffer.from(a.image).equals(Buffer.from(b.image))).toBe(true);
  });
});

describe('formats per channel', () => {
  it('auto keeps a text card lossless PNG', async () => {
    const { format, image } = await renderCard({ story: demo, format: 'auto' }, runtime, templates);
    expect(format).toBe('png');
    expect(image.byteLength).toBeLessThanOrEqual(WEIGHT_BUDGET.og);
  });

  it('auto turns a photo card into a JPEG within each size’s budget (og/x/square 300,000; portrait/story 1,000,000)', async () => {
    for (const size of ['og', 'x', 'square', 'portrait', 'story'] as const) {
      const png = await renderCard({ story: withPhoto, template: 'photo', size, format: 'png' }, runtime, templates);
      const auto = await renderCard({ story: withPhoto, template: 'photo', size, format: 'auto' }, runtime, templates);
      expect(
        png.image.byteLength,
        `${size}: the PNG must be over budget for this test to mean anything`,
      ).toBeGreaterThan(WEIGHT_BUDGET[size] * (size === 'og' || size === 'x' || size === 'square' ? 1 : 0.5));
      if (png.image.byteLength > WEIGHT_BUDGET[size]) {
        expect(auto.format, size).toBe('jpeg');
        expect(magic(auto.image)).toEqual([0xff, 0xd8, 0xff, magic(auto.image)[3]]);
      }
      expect(auto.image.byteLength, size).toBeLessThanOrEqual(WEIGHT_BUDGET[size]);
      expect(auto.report).toMatchObject({ format: auto.format, bytes: auto.image.byteLength, size });
    }
  });

  it('auto writes a photo card as a JPEG at every size without encoding a PNG first (a photo is lossy already)', async () => {
    let pngs = 0;
    const counting = {
      ...runtime,
      deflate: (d: Uint8Array) => {
        pngs++;
        return runtime.deflate(d);
      },
      svgToPng: (svg: string) => {
        pngs++;
        return runtime.svgToPng(svg);
      },
    };
    for (const size of ['og', 'x', 'square', 'portrait', 'story'] as const) {
      // Drawn once first: scaling the photo to its box writes a PNG of it (once per photo and box, kept).
      await renderSvg({ story: withPhoto, template: 'photo', size }, counting, templates);
      pngs = 0;
      const auto = await renderCard({ story: withPhoto, template: 'photo', size, format: 'auto' }, counting, templates);
      expect(auto.photo, size).toBe(true);
      expect([auto.format, pngs], size).toEqual(['jpeg', 0]);
    }
    // A card without a photo is still tried as a PNG first, and kept as one when it fits.
    const text = await renderCard({ story: demo, template: 'quote', format: 'auto' }, counting, templates);
    expect([text.photo, text.format]).toEqual([false, 'png']);
    expect(pngs).toBeGreaterThan(0);
  });

  it('writes JPEG and WebP when asked, and SVG without rasterising', async () => {
    const jpeg = await renderCard({ story: withPhoto, template: 'photo', format: 'jpeg' }, runtime, templates);
    expect([jpeg.image[0], jpeg.image[1]]).toEqual([0xff, 0xd8]);
    expect(jpeg.quality).toBeGreaterThan(0);
    // Sequential, not progressive (SOF0, no SOF2): a third of the encode time for 8 % more bytes (src/runtime/codecs.ts).
    const marker = (m: number) => Buffer.from(jpeg.image).includes(Buffer.from([0xff, m]));
    expect([marker(0xc0), marker(0xc2)]).toEqual([true, false]);
    const webp = await renderCard({ story: withPhoto, template: 'photo', format: 'webp' }, runtime, templates);
    expect(new TextDecoder().decode(webp.image.subarray(8, 12))).toBe('WEBP');
    expect(webp.image.byteLength).toBeLessThanOrEqual(WEIGHT_BUDGET.og);
    let rasterised = 0;
    const counting = {
      ...runtime,
      rasterize: async (svg: string) => {
        rasterised++;
        return runtime.rasterize(svg);
      },
    };
    const svg = await renderCard({ story: demo, format: 'svg' }, counting, templates);
    expect(svg.format).toBe('svg');
    expect(new TextDecoder().decode(svg.image)).toMatch(/^<svg/);
    expect((await renderSvg({ story: demo }, counting, templates)).report.format).toBe('svg');
    expect(rasterised).toBe(0);
  });

  it('says when the card was drawn without its image', async () => {
    const down = createNodeRuntime({ fetch: async () => new Response('down', { status: 503 }) });
    const r = await renderCard({ story: withPhoto, template: 'photo', format: 'auto' }, down, templates);
    expect(r.complete).toBe(false);
    expect(r.report.missing).toEqual(['image']);
    const ok = await renderCard({ story: withPhoto, template: 'photo', format: 'auto' }, runtime, templates);
    expect(ok.complete).toBe(true);
    expect(ok.report.missing).toBeUndefined();
  });
});
