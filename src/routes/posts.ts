// /api/posts: the bot's outbox (Bearer auth): what was or will be posted where, its state, and the editor's
// controls: approve, skip and edit in review mode, retry, and today's posts against each cap.
import { createRoute, z } from '@hono/zod-openapi';
import { shortUrlForDisplay } from '../bot/compose.ts';
import { accountsFor } from '../bot/outbox.ts';
import { UNCONFIGURED } from '../bot/plan.ts';
import { botSends } from '../bot/queue.ts';
import { nextUtcDay } from '../bot/retry.ts';
import { type Slot, slotsOf, WAITING_FOR } from '../bot/schedule.ts';
import { countFor, LIMITS } from '../bot/text-length.ts';
import { PLATFORMS, type Platform } from '../bot/types.ts';
import type { Config } from '../config.ts';
import { notFound, StorycardError } from '../errors.ts';
import { OUTBOX_STATES, type OutboxRow, OutboxStore } from '../storage/outbox.ts';
import { accepts, isDue, refusal, type TransitionName } from '../storage/outbox-machine.ts';
import { StoryStore } from '../storage/stories.ts';
import { hasLoneSurrogate } from '../story/schema.ts';
import { apiRouter, errors, jsonBody, jsonOf } from './api.ts';
import { requireToken } from './auth.ts';
import { pageOf } from './schemas.ts';

export const PostsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
  state: z.enum(OUTBOX_STATES).optional(),
  storyId: z.string().min(1).optional(),
});

export const PostEditSchema = z
  .object({ text: z.string().describe("The post's new text: within the platform's length, carrying the story link.") })
  .describe('PATCH /api/posts/:id (a post waiting for review).')
  .meta({ id: 'PostEdit' });

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const when = (what: string) => z.string().nullable().describe(what);

