// The one way a story enters (API POST/PUT, feeds, the studio's save, the CLI): the story, its card address and its
// outbox rows are written together, or not at all, and a repeat submission puts back whatever is missing.
import type { BotMode } from '../config.ts';
import { StorycardError } from '../errors.ts';
import type { TemplateRegistry } from '../render/registry.ts';
import type { Theme } from '../render/types.ts';
import { type CardSpec, cardHash } from '../storage/cards.ts';
import type { NewOutboxRow, OutboxRow } from '../storage/outbox.ts';
import type { StoryRecord, StoryWrite } from '../storage/stories.ts';
import { DEMO_STORY, type Story } from '../story/schema.ts';
import { canonicalUrl, makeSlug } from '../story/slug.ts';

export interface StoryInput {
  story: Story & { url: string };
  template?: string | undefined;
  theme?: Partial<Theme> | undefined;
}

/** A stored story as publishing sees it: the record, and what the bot was told when it entered. */
export type Entered = StoryRecord & { botMode: string | null };

/** The outbox rows a story gets now (src/bot/plan.ts): one per enabled platform account, text composed and frozen. */
export type PostPlanner = (story: { id: string; story: Story; cardHash: string }) => Promise<NewOutboxRow[]>;

/** Where stories go: D1 in the Worker (src/publish/d1.ts), a state file for the CLI (src/cli/post-state.ts). */
export interface PublishStore {
  byUrl(url: string): Promise<Entered | null>;
  hasCard(hash: string): Promise<boolean>;
  postsOf(storyId: string): Promise<OutboxRow[]>;
  /**
   * Write everything at once or nothing (one D1 batch is one transaction). `story` is absent when repairing one
   * already stored. Throws SlugTaken or UrlTaken when the new story's slug or article URL is already someone's.
   */
  commit(
    w: {
      story?: { id: string; slug: string; write: StoryWrite; botMode: string };
      card?: { hash: string; spec: CardSpec; storyId: string };
      posts: NewOutboxRow[];
    },
    now: number,
  ): Promise<void>;
  get(id: string): Promise<Entered | null>;
}

export class SlugTaken extends Error {
  override name = 'SlugTaken';
}
export class UrlTaken extends Error {
  override name = 'UrlTaken';
}

export interface PublishOptions {
  botMode: BotMode;
  plan: PostPlanner;
  /** The templates a card address is computed against (its template's version is part of the address). */
  templates: TemplateRegistry;
  now?: number;
}

export interface Published {
  record: StoryRecord;
  created: boolean;
  /** The rows this call wrote, new or put back: the caller enqueues the queued ones. */
  posts: OutboxRow[];
  /** What a repeat submission put back. */
  repaired: Array<'card' | 'posts'>;
}

const DEMO_URL = canonicalUrl(DEMO_STORY.url);

/** The story `npm start` seeds: a demo, never posted by the bot whatever BOT_MODE says. */
export const isDemoStory = (story: { url?: string | undefined }) =>
  story.url !== undefined && canonicalUrl(story.url) === DEMO_URL;

/** What a story's entry tells the bot: BOT_MODE, except that the demo story is entered as if the bot were off. */
const modeFor = (story: StoryInput['story'], botMode: BotMode) => (isDemoStory(story) ? 'off' : botMode);

/**
 * Enter a story, idempotently per canonical article URL. New: story, card address and outbox rows in one write.
 * Known: the stored story stays as it is (`created: false`), and anything missing is put back — its card address,
 * and, if it entered with the bot on (or before that was recorded), the outbox rows the current BOT_MODE calls for.
 */
export async function publishStory(store: PublishStore, input: StoryInput, opts: PublishOptions): Promise<Published> {
  const now = opts.now ?? Date.now();
  const spec: CardSpec = { story: input.story, template: input.template, theme: input.theme };
  const write: StoryWrite = {
    story: input.story,
    template: input.template,
    theme: input.theme,
    cardHash: await cardHash(spec, opts.templates),
  };
  const known = await store.byUrl(input.story.url);
  if (known) return repair(store, known, opts, now);

  const id = crypto.randomUUID();
  const mode = modeFor(input.story, opts.botMode);
  const posts = mode === 'off' ? [] : await opts.plan({ id, story: input.story, cardHash: write.cardHash });
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = makeSlug(input.story.headline);
    try {
      await store.commit(
        { story: { id, slug, write, botMode: mode }, card: { hash: write.cardHash, spec, storyId: id }, posts },
        now,
      );
    } catch (error) {
      if (error instanceof SlugTaken) continue;
      if (error instanceof UrlTaken) {
        // A racing submission of the same article won: this one is a repeat of it.
        const winner = await store.byUrl(input.story.url);
        if (winner) return repair(store, winner, opts, now);
      }
      throw error;
    }
    const record = (await store.get(id))!;
    return { record, created: true, posts: await store.postsOf(id), repaired: [] };
  }
  throw new Error('could not find a free slug after 5 attempts');
}

async function repair(store: PublishStore, known: Entered, opts: PublishOptions, now: number): Promise<Published> {
  const { botMode, ...record } = known;
  const repaired: Published['repaired'] = [];
  const spec: CardSpec = { story: record.story, template: record.template, theme: record.theme };
  const card = (await store.hasCard(record.cardHash)) ? undefined : { hash: record.cardHash, spec, storyId: record.id };
  if (card) repaired.push('card');
  let missing: NewOutboxRow[] = [];
  const mode = botMode === 'off' || isDemoStory(record.story) ? 'off' : opts.botMode;
  if (mode !== 'off') {
    const have = await store.postsOf(record.id);
    const planned = await opts.plan({ id: record.id, story: record.story, cardHash: record.cardHash });
    missing = planned.filter((p) => !have.some((h) => h.platform === p.platform && h.account === p.account));
    if (missing.length) repaired.push('posts');
  }
  if (!card && !missing.length) return { record, created: false, posts: [], repaired };
  await store.commit({ ...(card ? { card } : {}), posts: missing }, now);
  const rows = await store.postsOf(record.id);
  const posts = rows.filter((r) => missing.some((m) => m.platform === r.platform && m.account === r.account));
  return { record, created: false, posts, repaired };
}

/** PUT: the story's new content and its new card address together (old addresses stay registered). Null: no story. */
export async function reviseStory(
  store: PublishStore & {
    update(id: string, write: StoryWrite, card: { hash: string; spec: CardSpec }, now: number): Promise<boolean>;
  },
  id: string,
  input: StoryInput,
  templates: TemplateRegistry,
  now = Date.now(),
): Promise<StoryRecord | null> {
  const spec: CardSpec = { story: input.story, template: input.template, theme: input.theme };
  const hash = await cardHash(spec, templates);
  const write: StoryWrite = { story: input.story, template: input.template, theme: input.theme, cardHash: hash };
  try {
    if (!(await store.update(id, write, { hash, spec }, now))) return null;
  } catch (error) {
    if (error instanceof UrlTaken) {
      throw new StorycardError('conflict', `url: another story already has the article URL ${input.story.url}`);
    }
    throw error;
  }
  const entered = await store.get(id);
  if (!entered) return null;
  const { botMode: _, ...record } = entered;
  return record;
}
