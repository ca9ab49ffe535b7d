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

describe("--templates DIR: a newsroom's own templates", () => {
  const DIR = new URL('../fixtures/newsroom-templates', import.meta.url).pathname;

  it('render draws a template from the directory; templates lists it before the bundled ones', async () => {
    const r = await storycard([
      'render',
      'story.json',
      '--templates',
      DIR,
      '-t',
      'banner',
      '-o',
      'banner.png',
      '--report',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.toString())).toMatchObject({ template: 'banner', size: 'og', width: 1200, height: 630 });
    // Its own template in a batch too (worker threads load the directory themselves).
    const batch = await storycard([
      'render',
      'batch.json',
      '--templates',
      DIR,
      '-t',
      'banner,quote',
      '--out-dir',
      'own',
    ]);
    expect(batch.code).toBe(0);
    expect((await readdir(join(dir, 'own'))).filter((f) => f.includes('.banner.og.'))).toHaveLength(2);
    const list = await storycard(['templates', '--templates', DIR, '--json']);
    const names = JSON.parse(list.stdout.toString()).map((t: { name: string }) => t.name);
    expect(names).toEqual(['banner', 'quote', 'headline', 'photo', 'breaking']);
  });

  it('exits 2 naming the problem: no such directory, no templates in it, an unknown template', async () => {
    const missing = await storycard(['templates', '--templates', 'no-such-dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('storycard: --templates: cannot read no-such-dir (ENOENT)\n');
    const empty = await storycard(['render', 'story.json', '--templates', '.', '-o', 'x.png']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^storycard: --templates: expected \.tsx templates in .*, received none\n$/);
    const unknown = await storycard(['render', 'story.json', '-t', 'banner', '-o', 'x.png']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/expected one of quote, headline, photo, breaking or "all", received "banner"/);
  });
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
      text: DEMO_STORY.headline,
      lineTexts: expect.any(Array),
    });
    // What was drawn: the lines join back into the text, and the quote carries its marks.
    expect(report.fields.headline.lineTexts.join(' ')).toBe(DEMO_STORY.headline);
    expect(report.fields.headline.lineTexts).toHaveLength(report.fields.headline.lines);
    expect(report.fields.quote.text).toBe(`“${DEMO_STORY.quote}”`);
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

  it('without -o writes the file named after the headline, even when stdout is a pipe', async () => {
    const r = await storycard(['render', 'story.json']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(0);
    const name =
      'sam-altman-rejects-elon-musks-97-4-billion-openai-buyout-jokes-about-buying-twitter-instead.quote.og.png';
    expect(r.stderr).toMatch(new RegExp(`^wrote ${name} \\(\\d+ bytes\\)\n$`));
    expect(PNG.sync.read(await readFile(join(dir, name)))).toMatchObject({ width: 1200, height: 630 });
  });

  it('-o - writes the card to stdout', async () => {
    const r = await storycard(['render', 'story.json', '-o', '-']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(PNG.sync.read(r.stdout)).toMatchObject({ width: 1200, height: 630 });
  });

  it('names files in the headline’s own script; one story gets no number, a repeated headline does', async () => {
    await writeFile(
      join(dir, 'ja.json'),
      JSON.stringify({ headline: '東京都、新たな気候対策を発表　2030年までに', lang: 'ja' }),
    );
    const one = await storycard(['render', 'ja.json', '-s', 'x']);
    expect(one.code).toBe(0);
    expect(await readdir(dir)).toContain('東京都-新たな気候対策を発表-2030年までに.quote.x.png');
    const twice = [{ headline: 'Élection: la gauche / en tête' }, { headline: 'Élection : la gauche — en tête' }];
    await writeFile(join(dir, 'twice.json'), JSON.stringify(twice));
    const batch = await storycard(['render', 'twice.json', '--out-dir', 'twice']);
    expect(batch.code).toBe(0);
    expect((await readdir(join(dir, 'twice'))).sort()).toEqual([
      'élection-la-gauche-en-tête-2.quote.og.png',
      'élection-la-gauche-en-tête.quote.og.png',
    ]);
  });

  it('flags override the story’s own fields: --site-name wins over siteName', async () => {
    const render = async (story: object, flags: string[] = []) => {
      await writeFile(join(dir, 'site.json'), JSON.stringify(story));
      const r = await storycard(['render', 'site.json', '-o', '-', ...flags]);
      expect(r.code).toBe(0);
      return r.stdout;
    };
    const flagged = await render({ ...DEMO_STORY, siteName: 'Tech Dispatch' }, ['--site-name', 'The Other Times']);
    expect(flagged.equals(await render({ ...DEMO_STORY, siteName: 'The Other Times' }))).toBe(true);
    expect(flagged.equals(await render({ ...DEMO_STORY, siteName: 'Tech Dispatch' }))).toBe(false);
  });

  it('writes SVG to stdout when asked', async () => {
    const r = await storycard(['render', 'story.json', '-f', 'svg', '-o', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toMatch(/^<svg[^>]+width="1200"[^>]+height="630"/);
  });

  it('writes auto by default (lossless PNG for a text card) and the format -f or the -o extension names', async () => {
    const auto = await storycard(['render', 'story.json', '-o', 'auto-card', '--report']);
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.stdout.toString())).toMatchObject({ format: 'png' });
    expect([...(await readFile(join(dir, 'auto-card'))).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

    const byExtension = await storycard(['render', 'story.json', '-o', 'card.jpg', '--report']);
    expect(JSON.parse(byExtension.stdout.toString())).toMatchObject({ format: 'jpeg' });
    expect([...(await readFile(join(dir, 'card.jpg'))).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    const webp = await storycard(['render', 'batch.json', '-f', 'webp', '-s', 'og,x', '--out-dir', 'webp']);
    expect(webp.code).toBe(0);
    const files = (await readdir(join(dir, 'webp'))).sort();
    expect(files).toHaveLength(4);
    expect(files.every((f) => /\.(og|x)\.webp$/.test(f))).toBe(true);
    const bytes = await readFile(join(dir, 'webp', files[0]!));
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');

    const bad = await storycard(['render', 'story.json', '-f', 'gif']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('storycard: --format: expected one of png, jpeg, webp, svg, auto, received "gif"\n');
  });

  it('warns on stderr naming each character no font can draw, and still exits 0 with the card written', async () => {
    // U+E000 is private-use; Cherokee is a script no bundled face covers.
    await writeFile(join(dir, 'boxes.json'), JSON.stringify({ headline: 'Vote in \u{E000} and ᏣᎳᎩ', quote: 'Fine.' }));
    const r = await storycard(['render', 'boxes.json', '-o', 'boxes.png']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(
      'warning: boxes.png: 4 characters no font can draw, drawn as boxes: "\u{E000}" U+E000 (headline), "Ꮳ" U+13E3 (headline), "Ꮃ" U+13B3 (headline), "Ꭹ" U+13A9 (headline)',
    );
    expect(PNG.sync.read(await readFile(join(dir, 'boxes.png'))).width).toBe(1200);
    // The demo story draws everything: no warning.
    expect((await storycard(['render', 'story.json', '-o', 'fine.png'])).stderr).not.toMatch(/warning/);
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
