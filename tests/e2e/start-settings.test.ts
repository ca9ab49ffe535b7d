// `npm start` takes its settings from .dev.vars the way a developer keeps them: PORT included, the environment winning.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectCopy, type Started, startServer } from '../helpers/npm-start.ts';

let copy: string | undefined;
let server: Started | undefined;

afterAll(async () => {
  await server?.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
}, 30_000);

it('listens on the PORT that .dev.vars names when the environment names none', async () => {
  copy = projectCopy();
  server = await startServer({}, { cwd: copy, portFrom: 'dev-vars' });
  const port = /^PORT=(\d+)$/m.exec(readFileSync(join(copy, '.dev.vars'), 'utf8'))?.[1];
  expect(server.output()).toContain(`storycard is running on http://127.0.0.1:${port}`);
  expect(server.printed['share page']).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/s/`));
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
}, 180_000);
