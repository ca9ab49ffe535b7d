// `storycard render` of an array on every core: worker threads share the jobs, the files and the report come out
// as from one thread, and the progress bar still counts every card.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderCommand } from '../../src/cli/render.ts';
import type { RenderJobResult } from '../../src/cli/render-job.ts';
import { renderAll } from '../../src/cli/render-pool.ts';
import { createStory, DEMO_STORY } from '../../src/story/schema.ts';

describe('storycard render on every core', () => {
  it('spreads a batch over worker threads, one per core', async () => {
    const jobs = ['quote', 'headline', 'breaking', 'quote'].map((template, id) => ({
      id,
      story: createStory({ headline: `Card ${id}` }),
      template,
      size: 'og' as const,
      theme: {},
      format: 'png' as const,
    }));
    const results: RenderJobResult[] = [];
    await renderAll(jobs, async (r) => {
      results.push(r);
    });
    expect(results.map((r) => r.id).sort()).toEqual([0, 1, 2, 3]);
    const threads = new Set(results.map((r) => r.thread));
    expect(threads.has(0)).toBe(false); // none on the main thread
    expect(threads.size).toBe(Math.min(availableParallelism(), jobs.length));
  });

  it('keeps the progress bar and the report order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storycard-pool-'));
    const file = join(dir, 'batch.json');
    await writeFile(file, JSON.stringify([DEMO_STORY, { headline: 'Rates cut again' }, { headline: 'Third' }]));
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = Object.assign(new PassThrough(), { isTTY: false });
    let err = '';
    let out = '';
    stderr.on('data', (d) => (err += d));
    stdout.on('data', (d) => (out += d));
    const code = await renderCommand([file, '-t', 'quote,headline', '--out-dir', join(dir, 'out'), '--report'], {
      stdin: new PassThrough(),
      stdout,
      stderr,
    });
    expect(code, err).toBe(0);
    expect(err).toContain('6/6 cards');
    const reports = JSON.parse(out) as { template: string; file: string }[];
    expect(reports.map((r) => r.template)).toEqual(['quote', 'headline', 'quote', 'headline', 'quote', 'headline']);
    expect((await readdir(join(dir, 'out'))).length).toBe(6);
  });
});
