// A photo card's layout passes carry a stand-in of the photo's size, not its megabytes; the drawn card has the photo,
// scaled once to the pixels its box shows, and looks exactly as satori and resvg draw it from the photo itself.
import { afterEach, describe, expect, it } from 'vitest';
import { composeCard, renderSvg } from '../../src/render/index.ts';
import { SCALED_PHOTO_LIMITS, scaledPhotoHeld } from '../../src/render/photo-scale.ts';
import { standInFor } from '../../src/render/stand-in.ts';
import type { RenderRuntime } from '../../src/render/types.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { createStory } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { makePhoto } from '../helpers/photo.ts';

const png = makePhoto(1600, 1000);
const hostOf =
  (bytes: Uint8Array, type: string): typeof fetch =>
  async () =>
    new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } });
const story = createStory({ imageUrl: 'https://images.example/photo' });
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Counts the runtime's satori calls carrying `probe`, and its rasterisations. */
function counting(runtime: RenderRuntime, probe = '\u0000') {
  const seen = { photoInSatori: 0, satori: 0, rasters: 0 };
  const wrapped: RenderRuntime = {
    ...runtime,
    satori: (element, options) => {
      seen.satori++;
      if (JSON.stringify(element).includes(probe)) seen.photoInSatori++;
      return runtime.satori(element, options);
    },
    rasterize: (svg) => {
      seen.rasters++;
      return runtime.rasterize(svg);
    },
  };
  return { runtime: wrapped, seen };
}

