// End to end: `npm start` as a user runs it, then unfurl.js reads the demo share page the way a crawler does.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unfurl } from 'unfurl.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let child: ChildProcess;
let stateDir: string;
let output = '';
const printed: Record<string, string> = {};

beforeAll(async () => {
  const port = await freePort();
  stateDir = mkdtempSync(join(tmpdir(), 'storycard-e2e-'));
  // Its own process group, so the whole tree (npm → start.mjs → wrangler → workerd) stops together at the end.
  child = spawn('npm', ['start'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(port), STORYCARD_STATE_DIR: stateDir, API_TOKEN: '', SIGNING_SECRET: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no share URL in 150 s:\n${output}`)), 150_000);
    const onData = (d: Buffer) => {
      output += d;
      for (const key of ['share page', 'card', 'studio', 'API token']) {
        const m = new RegExp(`^\\s+${key}\\s+(\\S+)`, 'm').exec(output);
        if (m?.[1]) printed[key] = m[1];
      }
      if (printed['API token'] && printed['share page']) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}, 180_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
}, 30_000);

describe('npm start', () => {
  it('prints the share URL, the studio URL and a generated API token', () => {
    expect(printed['share page']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/sam-altman-rejects-[a-z0-9-]+$/);
    expect(printed.studio).toMatch(/\/studio$/);
    // Neither the environment nor a .dev.vars gave one: it was generated, printed, and it works.
    expect(printed['API token']).toMatch(/^[\w-]{24,}$/);
  });

  it('serves the demo story to a link-preview parser with a PNG card of the stated size', async () => {
    const shareUrl = printed['share page']!;
    const meta = await unfurl(shareUrl, { follow: 0, oembed: false });
    expect(meta.open_graph.title).toBe(DEMO_STORY.headline);
    expect(meta.open_graph.type).toBe('article');
    expect(meta.open_graph.url).toBe(shareUrl);
    expect(meta.open_graph.description).toContain(DEMO_STORY.quote);
    expect(meta.twitter_card.card).toBe('summary_large_image');
    const image = meta.open_graph.images?.[0];
    expect(image?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cards\/[0-9a-f]{20}\/og\.png$/);
    expect(image?.type).toBe('image/png');
    expect(image?.alt).toContain(DEMO_STORY.headline);

    const res = await fetch(image!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.byteLength).toBeLessThan(5_000_000);
    expect(pngSize(png)).toEqual({ width: Number(image!.width), height: Number(image!.height) });

    const twitter = meta.twitter_card.images[0]!;
    const tw = Buffer.from(await (await fetch(twitter.url)).arrayBuffer());
    expect(pngSize(tw)).toEqual({ width: 1200, height: 600 });
  });

  it('answers the API with the printed token, and only with it', async () => {
    const origin = new URL(printed['share page']!).origin;
    const ok = await fetch(`${origin}/api/stories`, { headers: { Authorization: `Bearer ${printed['API token']}` } });
    expect(ok.status).toBe(200);
    const { items } = (await ok.json()) as { items: { story: { headline: string } }[] };
    expect(items.map((s) => s.story.headline)).toContain(DEMO_STORY.headline);
    expect((await fetch(`${origin}/api/stories`)).status).toBe(401);
  });
});
