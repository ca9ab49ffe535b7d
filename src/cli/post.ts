// `storycard post <story.json> [--dry-run]`: render the card, compose and post to each platform with credentials, once.
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { composePost } from '../bot/compose.ts';
import { accountsFor, CARD_SIZE } from '../bot/outbox.ts';
import { createPosters, enabledPlatforms, missingCredentials, postInputFor } from '../bot/posters.ts';
import { CHECK_DELAY_MS } from '../bot/retry.ts';
import { PLATFORMS, type Platform, type Poster } from '../bot/types.ts';
import { ConfigError, parseConfig } from '../config.ts';
import { isStorycardError } from '../errors.ts';
import { getTemplate, renderCard } from '../render/index.ts';
import { createNodeRuntime } from '../runtime/node.ts';
import { parseStory, type Story } from '../story/schema.ts';
import { canonicalUrl } from '../story/slug.ts';
import { type CliIO, EXIT, fail } from './io.ts';

const USAGE = `usage: storycard post <story.json> [--dry-run] [-t template] [--state FILE]

Posts the story with its card to every platform whose credentials are set in the environment (the Worker's settings:
X_APP_KEY, X_APP_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET, X_API_BASE_URL; BLUESKY_SERVICE, BLUESKY_IDENTIFIER,
BLUESKY_APP_PASSWORD; MASTODON_BASE_URL, MASTODON_ACCESS_TOKEN) and prints one line per platform.
  --dry-run   print the text each platform would get; post nothing, render nothing
  --state     where posts are remembered (default $STORYCARD_POST_STATE or .storycard/posted.json): running the
              command again for the same article URL does not post again; an attempt whose answer was lost is
              looked for on the platform before anything is posted again.`;

/** One remembered post, keyed by canonical article URL, platform and account. */
interface Entry {
  /** pending: an attempt was started and its outcome is unknown; look for the post before posting again. */
  state: 'pending' | 'posted';
  /** The text as first composed: every attempt and check uses exactly it. */
  text: string;
  /** Stable per entry; Mastodon gets it as Idempotency-Key. */
  key: string;
  firstAttemptAt: number;
  platformPostId?: string;
  url?: string;
  postedAt?: string;
}
type State = { version: 1; posts: Record<string, Entry> };

export interface PostCommandOptions {
  /** Per-request timeout of the posters (default 20 s). */
  timeoutMs?: number;
  /** Wait before looking for a post whose answer was lost (default 10 s: a new post can take a moment to show). */
  checkDelayMs?: number;
}

type CardBytes = { bytes: Uint8Array; type: 'image/png' | 'image/jpeg' };

