// /api/stories: the newsroom's JSON API (Bearer auth). POST is idempotent per canonical article URL.
import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { postPlanner } from '../bot/plan.ts';
import { enqueuePosts } from '../bot/queue.ts';
import { StorycardError } from '../errors.ts';
import { D1PublishStore } from '../publish/d1.ts';
import { publishStory, reviseStory, type StoryInput } from '../publish/index.ts';
import { checkBudget, listTemplates } from '../render/index.ts';
import { SIZE_NAMES } from '../render/types.ts';
import { cardPath, edgeCache, IMAGE_FORMATS, prerenderCards, sizesOf } from '../storage/cards.ts';
import { purgeSharePage } from '../storage/share-cache.ts';
import type { StoryRecord } from '../storage/stories.ts';
import { toFieldIssues } from '../story/schema.ts';
import { readStoryInput } from './article-input.ts';
import { requireToken } from './auth.ts';
import { readJsonBody } from './body.ts';
import type { AppEnv } from './context.ts';
import { ListQuerySchema, type StoryResponse, StoryWriteSchema } from './schemas.ts';

export function toStoryResponse(r: StoryRecord, baseUrl: string): StoryResponse {
  const cardUrls = Object.fromEntries(sizesOf(r.template).map((s) => [s, `${baseUrl}${cardPath(r.cardHash, s)}`]));
  return {
    id: r.id,
    slug: r.slug,
    shareUrl: `${baseUrl}/s/${r.slug}`,
    cardUrl: `${baseUrl}${cardPath(r.cardHash, 'og')}`,
    cardUrls: cardUrls as StoryResponse['cardUrls'],
    story: r.story,
    template: r.template,
    theme: r.theme,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function invalid(error: z.ZodError, input: unknown): never {
  const issues = toFieldIssues(error, input);
  throw new StorycardError('invalid_story', issues.map((i) => i.message).join('; '), { issues });
}

/** Validate a POST/PUT body into what publishing writes. */
function parseWrite(input: unknown): StoryInput {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const received = Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input;
    const message = `(story): expected a JSON object, received ${received}`;
    throw new StorycardError('invalid_story', message, {
      issues: [{ path: '(story)', expected: 'a JSON object', received, message }],
    });
  }
  const parsed = StoryWriteSchema.safeParse(input);
  if (!parsed.success) invalid(parsed.error, input);
  const { template, theme, ...story } = parsed.data;
  if (!story.url) {
    const message = 'url: expected the absolute http(s) URL of the article (a story is shared by it), received nothing';
    throw new StorycardError('invalid_story', message, {
      issues: [{ path: 'url', expected: 'an absolute http(s) URL', received: 'nothing', message }],
    });
  }
  if (template !== undefined && !listTemplates().some((t) => t.name === template)) {
    const names = listTemplates().map((t) => t.name);
    const message = `template: expected one of ${names.join(', ')}, received ${JSON.stringify(template)}`;
    throw new StorycardError('unknown_template', message, {
      issues: [
        { path: 'template', expected: `one of ${names.join(', ')}`, received: JSON.stringify(template), message },
      ],
    });
  }
  // A story whose card would go over the render budget is refused now (422), not when a crawler asks for its card.
  checkBudget(story, theme?.siteName);
  const themeOrUndefined = theme && Object.keys(theme).length ? theme : undefined;
  return { story: { ...story, url: story.url }, template, theme: themeOrUndefined };
}

export const stories = new Hono<AppEnv>()
  .use(requireToken)
  .post('/', async (c) => {
    // `{article}` / `{html, url}` bodies are extracted first; explicit fields override (src/routes/article-input.ts).
    const input = parseWrite(await readStoryInput(c));
    // Story, card address and outbox rows in one D1 batch; a repeat of a known article puts back what is missing.
    const { record, created, posts } = await publishStory(new D1PublishStore(c.env.DB), input, {
      botMode: c.var.config.botMode,
      plan: postPlanner(c.var.config),
    });
    await enqueuePosts(c.env, posts);
    // Render the og and x cards now, after the response, so the first crawler finds them stored.
    if (created) await background(c, prerenderCards(c.var.cards, record));
    if (created) c.header('Location', `${c.var.baseUrl}/api/stories/${record.id}`);
    return c.json(toStoryResponse(record, c.var.baseUrl), created ? 201 : 200);
  })
  .get('/', async (c) => {
    const query = ListQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      const issues = toFieldIssues(query.error, c.req.query());
      throw new StorycardError('invalid_request', issues.map((i) => i.message).join('; '), { issues });
    }
    const page = await c.var.stories.list(query.data.limit, query.data.cursor);
    return c.json({ items: page.items.map((r) => toStoryResponse(r, c.var.baseUrl)), nextCursor: page.nextCursor });
  })
  .get('/:id', async (c) => {
    const record = await c.var.stories.get(c.req.param('id'));
    if (!record) throw notFound(c.req.param('id'));
    return c.json(toStoryResponse(record, c.var.baseUrl));
  })
  .put('/:id', async (c) => {
    const id = c.req.param('id');
    // The story and its new card address in one batch. The old address stays registered, so cards already fetched
    // by crawlers keep resolving.
    const record = await reviseStory(new D1PublishStore(c.env.DB), id, parseWrite(await readJsonBody(c)));
    if (!record) throw notFound(id);
    // The share page shows the edit at once: forgotten here, and everywhere when the global purge is configured.
    await purgeSharePage(c.env, c.var.config, c.var.baseUrl, record.slug);
    return c.json(toStoryResponse(record, c.var.baseUrl));
  })
  .delete('/:id', async (c) => {
    const id = c.req.param('id');
    const record = await c.var.stories.get(id);
    if (!record) throw notFound(id);
    const hashes = await c.var.cards.deleteForStory(id);
    await c.var.stories.delete(id);
    await purgeSharePage(c.env, c.var.config, c.var.baseUrl, record.slug);
    // This location's edge cache too (other locations age out; nothing links to these addresses any more).
    const cache = edgeCache();
    if (cache) {
      await Promise.all(
        hashes.flatMap((h) =>
          SIZE_NAMES.flatMap((s) =>
            [...IMAGE_FORMATS, 'auto'].map((f) => cache.delete(new Request(`${c.var.baseUrl}/cards/${h}/${s}.${f}`))),
          ),
        ),
      );
    }
    return c.body(null, 204);
  });

/** After the response where the runtime allows it (waitUntil); inline where there is no execution context. */
async function background(c: Context<AppEnv>, work: Promise<unknown>): Promise<void> {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    await work;
  }
}

function notFound(id: string): StorycardError {
  return new StorycardError('not_found', `no story with id ${JSON.stringify(id)}`);
}
