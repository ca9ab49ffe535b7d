// `storycard post <story.json> [--dry-run]`: post the story with its card to each platform with credentials, once,
// through the Worker's own outbox state machine (src/bot/outbox.ts) over a state file instead of D1.
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { accountsFor, enabledPlatforms, missingCredentials } from '../bot/accounts.ts';
import { composePost } from '../bot/compose.ts';
import { CARD_SIZE, drawnCardSize, type OutboxDeps } from '../bot/outbox.ts';
import { postPlanner } from '../bot/plan.ts';
import { CHECK_DELAY_MS } from '../bot/retry.ts';
import { PLATFORMS, type Platform } from '../bot/types.ts';
import { SIZES } from '../card-terms.ts';
import { type Config, ConfigError, parseConfig } from '../config.ts';
import { isStorycardError } from '../errors.ts';
import { publishStory } from '../publish/index.ts';
import { type MemoryState, MemoryStore } from '../publish/memory.ts';
import type { OutboxRow } from '../storage/outbox.ts';
import { parseStory, type Story } from '../story/schema.ts';
import { canonicalUrl } from '../story/slug.ts';
import { POST } from './commands.ts';
import { type CliIO, EXIT, fail } from './io.ts';
import { commandHelp, parseCommand } from './options.ts';
import { loadTemplates } from './templates-source.ts';

/** The state file: the outbox's stories and rows (version 2), and version-1 entries not yet matched to a story. */
type StateFile = MemoryState & { legacy?: Record<string, LegacyEntry> };
/** Version 1 (before the CLI ran the outbox core): one entry per canonical article URL, platform and account. */
interface LegacyEntry {
  state: 'pending' | 'posted';
  text: string;
  firstAttemptAt: number;
  platformPostId?: string;
  url?: string;
  postedAt?: string;
}

export interface PostCommandOptions {
  /** Per-request timeout of the posters (default 20 s). */
  timeoutMs?: number;
  /** Wait before looking for a post whose answer was lost (default 10 s: a new post can take a moment to show). */
  checkDelayMs?: number;
  /** The longest wait (a retry, a check, a rate limit) the command sits out before saying "run again" (60 s). */
  maxWaitMs?: number;
}

type CardBytes = { bytes: Uint8Array; type: 'image/png' | 'image/jpeg'; complete: boolean };