export async function postCommand(argv: string[], io: CliIO, options: PostCommandOptions = {}): Promise<number> {
  const env = io.env ?? {};
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      template: { type: 'string', short: 't' },
      state: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) return fail(io, `post: expected one story file, received ${positionals.length}`);
  const file = positionals[0]!;
  let story: Story;
  let config: ReturnType<typeof parseConfig>;
  try {
    story = parseStory(JSON.parse(await readFile(file, 'utf8')));
    config = parseConfig(env);
    if (values.template) getTemplate(values.template);
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
    // With no platform configured yet, every platform is shown, each saying which settings it lacks (as the
    // Worker's dry-run outbox does); once one is configured, only the configured ones.
    const shown = enabled.length ? enabled : [...PLATFORMS];
    for (const p of shown) {
      const post = composePost(story, p);
      const missing = missingCredentials(config, p);
      const note = missing.length ? ` (not configured: set ${missing.join(', ')} to post here)` : '';
      io.stdout.write(
        `${p}: dry run, ${post.length}/${post.limit} characters, nothing posted${note}\n${post.text}\n\n`,
      );
    }
    return EXIT.ok;
  }
  if (!enabled.length) {
    return fail(
      io,
      'no platform credentials are set: expected X_APP_KEY, X_APP_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET, ' +
        'or BLUESKY_IDENTIFIER and BLUESKY_APP_PASSWORD, or MASTODON_BASE_URL and MASTODON_ACCESS_TOKEN',
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
    const state = await loadState(statePath);
    const accounts = await accountsFor(config);
    const posters = createPosters(config, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
    const runtime = createNodeRuntime();
    const template = getTemplate(values.template);
    const cards = new Map<string, Promise<CardBytes>>();
    const card = (p: Platform) => {
      const size = template.meta.sizes.includes(CARD_SIZE[p]) ? CARD_SIZE[p] : 'og';
      if (!cards.has(size)) {
        cards.set(
          size,
          // auto: PNG, or a JPEG when the PNG would pass the weight budget (Bluesky takes at most 1,000,000 bytes).
          renderCard({ story, template: template.meta.name, size, format: 'auto' }, runtime).then((r) => ({
            bytes: r.image,
            type: r.format === 'png' ? 'image/png' : 'image/jpeg',
          })),
        );
      }
      return cards.get(size)!;
    };
    let ok = true;
    for (const platform of enabled) {
      const key = `${canonicalUrl(story.url!)} ${platform} ${accounts[platform]}`;
      const say = (line: string) => io.stdout.write(`${platform}: ${line}\n`);
      const save = async (entry: Entry | undefined) => {
        if (entry) state.posts[key] = entry;
        else delete state.posts[key];
        await saveState(statePath, state);
      };
      const one = { story, poster: posters[platform]!, card: () => card(platform), delay: options.checkDelayMs };
      ok = (await postOnce(one, state.posts[key], save, say)) && ok;
    }
    return ok ? EXIT.ok : EXIT.failed;
  } finally {
    await lock.close();
    await rm(`${statePath}.lock`, { force: true });
  }
}

interface One {
  story: Story;
  poster: Poster;
  card: () => Promise<CardBytes>;
  delay: number | undefined;
}

/** One platform: skip if posted, look first if an earlier attempt is unaccounted for, else post. True when posted. */
async function postOnce(
  one: One,
  earlier: Entry | undefined,
  save: (e: Entry | undefined) => Promise<void>,
  say: (line: string) => void,
): Promise<boolean> {
  const { story, poster } = one;
  if (earlier?.state === 'posted') {
    say(`already posted ${earlier.url} (${earlier.postedAt}); not posting again`);
    return true;
  }
  const entry: Entry = earlier ?? {
    state: 'pending',
    text: composePost(story, poster.platform).text,
    key: crypto.randomUUID(),
    firstAttemptAt: Date.now(),
  };
  const posted = async (platformPostId: string, url: string, how: string) => {
    await save({ ...entry, state: 'posted', platformPostId, url, postedAt: new Date().toISOString() });
    say(`${how} ${url}`);
    return true;
  };
  if (earlier) {
    // An earlier run started this post and never learned how it ended: look before posting again.
    const found = await poster.findExisting(entry.text, { since: entry.firstAttemptAt });
    if (found.status === 'found') return posted(found.platformPostId, found.url, 'posted (by an earlier run, found)');
    if (found.status === 'unknown') {
      say(`could not check whether an earlier run posted it (${found.failure.message}); not posting; run again`);
      return false;
    }
  }
  const card = await one.card();
  await save(entry); // written before posting: if we die mid-post, the next run checks first
  const result = await poster.post(postInputFor(story, entry.text, card, entry.key));
  if (result.ok) return posted(result.platformPostId, result.url, 'posted');
  if (result.kind === 'ambiguous' || result.kind === 'duplicate') {
    await new Promise((r) => setTimeout(r, one.delay ?? CHECK_DELAY_MS));
    const found = await poster.findExisting(entry.text, { since: entry.firstAttemptAt });
    if (found.status === 'found')
      return posted(found.platformPostId, found.url, 'posted (confirmed after a lost answer)');
    if (found.status === 'absent' && result.kind === 'duplicate') {
      await save(undefined);
      say(`failed: ${result.message}, and no matching recent post was found on the account`);
      return false;
    }
    say(`not confirmed (${result.message}); run again: it looks for the post before posting again`);
    return false;
  }
  // Nothing was published: forget the attempt, so the next run simply posts.
  await save(undefined);
  if (result.kind === 'rate_limited') {
    say(
      `rate limited until ${new Date(result.retryAt ?? Date.now()).toISOString()} (${result.message}); run again then`,
    );
  } else {
    say(`failed${result.kind === 'retryable' ? ' (temporary; run again)' : ''}: ${result.message}`);
  }
  return false;
}

async function takeLock(path: string) {
  try {
    return await open(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  }
}

async function loadState(path: string): Promise<State> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, posts: {} };
    throw e;
  }
  const data = JSON.parse(raw) as State;
  if (data?.version !== 1 || typeof data.posts !== 'object') {
    throw new Error(`${path}: expected a storycard post state file (version 1), received something else`);
  }
  return data;
}

/** Written to a temporary file and renamed: a crash mid-write never leaves half a state file. */
async function saveState(path: string, state: State): Promise<void> {
  await writeFile(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}