/** One outbox post as the API shows it: the answer of every /api/posts route, and /openapi.json's `Post`. */
export const PostResponseSchema = z
  .object({
    id: z.string(),
    storyId: z.string(),
    platform: z.string().describe('x | bluesky | mastodon'),
    account: z.string().describe('The account it is (or would be) posted as.'),
    state: z.enum(OUTBOX_STATES),
    text: z.string().describe('The text, frozen once queued (editable while it waits for review).'),
    link: z
      .string()
      .nullable()
      .describe("The link the post carries (the article URL with POST_LINK_QUERY's parameters)."),
    platformPostId: z.string().nullable(),
    url: z.string().nullable().describe('The post on the platform, once posted.'),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: when('queued/failed: not before then; null once settled.'),
    notBefore: when(
      "When a waiting post (queued, failed, or posting after its lease ran out) will go: its slot under the desk's schedule and the daily cap. Null once settled, or while it waits for review.",
    ),
    waitingFor: z
      .enum([...WAITING_FOR, 'review'])
      .nullable()
      .describe(
        "Why it has not gone yet: delay (the editor's window, POST_DELAY_MINUTES), retry (a backoff after a failure), spacing (POST_SPACING_MINUTES behind the account's previous post), cap (the daily cap; the next UTC day), quiet-hours (POST_QUIET_HOURS in POST_TIMEZONE), review (an editor's approval). Null: it goes now, or is settled.",
      ),
    pendingCheck: z
      .boolean()
      .describe('The next attempt looks for the post first (an earlier one may have published it).'),
    postedAt: when('When it was posted.'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Post' });
export type PostResponse = z.output<typeof PostResponseSchema>;

export const PostListSchema = pageOf(PostResponseSchema, 'PostList');

export const PostsTodaySchema = z
  .object({
    day: z.string().describe('The UTC day counted, YYYY-MM-DD.'),
    resetsAt: z.string().describe('The next UTC midnight, when the caps reset.'),
    botMode: z.string(),
    platforms: z.array(
      z.object({
        platform: z.enum(PLATFORMS),
        account: z.string(),
        postedToday: z.number().int(),
        postingNow: z.number().int(),
        cap: z.number().int().describe("The account's daily cap (DAILY_CAPS)."),
        estimatedSpendUsd: z.number().optional().describe("X only: today's posts at X's prices."),
      }),
    ),
    prices: z.object({ xPostUsd: z.number(), xLinkPostUsd: z.number() }),
  })
  .meta({ id: 'PostsToday' });

/** A post as the API shows it; `slot`: when a waiting post goes and why (from slotsFor), else its stored time. */
export function toPostResponse(r: OutboxRow, slot?: Slot): PostResponse {
  const waiting = r.state === 'queued' || r.state === 'failed' || r.state === 'posting';
  return {
    id: r.id,
    storyId: r.storyId,
    platform: r.platform,
    account: r.account,
    state: r.state,
    text: r.text,
    link: r.link,
    platformPostId: r.platformPostId,
    url: r.postUrl,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.state === 'queued' || r.state === 'failed' ? isoOrNull(r.nextAttemptAt) : null,
    notBefore:
      slot && waiting ? isoOrNull(slot.at) : r.state === 'posting' ? null : waiting ? isoOrNull(r.nextAttemptAt) : null,
    waitingFor: r.state === 'review' ? 'review' : slot && waiting ? slot.waitingFor : null,
    pendingCheck: r.needsCheck !== null && r.state !== 'posted',
    postedAt: isoOrNull(r.postedAt),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** A 409 in the table's words (src/storage/outbox-machine.ts): what the action takes, the row's state, and why. */
/**
 * The schedule's slot of every waiting row among `rows` (src/bot/schedule.ts, the rule the outbox applies): one read
 * of each account's activity.
 */
async function slotsFor(store: OutboxStore, rows: readonly OutboxRow[], config: Config): Promise<Map<string, Slot>> {
  const now = Date.now();
  const dayStart = nextUtcDay(now) - 86_400_000;
  const slots = new Map<string, Slot>();
  const accounts = new Map<string, OutboxRow>();
  for (const r of rows) {
    const waits = r.state === 'queued' || r.state === 'failed' || (r.state === 'posting' && isDue(r, now));
    if (waits) accounts.set(`${r.platform} ${r.account}`, r);
  }
  for (const r of accounts.values()) {
    const activity = await store.activity(r.platform, r.account, dayStart, now);
    const cap = (config.dailyCaps as Record<string, number>)[r.platform] ?? 0;
    for (const [id, slot] of slotsOf(activity, { platform: r.platform, cap, schedule: config.schedule, now }))
      slots.set(id, slot);
  }
  return slots;
}

const conflict = (id: string, t: TransitionName, row: OutboxRow) =>
  new StorycardError('conflict', `post ${id}: ${refusal(t, row.state, row.firstAttemptAt !== null)}`);

const textError = (expected: string, received: string) =>
  new StorycardError('invalid_request', `text: expected ${expected}, received ${received}`, {
    issues: [{ path: 'text', expected, received, message: `text: expected ${expected}, received ${received}` }],
  });

/** An editor's text: not blank, no control characters but line breaks, within the platform's count, with the link. */
function checkText(edit: z.output<typeof PostEditSchema>, row: OutboxRow, storyUrl: string | undefined): string {
  const text = edit.text.trim();
  if (!text) throw textError('the text of the post', 'an empty text');
  if (hasLoneSurrogate(text)) throw textError('text without lone surrogates (half a UTF-16 pair)', 'one');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw textError('text without control characters (line breaks are fine)', `${code} at ${control.index}`);
  }
  const platform = row.platform as Platform;
  const limit = LIMITS[platform];
  const length = countFor(platform, text);
  if (length > limit) throw textError(`at most ${limit} characters as ${platform} counts them`, `${length}`);
  // The link is how a check recognises the post later (and what the post is for): it stays.
  const link = row.link ?? storyUrl;
  // Instagram captions carry no link (none is clickable there), so there is none to keep.
  const linkless = platform === 'instagram' || platform === 'instagram-story';
  if (
    link &&
    !linkless &&
    !text.includes(link) &&
    !(platform === 'bluesky' && text.includes(shortUrlForDisplay(link)))
  ) {
    throw textError(`the story link ${link} in the post`, 'a text without it');
  }
  return text;
}

const idParams = z.object({ id: z.string() });
const answer = (description: string) => jsonOf(PostResponseSchema, description);
/** A POST on one post (approve, skip, retry): the post as it now stands, or why not. */
const action = <const Ok extends 200 | 202>(path: string, summary: string, ok: Ok, description: string) =>
  createRoute({
    method: 'post',
    path,
    summary,
    request: { params: idParams },
    responses: {
      ...errors([401, 403, 404, 409]),
      ...({ [ok]: answer(description) } as Record<Ok, ReturnType<typeof answer>>),
    },
  });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/',
    summary: "The bot's outbox: what was or will be posted where, and its state, newest first",
    request: { query: PostsQuerySchema },
    responses: { 200: jsonOf(PostListSchema, 'A page, newest first'), ...errors([400, 401, 403]) },
  }),
  today: createRoute({
    method: 'get',
    path: '/today',
    summary: "Each account's posts since UTC midnight against its daily cap, posts in flight, and X's estimated spend",
    responses: {
      200: jsonOf(PostsTodaySchema, "Today's posts per account"),
      ...errors([401, 403]),
    },
  }),
  read: createRoute({
    method: 'get',
    path: '/{id}',
    summary: 'One outbox post',
    request: { params: idParams },
    responses: { 200: answer('The post'), ...errors([401, 403, 404]) },
  }),
  edit: createRoute({
    method: 'patch',
    path: '/{id}',
    summary:
      "Edit a post waiting for review (BOT_MODE=review): within the platform's length as it counts it, keeping the story link",
    middleware: [jsonBody()],
    request: {
      params: idParams,
      body: { required: true, content: { 'application/json': { schema: PostEditSchema } } },
    },
    responses: { 200: answer('The post with its new text'), ...errors([400, 401, 403, 404, 409, 413, 415]) },
  }),
  approve: action(
    '/{id}/approve',
    'Send a post waiting for review: it is queued now (BOT_MODE review or live)',
    202,
    'Queued (or, for a platform without credentials, recorded as a dry run); the post as it now stands',
  ),
  skip: action(
    '/{id}/skip',
    'Drop a post not yet sent (waiting, queued, failed or dead): it is never sent',
    200,
    'Skipped; the post as it now stands',
  ),
  retry: action(
    '/{id}/retry',
    'Queue a failed or dead post again (BOT_MODE live or review)',
    202,
    'Queued again; the post as it now stands',
  ),
};

export const posts = apiRouter();
posts.use(requireToken);
posts
  .openapi(routes.list, async (c) => {
    const { state, ...rest } = c.req.valid('query');
    const store = new OutboxStore(c.env.DB);
    const page = await store.list({ ...rest, ...(state ? { state: [state] } : {}) });
    const slots = await slotsFor(store, page.items, c.var.config);
    return c.json({ items: page.items.map((r) => toPostResponse(r, slots.get(r.id))), nextCursor: page.nextCursor });
  })
  .openapi(routes.today, async (c) => {
    const config = c.var.config;
    const now = Date.now();
    const dayStart = nextUtcDay(now) - 86_400_000;
    const rows = await new OutboxStore(c.env.DB).today(dayStart, now);
    const accounts = new Map<
      string,
      { platform: Platform; account: string; postedToday: number; postingNow: number; links: number }
    >();
    const slot = (platform: Platform, account: string) => {
      const key = `${platform} ${account}`;
      if (!accounts.has(key)) accounts.set(key, { platform, account, postedToday: 0, postingNow: 0, links: 0 });
      return accounts.get(key)!;
    };
    for (const [platform, account] of Object.entries(await accountsFor(config)) as [Platform, string][])
      slot(platform, account);
    for (const r of rows) {
      if (!(PLATFORMS as readonly string[]).includes(r.platform)) continue;
      const s = slot(r.platform as Platform, r.account);
      if (r.state === 'posting') s.postingNow++;
      else {
        s.postedToday++;
        if (/https?:\/\//.test(r.text)) s.links++;
      }
    }
    const prices = { xPostUsd: config.xPrices.post, xLinkPostUsd: config.xPrices.linkPost };
    const platforms = [...accounts.values()].map(({ links, ...s }) => ({
      ...s,
      cap: config.dailyCaps[s.platform],
      ...(s.platform === 'x'
        ? { estimatedSpendUsd: round(links * prices.xLinkPostUsd + (s.postedToday - links) * prices.xPostUsd) }
        : {}),
    }));
    return c.json({
      day: new Date(dayStart).toISOString().slice(0, 10),
      resetsAt: new Date(nextUtcDay(now)).toISOString(),
      botMode: config.botMode,
      platforms,
      prices,
    });
  })
  .openapi(routes.read, async (c) => {
    const { id } = c.req.valid('param');
    const store = new OutboxStore(c.env.DB);
    const row = await store.get(id);
    if (!row) throw notFound('post', id);
    return c.json(toPostResponse(row, (await slotsFor(store, [row], c.var.config)).get(id)));
  })
  .openapi(routes.edit, async (c) => {
    const { id } = c.req.valid('param');
    const store = new OutboxStore(c.env.DB);
    const row = await store.get(id);
    if (!row) throw notFound('post', id);
    const body = c.req.valid('json');
    if (!accepts('editText', row.state) || row.firstAttemptAt !== null) throw conflict(id, 'editText', row);
    const story = await new StoryStore(c.env.DB).get(row.storyId);
    const edited = await store.editText(id, checkText(body, row, story?.story.url), Date.now());
    if (!edited) throw new StorycardError('conflict', `post ${id} changed state while editing; look again`);
    return c.json(toPostResponse(edited));
  })
  .openapi(routes.approve, async (c) => {
    const { id } = c.req.valid('param');
    const store = new OutboxStore(c.env.DB);
    const row = await store.get(id);
    if (!row) throw notFound('post', id);
    mustSend(c.var.config.botMode, 'approve a post');
    if (!accepts('approve', row.state)) throw conflict(id, 'approve', row);
    // A row for a platform without credentials (review mode being tried) has nothing to send with: approving it
    // records what would have been sent, as dry-run mode does, and queues nothing.
    const dryRun = row.account === UNCONFIGURED;
    const approved = dryRun ? await store.approveAsDryRun(id, Date.now()) : await store.approve(id, Date.now());
    if (!approved) throw new StorycardError('conflict', `post ${id} changed state while approving; look again`);
    if (!dryRun) await c.env.POST_QUEUE.send({ outboxId: id });
    return c.json(toPostResponse(approved), 202);
  })
  .openapi(routes.skip, async (c) => {
    const { id } = c.req.valid('param');
    const store = new OutboxStore(c.env.DB);
    const row = await store.get(id);
    if (!row) throw notFound('post', id);
    if (row.state === 'skipped') return c.json(toPostResponse(row), 200);
    if (!accepts('skip', row.state)) throw conflict(id, 'skip', row);
    const skipped = await store.skip(id, Date.now());
    if (!skipped) throw new StorycardError('conflict', `post ${id} changed state while skipping; look again`);
    return c.json(toPostResponse(skipped), 200);
  })
  .openapi(routes.retry, async (c) => {
    const { id } = c.req.valid('param');
    const store = new OutboxStore(c.env.DB);
    const row = await store.get(id);
    if (!row) throw notFound('post', id);
    mustSend(c.var.config.botMode, 'retry a post');
    if (!accepts('requeue', row.state)) throw conflict(id, 'requeue', row);
    const requeued = await store.requeue(id, Date.now());
    if (!requeued) throw new StorycardError('conflict', `post ${id} changed state while retrying; look again`);
    await c.env.POST_QUEUE.send({ outboxId: id });
    return c.json(toPostResponse(requeued), 202);
  });

function mustSend(mode: string, what: string) {
  if (!botSends({ botMode: mode } as Parameters<typeof botSends>[0])) {
    throw new StorycardError(
      'conflict',
      `BOT_MODE: expected live or review to ${what}, received ${mode}; nothing would be sent`,
    );
  }
}

const round = (usd: number) => Math.round(usd * 1000) / 1000;
