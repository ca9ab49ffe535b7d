// /api/posts: the bot's outbox (Bearer auth): what was or will be posted where, its state, and a retry button.
import { Hono } from 'hono';
import { z } from 'zod';
import { StorycardError } from '../errors.ts';
import { OUTBOX_STATES, type OutboxRow, OutboxStore } from '../storage/outbox.ts';
import { toFieldIssues } from '../story/schema.ts';
import { requireToken } from './auth.ts';
import type { AppEnv } from './context.ts';

export const PostsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
  state: z.enum(OUTBOX_STATES).optional(),
  storyId: z.string().min(1).optional(),
});

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toPostResponse(r: OutboxRow) {
  return {
    id: r.id,
    storyId: r.storyId,
    platform: r.platform,
    account: r.account,
    /** queued | posting | posted | failed | dead | dry-run */
    state: r.state,
    text: r.text,
    platformPostId: r.platformPostId,
    url: r.postUrl,
    attempts: r.attempts,
    lastError: r.lastError,
    /** queued/failed: not before then; null once settled. */
    nextAttemptAt: r.state === 'queued' || r.state === 'failed' ? isoOrNull(r.nextAttemptAt) : null,
    /** The next attempt looks for the post first (an earlier attempt may have published it). */
    pendingCheck: r.needsCheck !== null && r.state !== 'posted',
    postedAt: isoOrNull(r.postedAt),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export const posts = new Hono<AppEnv>()
  .use(requireToken)
  .get('/', async (c) => {
    const query = PostsQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      const issues = toFieldIssues(query.error, c.req.query());
      throw new StorycardError('invalid_request', issues.map((i) => i.message).join('; '), { issues });
    }
    const { state, ...rest } = query.data;
    const page = await new OutboxStore(c.env.DB).list({ ...rest, ...(state ? { state: [state] } : {}) });
    return c.json({ items: page.items.map(toPostResponse), nextCursor: page.nextCursor });
  })
  .get('/:id', async (c) => {
    const row = await new OutboxStore(c.env.DB).get(c.req.param('id'));
    if (!row) throw notFound(c.req.param('id'));
    return c.json(toPostResponse(row));
  })
  .post('/:id/retry', async (c) => {
    const id = c.req.param('id');
    const store = new OutboxStore(c.env.DB);
    const row = await store.get(id);
    if (!row) throw notFound(id);
    if (c.var.config.botMode !== 'live') {
      throw new StorycardError(
        'conflict',
        `BOT_MODE: expected live to retry a post, received ${c.var.config.botMode}; nothing would be sent`,
      );
    }
    if (row.state === 'posted' || row.state === 'posting' || row.state === 'dry-run') {
      const why = {
        posted: 'it is already posted',
        posting: 'an attempt is in progress',
        'dry-run': 'it is a dry-run record',
      };
      throw new StorycardError(
        'conflict',
        `post ${id}: expected a failed, dead or queued post, received ${row.state} (${why[row.state]})`,
      );
    }
    const requeued = await store.requeue(id, Date.now());
    if (!requeued) throw new StorycardError('conflict', `post ${id} changed state while retrying; look again`);
    await c.env.POST_QUEUE.send({ outboxId: id });
    return c.json(toPostResponse(requeued), 202);
  });

function notFound(id: string): StorycardError {
  return new StorycardError('not_found', `no post with id ${JSON.stringify(id)}`);
}
