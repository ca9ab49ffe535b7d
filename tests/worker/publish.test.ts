// The one publish path inside workerd: a story, its card address and its posts are written together or not at all.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, inject, it, type MockInstance, vi } from 'vitest';
import { pollFeeds } from '../../src/intake/feeds.ts';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { rss } from '../helpers/feeds.ts';
import { storyInput } from './helpers.ts';
import { botEnv, callWith, postsOf } from './outbox-harness.ts';

const live = () => botEnv({ x: inject('quietFakes').x });

// The Worker logs each injected failure (that is how an operator sees it); the tests check the line, not print it.
let log: MockInstance<typeof console.error>;
const logged = () => {
  log = vi.spyOn(console, 'error').mockImplementation(() => {});
  return log;
};
afterEach(() => log?.mockRestore());
const failedWith = (prefix: string) => [
  prefix,
  expect.objectContaining({ message: expect.stringMatching(/injected_failure/) }),
];
// The app's one line for a request that failed: its request id, then the error's stack (src/app.ts).
const requestFailed = (what: string) => [
  expect.stringMatching(
    new RegExp(`^${what.replace(/[/.]/g, '\\$&')} failed \\(request [\\w-]+\\): \\w*Error: .*injected_failure`),
  ),
];

/**
 * The env's D1, except that statements whose SQL matches `pattern` fail when they run (a table that is not there):
 * the way a D1 write fails halfway through entering a story.
 */
function failingDb(db: D1Database, pattern: RegExp): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => target.prepare(pattern.test(sql) ? 'INSERT INTO injected_failure VALUES (1)' : sql);
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const count = async (sql: string, ...args: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .first<{ n: number }>()
  )?.n;
const storiesWithUrl = (url: string) => count('SELECT COUNT(*) AS n FROM stories WHERE url_key = ?', url);
const cardsMentioning = (url: string) => count('SELECT COUNT(*) AS n FROM cards WHERE request LIKE ?', `%${url}%`);
const rowsOfUrl = (url: string) =>
  count('SELECT COUNT(*) AS n FROM outbox WHERE story_id IN (SELECT id FROM stories WHERE url_key = ?)', url);

