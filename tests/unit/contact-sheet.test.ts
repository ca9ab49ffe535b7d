// scripts/contact-sheet.ts: captions stay inside their cell (a long file name wraps and ends in an ellipsis) and are
// drawn with the cards' fonts, so names in Japanese are letters, not rows of identical boxes.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);
const CELL = 240;
const GAP = 16; // the script's gap between cells
let dir: string;
let sheet: PNG;
let ja: PNG;

/** A plain 1200×630 card. */
function card(): Buffer {
  const png = new PNG({ width: 1200, height: 630 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storycard-sheet-'));
  await mkdir(join(dir, 'cards'));
  const names = [
    'sam-altman-rejects-elon-musks-97-4-billion-openai-buyout-offer-and-more.quote.og.png',
    '東京都の新しい予算.png',
    '大阪府の次の選挙戦.png',
  ];
  for (const n of names) await writeFile(join(dir, 'cards', n), card());
  const files = names.map((n) => join(dir, 'cards', n));
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  await run(
    tsx,
    ['scripts/contact-sheet.ts', join(dir, 'sheet.png'), ...files, '--cols', '3', '--width', String(CELL)],
    {
      cwd: ROOT,
    },
  );
  sheet = PNG.sync.read(await readFile(join(dir, 'sheet.png')));
  // The two Japanese names alone, one per row, so no other caption can reach theirs.
  await run(
    tsx,
    ['scripts/contact-sheet.ts', join(dir, 'ja.png'), ...files.slice(1), '--cols', '1', '--width', String(CELL)],
    {
      cwd: ROOT,
    },
  );
  ja = PNG.sync.read(await readFile(join(dir, 'ja.png')));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const cardHeight = (CELL * 630) / 1200;
/** The pixels of a box of the sheet, as grey levels. */
function box(x0: number, y0: number, w: number, h: number, png = sheet): number[] {
  const out: number[] = [];
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) out.push(png.data[(y * png.width + x) * 4] ?? 255);
  return out;
}

describe('contact sheet captions', () => {
  it('never run into the next cell: the gap between columns stays white below the cards', () => {
    const captionTop = GAP + cardHeight + 2;
    const gapX = GAP + CELL + 2; // inside the gap between the first and the second column
    const gap = box(gapX, Math.ceil(captionTop), GAP - 4, sheet.height - Math.ceil(captionTop));
    expect(gap.filter((v) => v < 250)).toEqual([]);
    // And the long name was drawn (wrapped, not dropped).
    expect(box(GAP, Math.ceil(captionTop), CELL, 30).some((v) => v < 128)).toBe(true);
  });

  it('draw Japanese names as their letters: two different names give two different captions', () => {
    const top = Math.ceil(GAP + cardHeight + 2);
    const rowStep = (ja.height - GAP) / 2; // two rows of card + caption + gap
    const second = box(GAP, top, CELL, 30, ja);
    const third = box(GAP, Math.ceil(top + rowStep), CELL, 30, ja);
    expect(second.some((v) => v < 128)).toBe(true);
    // Boxes (.notdef) look alike whatever the character: the captions would be the same pixels.
    const differing = second.filter((v, i) => Math.abs(v - (third[i] ?? 255)) > 64).length;
    expect(differing).toBeGreaterThan(200);
  });
});