export async function postCommand(argv: string[], io: CliIO, options: PostCommandOptions = {}): Promise<number> {
  const env = io.env ?? {};
  const { values, positionals } = parseCommand(POST, argv);
  if (values.help) {
    io.stdout.write(`${commandHelp(POST)}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) return fail(io, `post: expected one story file, received ${positionals.length}`);
  const file = positionals[0]!;
  let story: Story;
  let config: ReturnType<typeof parseConfig>;
  try {
    story = parseStory(JSON.parse(await readFile(file, 'utf8')));
    config = parseConfig(env);
    if (values.template) (await loadTemplates()).get(values.template);
    for (const p of PLATFORMS) composePost(story, p); // a story without url fails here, naming the field
  } catch (e) {
    if (isStorycardError(e)) return fail(io, `${file}: ${e.message}`);
    if (e instanceof ConfigError) return fail(io, e.message);
    if (e instanceof SyntaxError) return fail(io, `${file}: not valid JSON (${e.message})`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return fail(io, `${file}: cannot read (${code})`);
    throw e;
  }
  const enabled = enabledPlatforms(config);

  if (values['dry-run']) {
    // Every platform, configured or not: the exact text, which card it carries, and the account it would post as or
    // the settings it lacks.
    const accounts = await accountsFor(config);
    for (const p of PLATFORMS) {
      const post = composePost(story, p, {
        linkQuery: config.postLinkQuery,
        instagramLinkText: config.instagram.linkText,
      });
      const missing = missingCredentials(config, p);
      const size = CARD_SIZE[p];
      const card = `${size} card ${SIZES[size].width}×${SIZES[size].height}`;
      const note = missing.length
        ? `not configured: set ${missing.join(', ')} to post here`
        : `posts as ${accounts[p]}`;
      io.stdout.write(
        `${p}: dry run, ${card}, ${post.length}/${post.limit} characters, nothing posted (${note})\n${post.text}\n\n`,
      );
    }
    return EXIT.ok;
  }
  if (!enabled.length) {
    return fail(
      io,
      'no platform credentials are set: expected X_APP_KEY, X_APP_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET, ' +
        'or BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD, or MASTODON_BASE_URL and MASTODON_ACCESS_TOKEN, ' +
        'or TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID, or THREADS_USER_ID and THREADS_ACCESS_TOKEN, ' +
        'or FACEBOOK_PAGE_ID and FACEBOOK_PAGE_TOKEN (`--dry-run` shows what each lacks)',
    );
  }

  const statePath = resolve(values.state ?? env.STORYCARD_POST_STATE ?? '.storycard/posted.json');
  await mkdir(dirname(statePath), { recursive: true });
  const lock = await takeLock(`${statePath}.lock`);
  if (!lock) {
    return fail(
      io,
      `${statePath}.lock exists: another storycard post is running (remove the file if none is)`,
      EXIT.failed,
    );
  }
  try {
    const file = await loadState(statePath);
    const store = new MemoryStore(file, (st) => saveState(statePath, st));
    // The story enters through the same publish path as the Worker's, as if BOT_MODE were live.
    const live: Config = { ...config, botMode: 'live' };
    const input = { story: { ...story, url: story.url! }, template: values.template };
    // Coverage from fonts/ on disk: a story whose card would show boxes is held (its rows wait for an editor).
    const glyphs = async () => {
      const [{ loadGlyphCoverage }, { createNodeRuntime }] = await Promise.all([
        import('../render/coverage.ts'),
        import('../runtime/node.ts'),
      ]);
      const runtime = createNodeRuntime();
      return loadGlyphCoverage((f) => runtime.loadFont(f));
    };
    const { record } = await publishStory(store.publish, input, {
      botMode: 'live',
      plan: postPlanner(live, glyphs),
      templates: await loadTemplates(),
    });
    await adoptLegacy(file, store, record.id, story.url!);
    const accounts = await accountsFor(config);
    const rows = (await store.publish.postsOf(record.id)).filter((r) => accounts[r.platform as Platform] === r.account);
    // The lock keeps runs apart, so a row still "posting" was left by a run that died: its lease is over now, and
    // the claim marks it to be looked for before it is posted again.
    for (const r of file.outbox) if (r.storyId === record.id && r.state === 'posting') r.leaseUntil = 0;
    const deps = await cliDeps(store, config, options);
    let ok = true;
    for (const row of rows) ok = (await postOne(row, store, deps, io, options.maxWaitMs ?? 60_000)) && ok;
    return ok ? EXIT.ok : EXIT.failed;
  } finally {
    await lock.close();
    await rm(`${statePath}.lock`, { force: true });
  }
}

/**
 * The outbox core's dependencies, for the CLI: the state file, posters, and cards rendered with the Node runtime.
 * The SDKs, the renderer and its wasm are imported here, not at the top: `--dry-run` needs none of them.
 */
async function cliDeps(store: MemoryStore, config: Config, options: PostCommandOptions): Promise<OutboxDeps> {
  const [{ createPosters }, { renderCard }, { createNodeRuntime }, { plainHttpAgent }, templates] = await Promise.all([
    import('../bot/posters.ts'),
    import('../render/index.ts'),
    import('../runtime/node.ts'),
    import('../runtime/http-agent.ts'),
    loadTemplates(),
  ]);
  const posters = createPosters(config, {
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    httpAgent: plainHttpAgent(),
  });
  const runtime = createNodeRuntime();
  const cards = new Map<string, Promise<CardBytes>>();
  return {
    store: store.outbox,
    posters,
    caps: config.dailyCaps,
    // The desk's schedule holds here too: a wait past --max-wait is reported with its reason ("run again then").
    schedule: config.schedule,
    loadStory: async (id) => (await store.publish.get(id))?.story ?? null,
    async loadCard(hash, size) {
      const record = store.state.stories.find((s) => s.cardHash === hash);
      if (!record) return null;
      const meta = templates.get(record.template).meta;
      const drawn = drawnCardSize(size, meta.sizes);
      const key = `${hash}/${drawn}`;
      if (!cards.has(key)) {
        // auto: PNG, or a JPEG when the PNG would pass the weight budget (Bluesky takes at most 1,000,000 bytes).
        const req = {
          story: record.story,
          template: meta.name,
          size: drawn,
          theme: record.theme,
          format: 'auto' as const,
        };
        cards.set(
          key,
          renderCard(req, runtime, templates).then((r): CardBytes => {
            // Drawn without its image: the next attempt draws it again (the photo host may be back).
            if (!r.complete) cards.delete(key);
            return { bytes: r.image, type: r.format === 'png' ? 'image/png' : 'image/jpeg', complete: r.complete };
          }),
        );
      }
      return cards.get(key)!;
    },
    now: Date.now,
    policy: { checkDelayMs: options.checkDelayMs ?? CHECK_DELAY_MS },
  };
}

/**
 * One platform: already posted → say so; otherwise run the outbox core until the row settles, sitting out short
 * waits (a check a few seconds after a lost answer) and reporting long ones. A failed post is tried again: running
 * the command again is the CLI's retry. True when the post exists.
 */
async function postOne(row: OutboxRow, store: MemoryStore, deps: OutboxDeps, io: CliIO, maxWaitMs: number) {
  const say = (line: string) => io.stdout.write(`${row.platform}: ${line}\n`);
  const current = (await store.outbox.get(row.id))!;
  if (current.state === 'posted') {
    say(`already posted ${current.postUrl} (${new Date(current.postedAt!).toISOString()}); not posting again`);
    return true;
  }
  if (current.state === 'review') {
    say(`not posted: ${current.lastError ?? 'waiting for an editor to approve it'}`);
    return false;
  }
  if (current.state === 'failed' || current.state === 'dead') await store.outbox.requeue(row.id, Date.now());
  const earlierRun = current.needsCheck !== null || current.state === 'posting';
  for (;;) {
    const o = await (await import('../bot/outbox.ts')).processRow(row.id, deps);
    if (o.kind === 'posted') {
      const found = earlierRun ? 'posted (by an earlier run, found)' : 'posted (confirmed after a lost answer)';
      say(`${o.found ? found : 'posted'} ${o.url}`);
      return true;
    }
    if (o.kind === 'dead') {
      say(`failed: ${o.reason}`);
      return false;
    }
    if (o.kind === 'held') {
      say(`held for an editor: ${o.reason}`);
      return false;
    }
    if (o.kind === 'skip') {
      say(`not posted: ${o.reason}`);
      return false;
    }
    const wait = o.at - Date.now();
    if (wait > maxWaitMs) {
      say(`waiting until ${new Date(o.at).toISOString()} (${o.reason}); run again then`);
      return false;
    }
    await new Promise((r) => setTimeout(r, Math.max(0, wait)));
  }
}

/** Version-1 entries for this story's rows become their state: the frozen text, posted or looked for first. */
async function adoptLegacy(file: StateFile, store: MemoryStore, storyId: string, url: string) {
  if (!file.legacy) return;
  let changed = false;
  for (const row of file.outbox.filter((r) => r.storyId === storyId)) {
    const key = `${canonicalUrl(url)} ${row.platform} ${row.account}`;
    const entry = file.legacy[key];
    if (!entry || row.attempts > 0 || row.state !== 'queued') continue;
    // Rows of version 1 were posted without record keys or links: looked for by text (link: null says so).
    Object.assign(row, { text: entry.text, firstAttemptAt: entry.firstAttemptAt, link: null });
    if (entry.state === 'posted') {
      const postedAt = entry.postedAt ? Date.parse(entry.postedAt) : entry.firstAttemptAt;
      Object.assign(row, {
        state: 'posted',
        platformPostId: entry.platformPostId ?? null,
        postUrl: entry.url ?? null,
        postedAt,
        nextAttemptAt: null,
      });
    } else {
      Object.assign(row, { state: 'failed', needsCheck: 'ambiguous', attempts: 1, nextAttemptAt: 0 });
    }
    delete file.legacy[key];
    changed = true;
  }
  if (changed) await store.publish.commit({ posts: [] }, Date.now());
}

async function takeLock(path: string) {
  try {
    return await open(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  }
}

async function loadState(path: string): Promise<StateFile> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 2, stories: [], outbox: [] };
    throw e;
  }
  const data = JSON.parse(raw) as Omit<Partial<StateFile>, 'version'> & {
    version?: number;
    posts?: Record<string, LegacyEntry>;
  };
  if (data?.version === 1 && data.posts && typeof data.posts === 'object') {
    return { version: 2, stories: [], outbox: [], legacy: data.posts };
  }
  if (data?.version !== 2 || !Array.isArray(data.stories) || !Array.isArray(data.outbox)) {
    throw new Error(`${path}: expected a storycard post state file (version 2), received something else`);
  }
  return data as StateFile;
}

/** Written to a temporary file and renamed: a crash mid-write never leaves half a state file. */
async function saveState(path: string, state: MemoryState): Promise<void> {
  await writeFile(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}
