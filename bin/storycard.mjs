#!/usr/bin/env node
// The `storycard` command: loads the TypeScript CLI through tsx, so templates stay plain TSX with no build step.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
// A reader that stops early (`storycard post story.json --dry-run | head -1`) closes the pipe: that is the reader's
// choice, not our failure, so end quietly, as cat and grep do, instead of dying on EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
