// The package as a newsroom gets it: `npm pack`, installed into a project of its own (from the local npm cache where
// it can), and its `storycard` bin run there with `npx`, reading the project's files and its own fonts and templates.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyParams } from '../../src/story/sign.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);
// The project's tools find this Node (22, what `engines` asks for) first, as a newsroom's machine with Node 22 would;
// no storycard setting leaks in from the environment the tests run in.
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_|SIGNING_SECRET|PUBLIC_BASE_URL|PORT$|FETCH_ALLOW)/.test(k)),
  ),
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
};

let dir: string;
let project: string;
let tarball: string;

async function sh(cmd: string, args: string[], cwd: string) {
  return run(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 50e6 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
const storycard = (...args: string[]) => sh('npx', ['--no-install', 'storycard', ...args], project);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storycard-package-'));
  const packed = await sh('npm', ['pack', '--json', '--pack-destination', dir], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, info!.filename);
  // A project that is not this repository: nothing resolves into the checkout's node_modules from here.
  project = join(dir, 'newsroom');
  await sh('mkdir', ['-p', project], dir);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'newsroom', private: true }));
  const installed = await sh(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball],
    project,
  );
  expect(installed.code, installed.stderr).toBe(0);
  await writeFile(
    join(project, 'story.json'),
    JSON.stringify({
      headline: 'Council approves the harbour budget',
      quote: 'We did it together.',
      quoteAuthor: 'Mayor Jane Doe',
      url: 'https://news.example.com/harbour',
    }),
  );
}, 600_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('storycard installed from its tarball into another project', () => {
  it('ships what runs and nothing of the repository around it', async () => {
    const { stdout } = await sh('tar', ['-tzf', tarball], dir);
    const files = stdout.split('\n');
    expect(files).toContain('package/bin/storycard.mjs');
    expect(files).toContain('package/templates/index.ts');
    expect(files).toContain('package/fonts/inter-700.woff');
    expect(files).toContain('package/patches/satori.mjs');
    expect(files.filter((f) => /^package\/(tests|scripts|migrations|docs)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /^package\/src\/(routes|studio)\//.test(f))).toEqual([]);
    const manifest = JSON.parse(await readFile(join(project, 'node_modules/storycard/package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
  });

  it('npx storycard render draws a PNG card with its own fonts and templates', async () => {
    const r = await storycard('render', 'story.json', '-t', 'quote', '-s', 'x', '-o', 'card.png', '--report');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ template: 'quote', size: 'x', width: 1200, height: 600, format: 'png' });
    expect(report.fields.headline.text).toBe('Council approves the harbour budget');
    expect(report.missingGlyphs ?? []).toEqual([]);
    const png = PNG.sync.read(await readFile(join(project, 'card.png')));
    expect([png.width, png.height]).toEqual([1200, 600]);
    expect((await stat(join(project, 'card.png'))).size).toBe(report.bytes);
  });

  it("--templates DIR draws the newsroom's own template, written against storycard/template and storycard/kit", async () => {
    await sh('mkdir', ['-p', join(project, 'card-templates')], project);
    // The fixture template, importing the package by name as a newsroom's file would.
    const source = (await readFile(new URL('../fixtures/newsroom-templates/banner.tsx', import.meta.url), 'utf8'))
      .replace('../../../src/render/template.ts', 'storycard/template')
      .replace('../../../templates/_kit.tsx', 'storycard/kit');
    expect(source).toContain("from 'storycard/kit'");
    await writeFile(join(project, 'card-templates', 'banner.tsx'), source);
    const r = await storycard(
      'render',
      'story.json',
      '--templates',
      'card-templates',
      '-t',
      'banner',
      '-o',
      'b.png',
      '--report',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ template: 'banner', width: 1200, height: 630 });
    const list = await storycard('templates', '--templates', 'card-templates');
    expect(list.stdout).toMatch(/^banner +The headline on a brand-colour field\./);
  });

  it('templates, extract, sign (with .dev.vars) and post --dry-run work there too', async () => {
    const templates = await storycard('templates', '--json');
    expect(templates.code).toBe(0);
    expect(JSON.parse(templates.stdout).map((t: { name: string }) => t.name)).toContain('quote');

    await writeFile(
      join(project, 'article.html'),
      '<html><head><title>Harbour budget passes</title></head><body><article><h1>Harbour budget passes</h1>' +
        '<p>The council voted on Monday to approve the harbour budget after months of debate.</p></article></body></html>',
    );
    const extracted = await storycard('extract', 'article.html', '--url', 'https://news.example.com/harbour');
    expect(extracted.code).toBe(0);
    expect(JSON.parse(extracted.stdout)).toMatchObject({ headline: 'Harbour budget passes' });

    await writeFile(join(project, '.dev.vars'), 'SIGNING_SECRET=newsroom-secret\nPORT=9311\n');
    const signed = await storycard('sign', '--headline', 'Harbour budget passes');
    expect(signed.code).toBe(0);
    const url = new URL(signed.stdout.trim());
    expect(url.origin).toBe('http://127.0.0.1:9311');
    expect(await verifyParams(url.searchParams, 'newsroom-secret')).toBe(true);

    const posted = await storycard('post', 'story.json', '--dry-run', '--state', join(dir, 'posted.json'));
    expect(posted.code).toBe(0);
    expect(posted.stdout).toMatch(/^x: dry run, x card 1200×600, \d+\/280 characters, nothing posted/m);
  });
});
