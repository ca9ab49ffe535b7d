// `storycard post`: real card, real posters against loopback fakes; twice is once; lost answers are looked for first.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePost } from '../../src/bot/compose.ts';
import { accountsFor } from '../../src/bot/outbox.ts';
import { createXPoster } from '../../src/bot/x-poster.ts';
import { type PostCommandOptions, postCommand } from '../../src/cli/post.ts';
import { parseConfig } from '../../src/config.ts';
import { plainHttpAgent } from '../../src/runtime/http-agent.ts';
import { DEMO_STORY, parseStory } from '../../src/story/schema.ts';
import { canonicalUrl } from '../../src/story/slug.ts';
import { FAKE_BLUESKY_ACCOUNT, type FakeBluesky, startFakeBluesky } from '../fakes/fake-bluesky.ts';
import { FAKE_MASTODON_TOKEN, type FakeMastodon, startFakeMastodon } from '../fakes/fake-mastodon.ts';
import { FAKE_X_CREDENTIALS, type FakeX, startFakeX } from '../fakes/fake-x.ts';

let x: FakeX;
let bluesky: FakeBluesky;
let mastodon: FakeMastodon;
const dir = mkdtempSync(join(tmpdir(), 'storycard-post-'));

beforeAll(async () => {
  [x, bluesky, mastodon] = await Promise.all([startFakeX(), startFakeBluesky(), startFakeMastodon()]);
});
afterAll(() => Promise.all([x.close(), bluesky.close(), mastodon.close()]));

const xEnv = () => ({
  X_APP_KEY: FAKE_X_CREDENTIALS.appKey,
  X_APP_SECRET: FAKE_X_CREDENTIALS.appSecret,
  X_ACCESS_TOKEN: FAKE_X_CREDENTIALS.accessToken,
  X_ACCESS_SECRET: FAKE_X_CREDENTIALS.accessSecret,
  X_API_BASE_URL: x.url,
});
const allEnv = () => ({
  ...xEnv(),
  BLUESKY_SERVICE: bluesky.url,
  BLUESKY_IDENTIFIER: FAKE_BLUESKY_ACCOUNT.handle,
  BLUESKY_APP_PASSWORD: FAKE_BLUESKY_ACCOUNT.password,
  MASTODON_BASE_URL: mastodon.url,
  MASTODON_ACCESS_TOKEN: FAKE_MASTODON_TOKEN,
});

let n = 0;
function storyFile(overrides: Record<string, unknown> = {}): string {
  n++;
  const file = join(dir, `story-${n}.json`);
  const story = {
    ...DEMO_STORY,
    headline: `Harbour ferry returns after ${n} years ${crypto.randomUUID().slice(0, 6)}`,
    url: `https://news.example.org/ferry/${crypto.randomUUID()}`,
    ...overrides,
  };
  writeFileSync(file, JSON.stringify(story));
  return file;
}

async function run(
  argv: string[],
  env: Record<string, string>,
  options: PostCommandOptions = {},
  state = join(dir, 'posted.json'),
) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => {
    const s = new PassThrough();
    s.on('data', (c: Buffer) => into.push(c.toString('utf8')));
    return s;
  };
  const code = await postCommand(
    [...argv, '--state', state],
    { stdin: new PassThrough(), stdout: sink(out), stderr: sink(err), env },
    { timeoutMs: 1000, checkDelayMs: 0, ...options },
  );
  return { code, stdout: out.join(''), stderr: err.join(''), state };
}

const xPostsWith = (headline: string) => x.state.posts.filter((p) => p.text.startsWith(headline));

