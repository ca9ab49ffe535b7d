// The architecture's import rules (DESIGN.md, README "Architecture") as code: every import in src/ and templates/ is
// read and checked, so `npm test` (and `npm run check`) fails the moment a rule is broken. Each rule is also shown to
// catch a violation, on a made-up file, so a rule that silently stops matching fails too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, RULES, violations } from '../helpers/import-rules.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) =>
      relative(ROOT, join(e.parentPath ?? dirname(e.name), e.name))
        .split('\\')
        .join('/'),
    )
    .filter((f) => !f.startsWith('src/studio/built/'));
}

const FILES = [...sourceFiles('src'), ...sourceFiles('templates')];
const IMPORTS = FILES.flatMap((f) => importsOf(f, readFileSync(join(ROOT, f), 'utf8')));

describe('import rules', () => {
  it('reads the imports of every source file', () => {
    expect(FILES.length).toBeGreaterThan(100);
    // The reader sees the imports the rules are about (a reader that found nothing would pass every rule).
    expect(IMPORTS).toContainEqual(
      expect.objectContaining({ from: 'src/bot/x-poster.ts', specifier: 'twitter-api-v2' }),
    );
    expect(IMPORTS).toContainEqual(expect.objectContaining({ from: 'src/app.ts', target: 'src/routes/studio.ts' }));
    expect(IMPORTS).toContainEqual(expect.objectContaining({ from: 'src/runtime/node.ts', specifier: 'node:fs' }));
  });

  it.each(RULES.map((r) => [r.name, r] as const))('%s', (_, rule) => {
    expect(violations(IMPORTS, [rule])).toEqual([]);
  });
});

describe('each rule catches a violation', () => {
  // Made-up files, one per rule, each importing what its rule forbids (and one more that it allows).
  const cases: [string, string, string][] = [
    ['node: modules only in src/runtime/ and src/cli/', 'src/bot/x-poster.ts', "import { Agent } from 'node:http';"],
    ['node: modules only in src/runtime/ and src/cli/', 'templates/quote.tsx', "import fs from 'fs';"],
    ['.wasm only in src/runtime/', 'src/render/png.ts', "import wasm from '@resvg/resvg-wasm/index_bg.wasm';"],
    ['social SDKs only in src/bot/*-poster.ts', 'src/bot/outbox.ts', "import { TwitterApi } from 'twitter-api-v2';"],
    ['social SDKs only in src/bot/*-poster.ts', 'src/routes/posts.ts', "const m = await import('@atproto/api');"],
    [
      'src/render/ imports nothing above it',
      'src/render/index.ts',
      "import { registry } from '../../templates/index.ts';",
    ],
    ['src/render/ imports nothing above it', 'src/render/compose.ts', "export { x } from '../storage/cards.ts';"],
    ['nothing imports src/routes/ but src/app.ts', 'src/index.ts', "import { cards } from './routes/cards.ts';"],
    ["templates import only render's public kit", 'templates/photo.tsx', "import { fit } from '../src/render/fit.ts';"],
  ];
  it.each(cases)('%s: %s', (name, from, source) => {
    const rule = RULES.find((r) => r.name === name)!;
    expect(violations(importsOf(from, source), [rule])).toHaveLength(1);
  });

  it('and lets through what the rules allow', () => {
    const allowed = [
      importsOf('src/runtime/node.ts', "import { readFile } from 'node:fs/promises';"),
      importsOf('src/runtime/workerd.ts', "import yoga from 'satori/layout.wasm';"),
      importsOf('src/cli/main.ts', "const m = await import('node:util');"),
      importsOf('src/bot/bluesky-poster.ts', "import { AtpAgent } from '@atproto/api';"),
      importsOf('src/render/index.ts', "import { StorycardError } from '../errors.ts';"),
      importsOf('src/app.ts', "import { studio } from './routes/studio.ts';"),
      importsOf('src/routes/cards.ts', "import { apiRouter } from './api.ts';"),
      importsOf('templates/quote.tsx', "import { defineTemplate } from '../src/render/template.ts';"),
    ].flat();
    expect(allowed).toHaveLength(8);
    expect(violations(allowed)).toEqual([]);
  });
});
