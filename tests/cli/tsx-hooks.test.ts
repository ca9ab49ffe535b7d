// The CLI's loader (src/cli/tsx-hooks.mjs): TSX compiled when loaded, an edit seen on the next run, bad syntax named.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HOOKS = new URL('../../src/cli/tsx-hooks.mjs', import.meta.url).pathname;
const run = promisify(execFile);

/** Imports `file` in a fresh Node with the hooks, as bin/storycard.mjs does, and prints its default export. */
function load(file: string) {
  const script = `import(${JSON.stringify(file)}).then((m) => console.log(JSON.stringify(m.default)))`;
  return run(process.execPath, ['--import', HOOKS, '--input-type=module', '-e', script]).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storycard-hooks-'));
  // A stand-in for satori's JSX runtime beside the files, so the test sees exactly what the compiled TSX calls.
  const satori = join(dir, 'node_modules', 'satori');
  await mkdir(satori, { recursive: true });
  await writeFile(
    join(satori, 'package.json'),
    JSON.stringify({ type: 'module', exports: { './jsx/jsx-runtime': './rt.js' } }),
  );
  await writeFile(
    join(satori, 'rt.js'),
    'export const jsx = (type, props) => ({ type, props });\nexport const jsxs = jsx;\n',
  );
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the CLI loader', () => {
  it('compiles a TSX file when it is imported, and a later edit is what the next run sees', async () => {
    const file = join(dir, 'card.tsx');
    await writeFile(file, `const n: number = 1;\nexport default <div>{n}</div>;\n`);
    const first = await load(file);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ type: 'div', props: { children: 1 } });
    await writeFile(file, `const n: number = 2;\nexport default <span>{n}</span>;\n`);
    const second = await load(file);
    expect(JSON.parse(second.stdout)).toMatchObject({ type: 'span', props: { children: 2 } });
  });

  it('strips a .ts file without a warning, and names the file when its syntax cannot be erased', async () => {
    const ok = join(dir, 'ok.ts');
    await writeFile(ok, `const size: { w: number } = { w: 1200 };\nexport default size;\n`);
    expect(await load(ok)).toEqual({ code: 0, stdout: '{"w":1200}\n', stderr: '' });
    const bad = join(dir, 'bad.ts');
    await writeFile(bad, `enum Size { og }\nexport default Size;\n`);
    const r = await load(bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: TypeScript enum is not supported in strip-only mode`);
  });
});
