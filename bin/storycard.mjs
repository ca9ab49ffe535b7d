#!/usr/bin/env node
// The `storycard` command: Node runs the TypeScript CLI itself (type stripping); templates stay plain TSX, compiled
// by esbuild when loaded (src/cli/tsx-hooks.mjs). No TypeScript toolchain is loaded at start-up.
import module from 'node:module';

// Type stripping without a flag came in Node 22.18 and in-thread module hooks in 22.15: older Node cannot run our .ts
// files at all, so say so and how to get a Node that can, instead of failing on the first `: string`.
if (!process.features.typescript || typeof module.registerHooks !== 'function') {
  process.stderr.write(
    `storycard: needs Node 22.18 or later (it runs its TypeScript with Node's type stripping); this is Node ${process.versions.node}.\n` +
      'Run it as `npx storycard …` from the repository (npm uses the Node 22 it installs), or install Node 22.\n',
  );
  process.exit(1);
}
await import('../src/cli/tsx-hooks.mjs');
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
