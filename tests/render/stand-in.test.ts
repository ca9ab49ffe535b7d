// A photo card's layout passes carry a stand-in of the photo's size, not its megabytes; the drawn card has the photo.
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/index.ts';
import { standInFor } from '../../src/render/stand-in.ts';
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

describe('the photo in a card', () => {
  it('goes through no satori pass: the layout and the draw see a stand-in, the drawn SVG and element the photo', async () => {
    const runtime = createNodeRuntime({ fetch: hostOf(png, 'image/png') });
    // A stretch of the photo's base64 from its middle: in any satori call that carries the photo.
    const probe = base64(png).slice(500_000, 500_064);
    const calls: boolean[] = [];
    const counting = {
      ...runtime,
      satori: (element: unknown, options: Record<string, unknown>) => {
        calls.push(JSON.stringify(element).includes(probe));
        return runtime.satori(element, options);
      },
    };
    const card = await renderSvg({ story, template: 'photo' }, counting, templates);
    expect(calls.length).toBeGreaterThan(2); // measuring, layout passes, the draw
    expect(calls.filter(Boolean)).toEqual([]);
    expect(card.complete).toBe(true);
    // The photo itself, once, where satori put the stand-in.
    expect(card.svg.split(`href="data:image/png;base64,${base64(png)}"`)).toHaveLength(2);
    expect(card.svg).not.toContain('stand-in');
  });

  it('is drawn at the box its own size gives, for a JPEG as for a PNG (og: 528×630, cover)', async () => {
    const runtime = createNodeRuntime();
    const raster = await runtime.rasterize(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><rect width="1600" height="1000" fill="#3a6"/></svg>',
    );
    const jpeg = await runtime.encodeJpeg(raster, 80);
    for (const [bytes, type] of [
      [jpeg, 'image/jpeg'],
      [png, 'image/png'],
    ] as const) {
      const r = createNodeRuntime({ fetch: hostOf(bytes, type) });
      const { svg } = await renderSvg({ story, template: 'photo' }, r, templates);
      // 1600×1000 covering 528×630: scaled by 630/1000 to 1008×630, centred (x = (528 − 1008) / 2).
      expect(svg, type).toContain(`<image x="-240" y="0" width="1008" height="630" href="data:${type};base64,`);
    }
  });

  it('has no stand-in when its header gives no size (an SVG): the image itself is laid out', () => {
    const svg = `data:image/svg+xml;base64,${base64(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"/>'))}`;
    expect(standInFor(svg)).toBeNull();
    expect(standInFor('data:image/png;base64,AAAA')).toBeNull();
    expect(standInFor(`data:image/png;base64,${base64(png)}`)!.length).toBeLessThan(200);
  });
});
