// A photograph-like test image (gradients, texture and grain: thousands of colours, no long runs), made in code.
import { PNG } from 'pngjs';

/** A width×height PNG that compresses like a photo: a PNG card drawing it goes far over 300 kB. */
export function makePhoto(width = 1600, height = 1000, seed = 7): Uint8Array<ArrayBuffer> {
  const png = new PNG({ width, height });
  let s = seed;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const grain = (rand() - 0.5) * 40;
      const wave = Math.sin(x / 37) * Math.cos(y / 23) * 50;
      png.data[i] = clamp(90 + (x / width) * 120 + wave + grain);
      png.data[i + 1] = clamp(70 + (y / height) * 110 - wave + grain);
      png.data[i + 2] = clamp(140 - (x / width) * 60 + grain);
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
