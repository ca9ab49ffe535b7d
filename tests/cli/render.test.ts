// `storycard render` and `storycard templates` as a user runs them: the real bin, real files, exit codes.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';

const BIN = new URL('../../bin/storycard.mjs', import.meta.url).pathname;
const run = promisify(execFile);

function storycard(args: string[]) {
  return run(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'buffer', maxBuffer: 20e6 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr.toString() }),
    (e: { code: number; stdout: Buffer; stderr: Buffer }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr.toString(),
    }),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storycard-cli-'));
  await writeFile(join(dir, 'story.json'), JSON.stringify(DEMO_STORY));
  await writeFile(
    join(dir, 'batch.json'),
    JSON.stringify([DEMO_STORY, { headline: 'Rates cut again', quote: 'We acted decisively.' }]),
  );
  await writeFile(join(dir, 'bad.json'), JSON.stringify({ headline: '', quote: 5 }));
  await writeFile(join(dir, 'broken.json'), '{"headline": ');
});

describe('storycard render', () => {
  it('renders one story to a PNG of the requested size and prints the layout report', async () => {
    const r = await storycard(['render', 'story.json', '-t', 'quote', '-s', 'x', '-o', 'card.png', '--report']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout.toString());
    expect(report).toMatchObject({ template: 'quote', size: 'x', width: 1200, height: 600 });
    expect(report.fields.headline).toEqual({
      fontSize: expect.any(Number),
      lines: expect.any(Number),
      truncated: false,
    });
    expect(report.fields.quote.lines).toBeGreaterThan(0);
    const png = PNG.sync.read(await readFile(join(dir, 'card.png')));
    expect([png.width, png.height]).toEqual([1200, 600]);
    expect(report.bytes).toBe((await readFile(join(dir, 'card.png'))).byteLength);
  });

  it('renders a batch to a directory, one file per story × template × size', async () => {
    const r = await storycard(['render', 'batch.json', '-t', 'quote,headline', '-s', 'og', '--out-dir', 'out']);
    expect(r.code).toBe(0);
    const files = (await readdir(join(dir, 'out'))).sort();
    expect(files).toHaveLength(4);
    expect(files.every((f) => f.endsWith('.og.png'))).toBe(true);
  });

  it('writes SVG to stdout when asked', async () => {
    const r = await storycard(['render', 'story.json', '-f', 'svg', '-o', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toMatch(/^<svg[^>]+width="1200"[^>]+height="630"/);
  });

  it('exits 2 with one clear line naming the bad fields', async () => {
    const r = await storycard(['render', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('headline: expected a non-empty headline');
    expect(r.stderr).toContain('quote: expected a string, received number 5');
  });

  it('exits 2 for broken JSON, an unknown template or a missing file', async () => {
    for (const args of [
      ['render', 'broken.json'],
      ['render', 'story.json', '-t', 'nope'],
      ['render', 'missing.json'],
    ]) {
      const r = await storycard(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^storycard: .*(not valid JSON|--template: expected one of|cannot read)/);
    }
  });
});

describe('storycard templates', () => {
  it('lists every template with its sizes as JSON', async () => {
    const r = await storycard(['templates', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout.toString()) as { name: string; sizes: { name: string; width: number }[] }[];
    expect(list.map((t) => t.name)).toEqual(['quote', 'headline', 'photo', 'breaking']);
    expect(list[0]?.sizes.map((s) => s.name)).toEqual(['og', 'x', 'square', 'portrait', 'story']);
  });
});