describe('storycard post', () => {
  it('posts to every platform with credentials, with the card; a second run posts nothing', async () => {
    const file = storyFile();
    const { headline } = JSON.parse(readFileSync(file, 'utf8')) as { headline: string };
    const first = await run([file], allEnv());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^x: posted https:\/\/x\.com\/i\/web\/status\/\d+$/m);
    expect(first.stdout).toMatch(/^bluesky: posted https:\/\/bsky\.app\/profile\/.+$/m);
    expect(first.stdout).toMatch(/^mastodon: posted http.+$/m);

    const [tweet, ...more] = xPostsWith(headline);
    expect(more).toEqual([]);
    expect(tweet!.mediaIds).toHaveLength(1);
    expect(tweet!.altTexts[0]).toContain(headline);
    // A real rendered card went up, not a placeholder.
    expect(x.state.media[tweet!.mediaIds[0]!]!.totalBytes).toBeGreaterThan(10_000);
    expect(bluesky.state.posts.filter((p) => p.text.startsWith(headline))).toHaveLength(1);
    expect(mastodon.state.statuses.filter((s) => s.text.startsWith(headline))).toHaveLength(1);

    const second = await run([file], allEnv());
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^x: already posted https:\/\/x\.com\/i\/web\/status\/\d+ .*not posting again$/m);
    expect(xPostsWith(headline)).toHaveLength(1);
    expect(bluesky.state.posts.filter((p) => p.text.startsWith(headline))).toHaveLength(1);
    expect(mastodon.state.statuses.filter((s) => s.text.startsWith(headline))).toHaveLength(1);
  });

  it('holds a story whose card would show boxes: nothing posted, the reason named, exit 1', async () => {
    // Cherokee: a script no bundled face covers.
    const file = storyFile({ headline: `Council votes in ᏣᎳᎩ ${crypto.randomUUID().slice(0, 6)}` });
    const before = x.log.length;
    const r = await run([file], xEnv());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^x: not posted: held: the card cannot draw 3 characters .*"Ꮳ" U\+13E3 \(headline\), "Ꮃ" U\+13B3 \(headline\), "Ꭹ" U\+13A9 \(headline\)$/mu,
    );
    expect(x.log.length).toBe(before);
  });

  it('--dry-run prints each text and posts nothing', async () => {
    const file = storyFile();
    const { headline, url } = JSON.parse(readFileSync(file, 'utf8')) as { headline: string; url: string };
    const before = x.log.length;
    const r = await run([file, '--dry-run'], xEnv());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^x: dry run, x card 1200×600, \d+\/280 characters, nothing posted \(posts as \d+\)$/m);
    expect(r.stdout).toContain(headline);
    expect(r.stdout).toContain(url);
    expect(x.log.length).toBe(before);
    // Every platform is shown, configured or not: the unconfigured ones name the settings they lack.
    expect(r.stdout).toMatch(
      /^bluesky: dry run, og card 1200×630, \d+\/300 characters, nothing posted \(not configured: set BLUESKY_IDENTIFIER, BLUESKY_APP_PASSWORD to post here\)$/m,
    );
    const none = await run([file, '--dry-run'], {});
    expect(none.stdout).toMatch(
      /^x: dry run, x card 1200×600, \d+\/280 characters, nothing posted \(not configured: set X_APP_KEY, X_APP_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET to post here\)$/m,
    );
    expect(none.stdout).toMatch(
      /^mastodon: dry run, og card 1200×630, \d+\/500 characters.*set MASTODON_BASE_URL, MASTODON_ACCESS_TOKEN/m,
    );
    expect(none.stdout).toMatch(
      /^telegram: dry run, og card 1200×630, \d+\/1024 characters, nothing posted \(not configured: set TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID to post here\)$/m,
    );
    expect(none.stdout).toMatch(
      /^threads: dry run, og card 1200×630, \d+\/500 characters.*THREADS_ACCESS_TOKEN, PUBLIC_BASE_URL/m,
    );
    expect(none.stdout).toMatch(/^facebook: dry run, og card 1200×630, \d+\/63206 characters.*FACEBOOK_PAGE_TOKEN/m);
    // Threads on a loopback PUBLIC_BASE_URL says why it stays off.
    const local = await run([file, '--dry-run'], {
      THREADS_USER_ID: '1',
      THREADS_ACCESS_TOKEN: 't',
      PUBLIC_BASE_URL: 'http://localhost:8787',
    });
    expect(local.stdout).toMatch(/^threads: .*not configured: set PUBLIC_BASE_URL to a public origin .*loopback/m);
  });

  it('a post whose answer was lost (X accepted, then timed out) is found, not posted again', async () => {
    const file = storyFile();
    const { headline } = JSON.parse(readFileSync(file, 'utf8')) as { headline: string };
    x.fault({ mode: 'timeout-after-accept' });
    const r = await run([file], xEnv());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^x: posted \(confirmed after a lost answer\) https:/m);
    expect(xPostsWith(headline)).toHaveLength(1);
  });

  it('a run that died mid-post (version-1 state file) is found on the account, not posted again', async () => {
    const file = storyFile();
    const story = parseStory(JSON.parse(readFileSync(file, 'utf8')));
    const text = composePost(story, 'x').text;
    // The dying run of the earlier CLI: it wrote its pending entry, X published the post, and the run never recorded
    // the answer. Its state file is read as the outbox's state: the row is looked for before anything is posted.
    const state = join(dir, 'legacy.json');
    const account = (await accountsFor(parseConfig(xEnv()))).x;
    const legacy = { state: 'pending', text, key: crypto.randomUUID(), firstAttemptAt: Date.now() };
    writeFileSync(
      state,
      JSON.stringify({ version: 1, posts: { [`${canonicalUrl(story.url!)} x ${account}`]: legacy } }),
    );
    const earlier = await createXPoster({ ...FAKE_X_CREDENTIALS, httpAgent: plainHttpAgent(), baseUrl: x.url }).post({
      text,
    });
    expect(earlier).toMatchObject({ ok: true });

    const r = await run([file], xEnv(), {}, state);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^x: posted \(by an earlier run, found\) https:/m);
    expect(x.state.posts.filter((p) => p.text === text)).toHaveLength(1);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ version: 2, legacy: {} });
  });

  it('a run killed mid-post (its row left "posting") is looked for first by the next run: one post', async () => {
    const file = storyFile();
    const { headline } = JSON.parse(readFileSync(file, 'utf8')) as { headline: string };
    const state = join(dir, 'killed.json');
    x.fault({ mode: 'hold', on: 'post' });
    // The first run claims the row (saved as "posting" before the post is sent); X holds the post request.
    const first = run([file], xEnv(), { timeoutMs: 20_000 }, state);
    const held = async () => ((await (await fetch(`${x.url}/__held`)).json()) as { held: number }).held;
    while ((await held()) === 0) await new Promise((r) => setTimeout(r, 25)); // the test's timeout bounds it
    const atDeath = readFileSync(state, 'utf8');
    expect((JSON.parse(atDeath) as { outbox: { state: string }[] }).outbox.map((r) => r.state)).toEqual(['posting']);
    // X publishes it; the run is "killed" before it records the answer: its state file is what it was.
    await fetch(`${x.url}/__release`, { method: 'POST' });
    await first;
    writeFileSync(state, atDeath);
    const again = await run([file], xEnv(), {}, state);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^x: posted \(by an earlier run, found\) https:/m);
    expect(xPostsWith(headline)).toHaveLength(1);
  });

  it('401 fails with the reason and exit 1; the next run, with the right secret, posts it once', async () => {
    const file = storyFile();
    const { headline } = JSON.parse(readFileSync(file, 'utf8')) as { headline: string };
    const r = await run([file], { ...xEnv(), X_ACCESS_SECRET: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^x: failed: X answered 401/m);
    expect(xPostsWith(headline)).toEqual([]);
    const fixed = await run([file], xEnv());
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/^x: posted https:/m);
    expect(xPostsWith(headline)).toHaveLength(1);
  });

  it('runs the same state machine as the Worker: its state file holds outbox rows with their lease and attempts', async () => {
    const file = storyFile();
    const r = await run([file], xEnv());
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(r.state, 'utf8')) as {
      version: number;
      outbox: Array<{ platform: string; state: string; attempts: number; leaseToken: string | null; storyId: string }>;
      stories: Array<{ id: string; story: { url: string } }>;
    };
    expect(saved.version).toBe(2);
    const { url } = JSON.parse(readFileSync(file, 'utf8')) as { url: string };
    const entered = saved.stories.find((s) => s.story.url === url)!;
    expect(saved.outbox.filter((o) => o.storyId === entered.id)).toMatchObject([
      { platform: 'x', state: 'posted', attempts: 1, leaseToken: null },
    ]);
  });

  it('bad input exits 2 with one clear line: no file, no url, no credentials', async () => {
    const missing = await run([join(dir, 'nope.json')], xEnv());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read \(ENOENT\)/);
    const noUrl = storyFile({ url: undefined });
    const r = await run([noUrl], xEnv());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('url: expected an absolute http(s) URL');
    const noCreds = await run([storyFile()], {});
    expect(noCreds.code).toBe(2);
    expect(noCreds.stderr).toContain('no platform credentials are set');
  });
});
