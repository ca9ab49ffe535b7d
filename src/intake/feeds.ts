// Feed polling on the cron trigger: conditional GET of every FEEDS URL, new items become stories, once each.
import { postPlanner } from '../bot/plan.ts';
import { parseConfig } from '../config.ts';
import { D1PublishStore } from '../publish/d1.ts';
import { type Published, publishStory } from '../publish/index.ts';
import { loadGlyphCoverage } from '../render/coverage.ts';
import type { TemplateRegistry } from '../render/registry.ts';
import { fontAssets } from '../runtime/font-assets.ts';
import { fetchPolicyFor } from '../safe-fetch.ts';
import { type FeedStatus, FeedStore, type PollRecord } from '../storage/feeds.ts';
import type { OutboxRow } from '../storage/outbox.ts';
import type { StoryRecord } from '../storage/stories.ts';
import type { Story } from '../story/schema.ts';
import { FeedFetchError, type FetchOptions, fetchFeed } from './feed-fetch.ts';
import { type FeedItem, FeedParseError, parseFeedText } from './feed-parse.ts';
import { itemToStory } from './feed-story.ts';
import { cleanLink, itemKeys } from './feed-url.ts';

/** At most this many stories per feed per poll; the rest wait for the next poll (a feed that dumps its archive). */
export const MAX_NEW_PER_POLL = 20;
/** Items read per document, from the top (feeds list newest first): a 5 MB archive feed costs no more than this. */
export const MAX_ITEMS_PER_FEED = 500;
/** Feeds fetched at once (Workers allow six open connections per invocation). */
const CONCURRENCY = 4;

export interface FeedDeps extends FetchOptions {
  /**
   * Called once for each story a feed creates, with the outbox rows publishing wrote for it in the same batch:
   * src/index.ts enqueues them.
   */
  onStoryCreated(record: StoryRecord, posts: OutboxRow[]): Promise<void>;
  /** Rows a repeat of a known story put back (its posts had gone missing): src/index.ts enqueues them too. */
  onPostsRepaired?(posts: OutboxRow[]): Promise<void>;
  maxNewPerPoll?: number;
  /** The card templates a new story's card address is computed against. */
  templates: TemplateRegistry;
}

export interface FeedPollResult {
  url: string;
  status: FeedStatus;
  httpStatus: number | null;
  /** Items seen for the first time (on a feed's first poll: everything it showed, none made stories). */
  newItems: number;
  newStories: number;
  error?: string;
}

export interface PlannedItem {
  item: FeedItem;
  keys: string[];
}

/**
 * Split a feed's items into new ones (no key known) and keys to remember for items already seen under another key
 * (the link changed but not the GUID, or the other way round). Items repeated within one document count once.
 * New items come oldest first, so stories are created (and posted) in the order they were published.
 */
export function planItems(items: FeedItem[], known: Set<string>, feedUrl: string) {
  const fresh: PlannedItem[] = [];
  const extraKeys: string[] = [];
  const inDoc = new Set<string>();
  for (const item of items) {
    const keys = itemKeys({ guid: item.guid, link: cleanLink(item.link, feedUrl) });
    if (!keys.length || keys.some((k) => inDoc.has(k))) continue;
    for (const k of keys) inDoc.add(k);
    if (keys.some((k) => known.has(k))) extraKeys.push(...keys.filter((k) => !known.has(k)));
    else fresh.push({ item, keys });
  }
  // Feeds list newest first; dates decide when every new item has one.
  fresh.reverse();
  if (fresh.every((f) => f.item.publishedAt)) {
    fresh.sort((a, b) => Date.parse(a.item.publishedAt!) - Date.parse(b.item.publishedAt!));
  }
  return { fresh, extraKeys };
}

interface Ctx {
  feeds: FeedStore;
  saveStory(story: Story): Promise<Published>;
  deps: FeedDeps;
  now: number;
}