describe('publishing a story', () => {
  it('a D1 failure while writing the posts leaves no story and no card behind; the retried POST makes it whole', async () => {
    const input = storyInput({ headline: 'Half-made stories are never left behind' });
    const broken = { ...live(), DB: failingDb(env.DB, /INSERT INTO outbox/) } as Env;
    logged();
    const failed = await callWith(broken, '/api/stories', { method: 'POST', body: JSON.stringify(input) });
    expect(failed.status).toBe(500);
    expect(log).toHaveBeenCalledWith(...requestFailed('POST /api/stories'));
    expect(await storiesWithUrl(input.url!)).toBe(0);
    expect(await cardsMentioning(input.url!)).toBe(0);

    const retried = await callWith(live(), '/api/stories', { method: 'POST', body: JSON.stringify(input) });
    expect(retried.status).toBe(201);
    const { id, cardUrl } = (await retried.json()) as { id: string; cardUrl: string };
    expect(await cardsMentioning(input.url!)).toBe(1);
    expect(await postsOf(live(), id)).toMatchObject([{ platform: 'x', state: 'queued' }]);
    const hash = /\/cards\/([0-9a-f]{20})\//.exec(cardUrl)![1];
    expect(await count('SELECT COUNT(*) AS n FROM cards WHERE hash = ? AND story_id = ?', hash, id)).toBe(1);
  });

  it('a failure while registering the card address leaves nothing either', async () => {
    const input = storyInput({ headline: 'The card address and the story go together' });
    const broken = { ...live(), DB: failingDb(env.DB, /INTO cards/) } as Env;
    logged();
    const failed = await callWith(broken, '/api/stories', { method: 'POST', body: JSON.stringify(input) });
    expect(failed.status).toBe(500);
    expect(log).toHaveBeenCalledWith(...requestFailed('POST /api/stories'));
    expect(await storiesWithUrl(input.url!)).toBe(0);
    expect(await rowsOfUrl(input.url!)).toBe(0);
  });

  it('a repeat POST repairs a story whose card address and posts went missing (stories made before one batch)', async () => {
    const input = storyInput({ headline: 'Repaired by its second submission' });
    const first = await callWith(live(), '/api/stories', { method: 'POST', body: JSON.stringify(input) });
    const { id } = (await first.json()) as { id: string };
    // What the old three-write path could leave: the story without its card registration and without its posts.
    await env.DB.batch([
      env.DB.prepare('DELETE FROM cards WHERE story_id = ?').bind(id),
      env.DB.prepare('DELETE FROM outbox WHERE story_id = ?').bind(id),
      env.DB.prepare('UPDATE stories SET bot_mode = NULL WHERE id = ?').bind(id),
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM cards WHERE story_id = ?', id)).toBe(0);

    const again = await callWith(live(), '/api/stories', { method: 'POST', body: JSON.stringify(input) });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(id);
    expect(await count('SELECT COUNT(*) AS n FROM cards WHERE story_id = ?', id)).toBe(1);
    expect(await postsOf(live(), id)).toMatchObject([{ platform: 'x', state: 'queued' }]);
    // A third POST finds nothing missing and changes nothing.
    await callWith(live(), '/api/stories', { method: 'POST', body: JSON.stringify(input) });
    expect(await postsOf(live(), id)).toHaveLength(1);
  });

  it('a story that entered while the bot was off is not posted by a repeat POST in live mode', async () => {
    const input = storyInput({ headline: 'Entered while the bot was off' });
    const off = botEnv({ x: inject('quietFakes').x }, { BOT_MODE: 'off' });
    const first = await callWith(off, '/api/stories', { method: 'POST', body: JSON.stringify(input) });
    const { id } = (await first.json()) as { id: string };
    await callWith(live(), '/api/stories', { method: 'POST', body: JSON.stringify(input) });
    expect(await postsOf(live(), id)).toEqual([]);
  });

  it('the demo story never enters the outbox, in any bot mode', async () => {
    for (const mode of ['live', 'review', 'dry-run']) {
      const e = botEnv({ x: inject('quietFakes').x }, { BOT_MODE: mode });
      const res = await callWith(e, '/api/stories', { method: 'POST', body: JSON.stringify(DEMO_STORY) });
      expect([200, 201]).toContain(res.status);
      const { id } = (await res.json()) as { id: string };
      expect(await postsOf(e, id)).toEqual([]);
    }
  });

  it('PUT writes the story and its new card address together: a failure leaves the old story serving', async () => {
    const created = await callWith(live(), '/api/stories', { method: 'POST', body: JSON.stringify(storyInput()) });
    const before = (await created.json()) as { id: string; story: { headline: string; url: string } };
    const broken = { ...live(), DB: failingDb(env.DB, /INTO cards/) } as Env;
    const changed = { ...before.story, headline: 'A headline that never made it' };
    logged();
    const put = await callWith(broken, `/api/stories/${before.id}`, { method: 'PUT', body: JSON.stringify(changed) });
    expect(put.status).toBe(500);
    expect(log).toHaveBeenCalledWith(...requestFailed(`PUT /api/stories/${before.id}`));
    const now = (await (await callWith(live(), `/api/stories/${before.id}`)).json()) as {
      story: { headline: string };
      cardUrl: string;
    };
    expect(now.story.headline).toBe(before.story.headline);
    expect((await callWith(live(), new URL(now.cardUrl).pathname, { method: 'HEAD' })).status).not.toBe(404);
  });

  it('a feed item enters by the same path: a failure mid-way makes nothing, and the next poll makes it whole', async () => {
    const feeds = inject('fakeFeedsUrl');
    const path = `/publish-${crypto.randomUUID().slice(0, 8)}.xml`;
    const serve = async (items: { title: string; link: string; guid: string }[]) => {
      const res = await fetch(`${feeds}/__feeds${path}`, {
        method: 'PUT',
        body: JSON.stringify({ body: rss('P', items) }),
      });
      expect(res.status).toBe(204);
    };
    const old = { title: 'An older story of the harbour', link: `https://harbour.example${path}/old`, guid: 'old' };
    const fresh = {
      title: 'A new story of the harbour today',
      link: `https://harbour.example${path}/new`,
      guid: 'new',
    };
    await serve([old]);
    const e = { ...live(), FEEDS: `${feeds}${path}`, FETCH_ALLOW_HOSTS: '127.0.0.1' } as Env;
    const enqueued: string[] = [];
    const deps = { templates, onStoryCreated: async (r: { id: string }) => void enqueued.push(r.id) };
    await pollFeeds(e, Date.now(), deps); // the first poll only records what the feed shows
    await serve([fresh, old]);
    logged();
    const [broken] = await pollFeeds({ ...e, DB: failingDb(env.DB, /INSERT INTO outbox/) } as Env, Date.now(), deps);
    expect(broken).toMatchObject({ status: 'error', newStories: 0 });
    expect(log).toHaveBeenCalledWith(...failedWith(`feed ${feeds}${path}: poll failed:`));
    expect(await storiesWithUrl(fresh.link)).toBe(0);

    const [healed] = await pollFeeds(e, Date.now(), deps);
    expect(healed).toMatchObject({ status: 'ok', newStories: 1 });
    expect(await storiesWithUrl(fresh.link)).toBe(1);
    expect(await rowsOfUrl(fresh.link)).toBe(1);
    expect(await cardsMentioning(fresh.link)).toBe(1);
    expect(enqueued).toHaveLength(1);
  });
});
