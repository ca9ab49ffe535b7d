// Studio screenshots against their reviewed references (tests/e2e/__screenshots__): pixelmatch, a diff to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

const SHOTS = new URL('../e2e/__screenshots__/', import.meta.url);

/** Share of pixels that differ beyond anti-aliasing (pixelmatch), and the diff image to look at. */
export function diffRatio(actual: Uint8Array, expected: Uint8Array): { ratio: number; diff: PNG } {
  const a = PNG.sync.read(Buffer.from(actual));
  const b = PNG.sync.read(Buffer.from(expected));
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`size differs: ${a.width}×${a.height} now, ${b.width}×${b.height} in the reference`);
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  return { ratio: n / (a.width * a.height), diff };
}
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
// Chromium's text antialiasing can move a few edge pixels between builds; a layout change moves far more.
const MAX_SHOT_DIFF = 0.01;

/** Compare a screenshot with its reviewed reference; UPDATE_SCREENSHOTS=1 writes the reference instead. */
export async function matchesReference(name: string, shot: Buffer) {
  const file = new URL(`${name}.png`, SHOTS);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE)
      throw new Error(`no reference screenshot ${file.pathname}: run with UPDATE_SCREENSHOTS=1 and review it`);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(file, shot);
    return;
  }
  const { ratio, diff } = diffRatio(shot, readFileSync(file));
  let where = '';
  if (ratio > MAX_SHOT_DIFF) {
    // This run's own directory: two runs on one machine never overwrite each other's evidence.
    where = mkdtempSync(join(tmpdir(), `storycard-studio-${name}-`));
    writeFileSync(join(where, 'diff.png'), PNG.sync.write(diff));
    writeFileSync(join(where, 'actual.png'), shot);
  }
  expect(
    ratio,
    `${name}: ${(ratio * 100).toFixed(2)}% of pixels differ (diff and actual in ${where})`,
  ).toBeLessThanOrEqual(MAX_SHOT_DIFF);
}
