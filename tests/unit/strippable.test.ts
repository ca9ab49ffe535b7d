// The CLI runs our TypeScript with Node's type stripping (bin/storycard.mjs): every source file must be erasable.
import { readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name).slice(ROOT.length));
}

describe('type stripping', () => {
  // Any src file may end up on the CLI's path; an enum, namespace or parameter property there fails at run time only.
  it.each(tsFiles('src').concat(tsFiles('templates')))('%s has only erasable TypeScript', (file) => {
    expect(() => stripTypeScriptTypes(readFileSync(join(ROOT, file), 'utf8'))).not.toThrow();
  });
});
