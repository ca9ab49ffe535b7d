// A designer edits a template (or the studio's script) while `npm start` runs: the studio shows it on reload.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { projectCopy, type Started, startServer } from '../helpers/npm-start.ts';

let copy: string;
let server: Started;

beforeAll(async () => {
  copy = projectCopy();
  server = await startServer({}, { cwd: copy });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
}, 30_000);

async function studio(path: string, body?: unknown) {
  const res = await fetch(`${server.origin}/studio/api/${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${server.printed['API token']}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : null,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
}

const headlineTemplate = async () =>
  ((await (await studio('catalog')).json()) as { templates: { name: string; description: string }[] }).templates.find(
    (t) => t.name === 'headline',
  );
const preview = async () =>
  (await studio('preview', { ...DEMO_STORY, template: 'headline', size: 'og', format: 'svg' })).text();

it('shows an edited template on reload without restarting npm start', async () => {
  const before = { meta: await headlineTemplate(), svg: await preview() };
  expect(before.meta?.description).toMatch(/^The headline alone/);

  const file = join(copy, 'templates', 'headline.tsx');
  const source = readFileSync(file, 'utf8');
  const edited = source
    .replace(/description: '[^']*'/, "description: 'Edited while npm start was running'")
    .replace('width: Math.round(120 * u)', 'width: Math.round(480 * u)');
  expect(edited).not.toBe(source);
  writeFileSync(file, edited);

  // wrangler dev rebuilds on change; poll the way a designer reloads, for up to a minute.
  let meta = before.meta;
  for (let i = 0; i < 60 && meta?.description === before.meta?.description; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    meta = await headlineTemplate().catch(() => before.meta);
  }
  expect(meta?.description).toBe('Edited while npm start was running');
  const after = await preview();
  expect(after).not.toBe(before.svg);
  expect(server.output()).not.toMatch(/npm start exited|wrangler dev exited/);
}, 120_000);

it('serves an edited studio script on reload: npm start bundles src/studio/client again, no build step', async () => {
  const script = async () => (await fetch(`${server.origin}/studio/studio.js`)).text();
  const before = await script();
  expect(before).toContain('Ready to ship: nothing truncated');

  const file = join(copy, 'src', 'studio', 'client', 'inspector.ts');
  const source = readFileSync(file, 'utf8');
  const edited = source.replace(
    'Ready to ship: nothing truncated',
    'Edited while npm start was running: nothing truncated',
  );
  expect(edited).not.toBe(source);
  writeFileSync(file, edited);

  let after = before;
  for (let i = 0; i < 60 && after === before; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    after = await script().catch(() => before);
  }
  expect(after).toContain('Edited while npm start was running: nothing truncated');
  expect(after).not.toContain('Ready to ship');
  expect(server.output()).not.toMatch(/npm start exited|wrangler dev exited/);
}, 120_000);
