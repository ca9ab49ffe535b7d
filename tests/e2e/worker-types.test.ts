// The committed worker-configuration.d.ts is what `wrangler types` makes of wrangler.toml, whatever a contributor's
// .dev.vars holds: `npm run check` runs `npm run cf-typegen -- --check`, and `npm start` writes secrets into .dev.vars.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { projectCopy } from '../helpers/npm-start.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const copies: string[] = [];

afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

function copyWithTypes(): string {
  const copy = projectCopy();
  copies.push(copy);
  for (const entry of ['worker-configuration.d.ts', 'types'])
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  return copy;
}

/** `npm run cf-typegen -- --check` in `cwd`: its exit code and what it printed. */
async function typesCheck(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'cf-typegen', '--', '--check'], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

it('stays current after npm start has written its secrets into .dev.vars, and goes stale when wrangler.toml changes', async () => {
  const copy = copyWithTypes();
  writeFileSync(join(copy, '.dev.vars'), 'API_TOKEN=generated-token\nSIGNING_SECRET=generated-secret\nPORT=8787\n');
  const current = await typesCheck(copy);
  expect(current.output).toContain('up to date');
  expect(current.code).toBe(0);

  appendFileSync(join(copy, 'wrangler.toml'), '\n[vars]\nNEW_SETTING = "x"\n');
  const stale = await typesCheck(copy);
  expect(stale.output).toContain('out of date');
  expect(stale.code).not.toBe(0);
}, 120_000);
