// `storycard --help` and each command's --help come from the definitions the parser uses: every flag shown is
// accepted and every flag accepted is shown; parse errors are one balanced line; an output name we cannot write is 2.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';

const BIN = new URL('../../bin/storycard.mjs', import.meta.url).pathname;
const run = promisify(execFile);
let dir: string;

function storycard(...args: string[]) {
  return run(process.execPath, [BIN, ...args], { cwd: dir }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storycard-help-'));
  await writeFile(join(dir, 'story.json'), JSON.stringify(DEMO_STORY));
});

/** The flags a usage text names for `command`, long form (`--template`), from `[-t template]` and `[--out-dir DIR]`. */
function flagsIn(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s[])(--[a-z][a-z-]*|-[a-z])\b/g)].map((m) => m[1]!);
}

describe('storycard --help', () => {
  it('names every format and every option of sign (-f, --theme, --brand), as the parser takes them', async () => {
    const { stdout, code } = await storycard('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('-f png|jpeg|webp|svg|auto');
    const sign = stdout.slice(stdout.indexOf('storycard sign'), stdout.indexOf('storycard post'));
    for (const f of ['--headline TEXT', '-f png|jpeg|webp|auto', '--theme light|dark', '--brand #hex', '--base URL'])
      expect(sign).toContain(f);
  });

  it.each(['render', 'templates', 'extract', 'sign', 'post'])(
    '%s: the flags its help shows are exactly the flags it accepts',
    async (command) => {
      const help = await storycard(command, '--help');
      expect(help.code).toBe(0);
      const usage = help.stdout.slice(0, help.stdout.indexOf('\n\n'));
      const shown = new Set(flagsIn(usage).filter((f) => f.startsWith('--')));
      // What the parser accepts, in its own words: the unknown-option error lists them.
      const refused = await storycard(command, '--no-such-flag');
      expect(refused.code).toBe(2);
      const accepted = new Set(flagsIn(refused.stderr.slice(refused.stderr.indexOf('expected one of'))));
      accepted.delete('--help');
      for (const f of accepted) if (f.startsWith('--')) expect(shown, `${command} ${f}`).toContain(f);
      for (const f of shown) expect(accepted, `${command} ${f}`).toContain(f);
    },
  );

  it('an unknown option is one line with balanced quotes, naming the command and what it takes', async () => {
    const r = await storycard('render', 'story.json', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^storycard: render: unknown option --bogus; expected one of -t\/--template, .*\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    for (const q of ['"', "'"]) expect(r.stderr.split(q).length % 2, `count of ${q}`).toBe(1);
  });

  it('-o card.gif is exit 2 naming the formats it can write, and writes nothing', async () => {
    const r = await storycard('render', 'story.json', '-o', 'card.gif');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'storycard: -o: expected a file ending in .png, .jpg, .jpeg, .webp or .svg (or no extension), received "card.gif"\n',
    );
    expect(await readdir(dir)).toEqual(['story.json']);
  });
});
