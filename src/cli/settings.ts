// The settings of the CLI commands that act as the Worker would (sign, post): .dev.vars, then the environment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * `.dev.vars` in `cwd` (the file `npm start` reads and writes its generated secrets to), overlaid by the environment,
 * which wins, as it does for `npm start`: right after `npm start`, `storycard sign` signs with the Worker's secret.
 * A missing file is no settings; an unreadable one is an error worth seeing.
 */
export function cliSettings(env: Record<string, string | undefined>, cwd: string): Record<string, string | undefined> {
  let file: Record<string, string | undefined> = {};
  try {
    file = parseEnv(readFileSync(join(cwd, '.dev.vars'), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const set = Object.entries(env).filter(([, v]) => v !== undefined);
  return { ...file, ...Object.fromEntries(set) };
}