async function pollFeed(url: string, ctx: Ctx): Promise<FeedPollResult> {
  const { feeds, deps } = ctx;
  const at = new Date(ctx.now).toISOString();
  const state = await feeds.get(url);
  const counts = { newItems: 0, newStories: 0 };
  let httpStatus: number | null = null;
  const finish = async (status: FeedStatus, record: Partial<PollRecord> = {}, error?: string) => {
    await feeds.recordPoll(url, { at, status, httpStatus, error: error ?? null, ...counts, ...record });
    return { url, status, httpStatus, ...counts, ...(error ? { error } : {}) };
  };
  try {
    const fetched = await fetchFeed(url, { etag: state?.etag, lastModified: state?.lastModified }, deps);
    httpStatus = fetched.status;
    if (fetched.kind === 'not_modified') return await finish('not_modified');
    const parsed = parseFeedText(fetched.body);
    const doc = { ...parsed, items: parsed.items.slice(0, MAX_ITEMS_PER_FEED) };
    const docInfo = { title: doc.title ?? null, format: doc.format };
    const validators = { etag: fetched.etag ?? null, lastModified: fetched.lastModified ?? null };
    const planned = doc.items.map((item) => itemKeys({ guid: item.guid, link: cleanLink(item.link, url) }));
    const known = await feeds.knownKeys(url, planned.flat());
    const { fresh, extraKeys } = planItems(doc.items, known, url);
    await feeds.recordKeys(url, extraKeys, null, at);

    // First poll: what the feed already shows is the past, not news. Remember it; make nothing.
    if (!state?.primedAt) {
      await feeds.recordKeys(
        url,
        fresh.flatMap((f) => f.keys),
        null,
        at,
      );
      counts.newItems = fresh.length;
      return await finish('ok', { ...docInfo, validators, primed: true });
    }

    const max = deps.maxNewPerPoll ?? MAX_NEW_PER_POLL;
    for (const { item, keys } of fresh.slice(0, max)) {
      const story = itemToStory(item, doc, url);
      // Keys are written after the story: a poll that dies in between finds the story by URL next time.
      const saved = story ? await ctx.saveStory(story) : null;
      await feeds.recordKeys(url, keys, saved?.record.id ?? null, at);
      counts.newItems++;
      if (saved?.created) {
        counts.newStories++;
        await deps.onStoryCreated(saved.record, saved.posts);
      } else if (saved?.posts.length) {
        await deps.onPostsRepaired?.(saved.posts);
      }
    }
    // Items left for the next poll: forget the validators, or a 304 would hide them.
    const complete = fresh.length <= max;
    return await finish('ok', {
      ...docInfo,
      validators: complete ? validators : { etag: null, lastModified: null },
    });
  } catch (error) {
    if (!(error instanceof FeedFetchError || error instanceof FeedParseError)) {
      console.error(`feed ${url}: poll failed:`, error);
    }
    if (error instanceof FeedFetchError) httpStatus = error.status;
    return finish('error', {}, (error as Error).message.slice(0, 500));
  }
}

/** Run `fn` over `items`, at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Poll every feed in FEEDS once. Never throws for a feed's sake: each feed's failure (timeout, HTTP error,
 * malformed document, even a D1 error while recording it) is its own result, and the other feeds go on.
 */
export async function pollFeeds(env: Env, now: number, deps: FeedDeps): Promise<FeedPollResult[]> {
  const config = parseConfig(env as unknown as Record<string, unknown>);
  if (!config.feeds.length) return [];
  // Each item enters like a POSTed story: story, card address and outbox rows in one D1 batch (src/publish/).
  // Polling never renders: the Worker entry pre-renders new stories.
  const store = new D1PublishStore(env.DB);
  const ctx: Ctx = {
    feeds: new FeedStore(env.DB),
    // Feed URLs (and where they redirect) are checked like any URL handed to us: FEEDS is a setting, but a feed
    // host can redirect anywhere.
    deps: { ...deps, policy: deps.policy ?? fetchPolicyFor(config) },
    now,
    saveStory: (story) =>
      publishStory(
        store,
        { story: { ...story, url: story.url! } },
        {
          botMode: config.botMode,
          plan: postPlanner(config, () => loadGlyphCoverage(fontAssets(env.ASSETS))),
          templates: deps.templates,
        },
      ),
  };
  return pool(config.feeds, CONCURRENCY, (url) =>
    pollFeed(url, ctx).catch((error: unknown): FeedPollResult => {
      console.error(`feed ${url}: could not record the poll:`, error);
      return { url, status: 'error', httpStatus: null, newItems: 0, newStories: 0, error: String(error) };
    }),
  );
}
