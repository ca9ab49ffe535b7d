// The pixel budget on fetched images: sizes read from PNG, GIF, JPEG and WebP headers, and an image that would
// decode past MAX_IMAGE_PIXELS dropped like a failed fetch.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS } from '../../src/render/budget.ts';
import { imageSize } from '../../src/render/image-size.ts';
import { fetchImageAsDataUri } from '../../src/runtime/fetch-image.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';

const png = (w: number, h: number) => new Uint8Array(PNG.sync.write(new PNG({ width: w, height: h })));
/** A PNG header claiming w × h, with no pixel data: what a decompression bomb looks like up front. */
function pngHeader(w: number, h: number) {
  const b = new Uint8Array(png(1, 1));
  const v = new DataView(b.buffer);
  v.setUint32(16, w);
  v.setUint32(20, h);
  return b;
}

describe('image sizes from headers', () => {
  it('reads PNG, GIF, JPEG and WebP dimensions', async () => {
    expect(imageSize(png(37, 21), 'image/png')).toEqual([37, 21]);
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x2c, 0x01, 0xc8, 0x00, 0, 0]);
    expect(imageSize(gif, 'image/gif')).toEqual([300, 200]);
    const runtime = createNodeRuntime();
    const raster = await runtime.rasterize(
      '<svg xmlns="http://www.w3.org/2000/svg" width="123" height="45"><rect width="123" height="45" fill="#08f"/></svg>',
    );
    expect(imageSize(await runtime.encodeJpeg(raster, 80), 'image/jpeg')).toEqual([123, 45]);
    expect(imageSize(await runtime.encodeWebp(raster, 80), 'image/webp')).toEqual([123, 45]);
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0x00]), 'image/jpeg')).toBeNull();
  });

  it(`drops an image of more than ${MAX_IMAGE_PIXELS} pixels, keeps one within`, async () => {
    const serve = (bytes: Uint8Array) => async () =>
      new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'image/png' } });
    expect(await fetchImageAsDataUri('https://img.example/ok.png', { fetch: serve(pngHeader(4096, 4096)) })).toMatch(
      /^data:image\/png;base64,/,
    );
    expect(
      await fetchImageAsDataUri('https://img.example/bomb.png', { fetch: serve(pngHeader(4097, 4096)) }),
    ).toBeNull();
    expect(
      await fetchImageAsDataUri('https://img.example/bomb.png', { fetch: serve(pngHeader(20_000, 20_000)) }),
    ).toBeNull();
  });
});
