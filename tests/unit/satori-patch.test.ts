// patches/satori.mjs on a copy of satori: hashes checked before and after, all files or none, a marker at the end.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PATCH_LEVEL, patchProblem } from '../../src/runtime/satori-patch.ts';

const SCRIPT = new URL('../../patches/satori.mjs', import.meta.url).pathname;
const installed = dirname(createRequire(import.meta.url).resolve('satori/package.json'));
const FILES = ['standalone.js', 'standalone.cjs', 'index.js', 'index.cjs', 'standalone.d.ts'];
const run = promisify(execFile);
const sha = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

function patch(dir: string) {
  return run(process.execPath, [SCRIPT, dir]).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

let dir: string;
beforeEach(async () => {
  // The installed (patched) build, with one file put back as published: the mark-offset and code-point edits undone.
  dir = await mkdtemp(join(tmpdir(), 'storycard-satori-'));
  await cp(join(installed, 'package.json'), join(dir, 'package.json'));
  for (const f of FILES) await cp(join(installed, 'dist', f), join(dir, 'dist', f));
  const cjs = join(dir, 'dist', 'standalone.cjs');
  await writeFile(cjs, unC((await readFile(cjs, 'utf8')).replace('j=c-k.dy*U', 'j=c+k.dy*U')));
});
/** Edit C undone: the font choice remembered per UTF-16 unit again. */
const unC = (text: string) => text.replace(/let (\w)=y\.codePointAt\(0\);/, 'let $1=y.charCodeAt(0);');
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('patches/satori.mjs', () => {
  it('patches what is unpatched into exactly the installed bytes, leaves no temporary files, and marks it', async () => {
    const r = await patch(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('satori/dist/standalone.cjs: 2 edit(s) applied, 0 already present');
    expect(r.stdout).toContain('satori/dist/index.js: 0 edit(s) applied, 2 already present');
    for (const f of FILES) expect(await sha(join(dir, 'dist', f)), f).toBe(await sha(join(installed, 'dist', f)));
    expect((await readdir(join(dir, 'dist'))).sort()).toEqual([...FILES].sort());
    expect(JSON.parse(await readFile(join(dir, '.storycard-patched.json'), 'utf8'))).toMatchObject({
      satori: '0.63.2',
      patch: PATCH_LEVEL,
    });
    expect((await patch(dir)).stdout).toContain('satori/dist/standalone.cjs: 0 edit(s) applied, 2 already present');
  });

  it('brings a build patched by the script before edit C up to date (an existing clone running npm install)', async () => {
    for (const f of ['standalone.js', 'index.js', 'index.cjs']) {
      const file = join(dir, 'dist', f);
      await writeFile(file, unC(await readFile(file, 'utf8')));
    }
    const cjs = join(dir, 'dist', 'standalone.cjs');
    await writeFile(cjs, (await readFile(cjs, 'utf8')).replace('j=c+k.dy*U', 'j=c-k.dy*U'));
    const r = await patch(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('satori/dist/index.js: 1 edit(s) applied, 1 already present');
    expect(r.stdout).toContain('satori/dist/standalone.js: 1 edit(s) applied, 7 already present');
    for (const f of FILES) expect(await sha(join(dir, 'dist', f)), f).toBe(await sha(join(installed, 'dist', f)));
  });

  it('refuses a file that is neither the published nor the patched build, and then writes nothing at all', async () => {
    const cjs = join(dir, 'dist', 'standalone.cjs');
    const before = await sha(cjs);
    await writeFile(join(dir, 'dist', 'index.cjs'), `${await readFile(join(dir, 'dist', 'index.cjs'), 'utf8')}\n`);
    const r = await patch(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/satori\/dist\/index\.cjs: sha256 [0-9a-f]{64} is neither satori 0\.63\.2 as published/);
    expect(await sha(cjs)).toBe(before); // still unpatched: no file is written unless every file can be
    expect(await readdir(dir)).not.toContain('.storycard-patched.json');
  });
});

describe('the runtime reading the marker', () => {
  it('renders only with the patch level of this checkout, and says what is wrong otherwise', async () => {
    // The script and the runtime agree on the level (both change when an edit is added).
    expect(await readFile(SCRIPT, 'utf8')).toContain(`const PATCH_LEVEL = ${PATCH_LEVEL};`);
    expect(patchProblem(await readFile(join(installed, '.storycard-patched.json'), 'utf8'))).toBeNull();
    expect(patchProblem(null)).toBe('no .storycard-patched.json in its folder');
    // A marker from before the level existed (edits A and B only): node_modules patched before the pull.
    expect(patchProblem(JSON.stringify({ satori: '0.63.2', files: {} }))).toBe(
      `patched by another version of patches/satori.mjs (level none, this checkout needs ${PATCH_LEVEL})`,
    );
    expect(patchProblem('{')).toBe('.storycard-patched.json is not JSON');
  });
});
