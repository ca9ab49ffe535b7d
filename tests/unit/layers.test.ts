// The story layer is below the renderer: what both need (sizes, themes, the colour rule) is in src/card-terms.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const STORY = new URL('../../src/story/', import.meta.url);

describe('layers', () => {
  it.each(readdirSync(STORY).filter((f) => f.endsWith('.ts')))('src/story/%s imports nothing from src/render', (f) => {
    const source = readFileSync(new URL(f, STORY), 'utf8');
    const imports = [...source.matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports.filter((p) => p?.includes('/render/'))).toEqual([]);
  });
});
