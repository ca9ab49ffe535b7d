// `npm start` as a newcomer sees it: a quiet first screen (migrations in one line, no wrangler chatter), a busy port
// answered in our words (PORT=…), and wrangler.toml's cron run locally while it runs (feed polling, outbox sweep).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeFeeds, startFakeFeeds } from '../fakes/fake-feeds.ts';
import { freePort, type Started, startServer } from '../helpers/npm-start.ts';

const item = (title: string, slug: string, day: number) =>
  `<item><title>${title}</title><link>https://news.example.com/${slug}</link>` +
  `<pubDate>${new Date(Date.UTC(2026, 11, day, 9)).toUTCString()}</pubDate><description>d</description></item>`;
const OLD_ITEM = item('Harbour budget passes after a long night', 'harbour-budget', 5);
const NEW_ITEM = item('Ferry keeps its night run', 'ferry-night-run', 6);
const rss = (items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title><link>https://news.example.com/</link>` +
  `<description>d</description>${items.join('')}</channel></rss>`;

let feeds: FakeFeeds;
let server: Started;
beforeAll(async () => {
  feeds = await startFakeFeeds();
  feeds.set('/harbour.xml', { body: rss([OLD_ITEM]), contentType: 'application/rss+xml' });
  // The cron's timing sped up to every 2 s (the handler still gets wrangler.toml's expression).
  server = await startServer({
    FEEDS: `${feeds.url}/harbour.xml`,
    FETCH_ALLOW_HOSTS: '127.0.0.1',
    STORYCARD_LOCAL_CRON: '*/2 * * * * *',
  });
});
afterAll(async () => {
  await server?.stop();
  await feeds?.close();
});

describe('npm start', () => {
  it('prints a quiet first screen: migrations in one line, none of wrangler’s banner, tables or type warnings', () => {
    const first = server.output().slice(0, server.output().indexOf('storycard is running'));
    expect(first).toMatch(/^\[storycard\] D1: applied \d+ migration\(s\): 0001_stories, .*$/m);
    expect(first).not.toMatch(/\[migrations\]|\[wrangler\]|┌|types might be out of date|⛅️/);
    expect(first.split('\n').filter((l) => l.trim()).length).toBeLessThanOrEqual(5);
    expect(server.output()).toMatch(
      /^ {2}cron {9}\*\/15 \* \* \* \* \(wrangler\.toml\), run here too: outbox sweep and feed polling \(1 feed\)$/m,
    );
  });

  it('runs the cron while it runs: FEEDS is polled and a new item becomes a story, with no manual trigger', async () => {
    const until = async (what: string, done: () => Promise<boolean> | boolean) => {
      const deadline = Date.now() + 45_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`no ${what} in 45 s\n${server.output().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    // The first poll records what the feed holds (nothing is created from a feed's back catalogue)…
    await until('poll of FEEDS', () => feeds.log.some((r) => r.path === '/harbour.xml'));
    // …and a poll after it finds the item the feed then publishes.
    feeds.set('/harbour.xml', { body: rss([NEW_ITEM, OLD_ITEM]), contentType: 'application/rss+xml' });
    const headlines = async () => {
      const res = await fetch(`${server.origin}/api/stories?limit=50`, {
        headers: { Authorization: `Bearer ${server.printed['API token']}` },
      });
      return ((await res.json()) as { items: { story: { headline: string } }[] }).items.map((i) => i.story.headline);
    };
    await until('story from the feed', async () => (await headlines()).includes('Ferry keeps its night run'));
    expect(await headlines()).not.toContain('Harbour budget passes after a long night');
  }, 120_000);
});

describe('npm start on a busy port', () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    busy = createServer();
    await new Promise<void>((r) => busy.listen(port, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => busy.close(() => r())));

  it('says so in its own words, naming PORT= (not wrangler’s --port), and exits 1', async () => {
    const state = mkdtempSync(join(tmpdir(), 'storycard-busy-'));
    const child = spawn('npm', ['start'], {
      env: { ...process.env, PORT: String(port), STORYCARD_STATE_DIR: state },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise((r) => child.on('exit', r));
    rmSync(state, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(out).toContain(`[storycard] port ${port} is already in use (another npm start?): choose another with PORT=`);
    expect(out).not.toMatch(/--port/);
  });
});