describe('the photo in a card', () => {
  it('goes through no satori pass: the layout and the draw see a stand-in, the SVG the photo scaled to its box', async () => {
    // A stretch of the photo's base64 from its middle: in any satori call that carries the photo.
    const probe = base64(png).slice(500_000, 500_064);
    const { runtime, seen } = counting(createNodeRuntime({ fetch: hostOf(png, 'image/png') }), probe);
    const card = await composeCard({ story, template: 'photo' }, runtime, templates);
    expect(seen.satori).toBeGreaterThan(2); // measuring, layout passes, the draw
    expect(seen.photoInSatori).toBe(0);
    expect(card.missing).toEqual([]);
    // og: the photo's box is 528×630; the SVG draws those pixels 1:1, not the 1600×1000 photo; the element keeps it.
    expect(card.svg.match(/<image [^>]*>/g)?.map((t) => t.replace(/ href="[^"]*"/, ''))).toEqual([
      '<image x="0" y="0" width="528" height="630" preserveAspectRatio="none"/>',
    ]);
    expect(card.svg).not.toContain(probe);
    expect(JSON.stringify(card.element)).toContain(probe);
  });

  it('draws exactly the pixels satori and resvg draw from the photo itself, for a PNG and a JPEG, at every size', async () => {
    const node = createNodeRuntime();
    const raster = await node.rasterize(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><image width="1600" height="1000" href="data:image/png;base64,${base64(png)}"/></svg>`,
    );
    const jpeg = await node.encodeJpeg(raster, 80);
    for (const [bytes, type] of [
      [png, 'image/png'],
      [jpeg, 'image/jpeg'],
    ] as const) {
      const runtime = createNodeRuntime({ fetch: hostOf(bytes, type) });
      for (const size of ['og', 'square', 'story'] as const) {
        const card = await composeCard({ story, template: 'photo', size }, runtime, templates);
        // The plain way: one satori draw of the finished element (the photo inside it), resvg scaling it.
        const plain = await runtime.satori(card.element, card.options);
        const [ours, theirs] = await Promise.all([runtime.rasterize(card.svg), runtime.rasterize(plain)]);
        expect(Buffer.compare(Buffer.from(ours.pixels), Buffer.from(theirs.pixels)), `${type} ${size}`).toBe(0);
      }
    }
  });

  it('scales a photo once per box: a second render of the card rasterises only the card; a new size or photo scales again', async () => {
    const { runtime, seen } = counting(createNodeRuntime({ fetch: hostOf(png, 'image/png') }));
    await renderSvg({ story, template: 'photo' }, runtime, templates);
    expect(seen.rasters).toBe(1); // the photo, scaled (renderSvg rasterises nothing else)
    await renderSvg({ story, template: 'photo' }, runtime, templates);
    expect(seen.rasters).toBe(1);
    await renderSvg({ story, template: 'photo', size: 'square' }, runtime, templates);
    expect(seen.rasters).toBe(2);
    const other = makePhoto(1600, 1000, 11);
    const { runtime: second, seen: seen2 } = counting(createNodeRuntime({ fetch: hostOf(other, 'image/png') }));
    const card = await composeCard({ story, template: 'photo' }, second, templates);
    expect(seen2.rasters).toBe(1);
    expect(card.svg).not.toContain(base64(png).slice(500_000, 500_064));
  });

  it('has no stand-in when its header gives no size (an SVG): the image itself is laid out', () => {
    const svg = `data:image/svg+xml;base64,${base64(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"/>'))}`;
    expect(standInFor(svg)).toBeNull();
    expect(standInFor('data:image/png;base64,AAAA')).toBeNull();
    expect(standInFor(`data:image/png;base64,${base64(png)}`)!.length).toBeLessThan(200);
  });
});

describe('the scaled photos an isolate keeps', () => {
  const limits = { ...SCALED_PHOTO_LIMITS };
  afterEach(() => Object.assign(SCALED_PHOTO_LIMITS, limits));

  it('stay within one budget however many runtimes scaled them (a Worker keeps one runtime per fetch policy)', async () => {
    // Room for about two photos with their boxes: four runtimes, each scaling its own photo.
    const photoChars = `data:image/png;base64,${base64(png)}`.length;
    SCALED_PHOTO_LIMITS.chars = Math.round(photoChars * 2.5);
    const counted = [];
    for (let seed = 21; seed < 25; seed++) {
      const { runtime, seen } = counting(
        createNodeRuntime({ fetch: hostOf(makePhoto(1600, 1000, seed), 'image/png') }),
      );
      await renderSvg({ story, template: 'photo' }, runtime, templates);
      counted.push({ runtime, seen });
      expect(scaledPhotoHeld().chars).toBeLessThanOrEqual(SCALED_PHOTO_LIMITS.chars);
    }
    // The last runtime's box is still there; the first runtime's went first.
    const [first, , , last] = counted;
    await renderSvg({ story, template: 'photo' }, last!.runtime, templates);
    expect(last!.seen.rasters).toBe(1);
    await renderSvg({ story, template: 'photo' }, first!.runtime, templates);
    expect(first!.seen.rasters).toBe(2);
  });

  it('never drop the box just scaled, even when it alone is over the budget, and drop boxes one at a time', async () => {
    SCALED_PHOTO_LIMITS.chars = 1;
    const { runtime, seen } = counting(createNodeRuntime({ fetch: hostOf(png, 'image/png') }));
    await renderSvg({ story, template: 'photo', size: 'story' }, runtime, templates);
    await renderSvg({ story, template: 'photo', size: 'story' }, runtime, templates);
    expect(seen.rasters).toBe(1); // kept: the card drawn right after its warm-up does not scale the photo again
    expect(scaledPhotoHeld().entries).toBe(1);

    // By count: three boxes of one photo with room for two — the least recently used box goes, not the photo.
    Object.assign(SCALED_PHOTO_LIMITS, { ...limits, entries: 2 });
    const { runtime: r2, seen: s2 } = counting(createNodeRuntime({ fetch: hostOf(png, 'image/png') }));
    for (const size of ['og', 'square', 'x', 'square', 'x'] as const) {
      await renderSvg({ story, template: 'photo', size }, r2, templates);
    }
    expect(s2.rasters).toBe(3); // og, square, x scaled once each; square and x again are kept
    expect(scaledPhotoHeld().entries).toBe(2);
    await renderSvg({ story, template: 'photo', size: 'og' }, r2, templates);
    expect(s2.rasters).toBe(4); // og was the least recently used
  });
});
