// /api/stories: the newsroom's JSON API (Bearer auth). POST is idempotent per canonical article URL.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { postPlanner } from '../bot/plan.ts';
import { enqueuePosts } from '../bot/queue.ts';
import { notFound, StorycardError } from '../errors.ts';
import { D1PublishStore } from '../publish/d1.ts';
import { publishStory, reviseStory, type StoryInput } from '../publish/index.ts';
import { checkBudget, storyMissingGlyphs, type TemplateRegistry } from '../render/index.ts';
import { SIZE_NAMES } from '../render/types.ts';
import { cardPath, edgeCache, IMAGE_FORMATS, prerenderCards } from '../storage/cards.ts';
import { purgeSharePage } from '../storage/share-cache.ts';
import type { StoryRecord } from '../storage/stories.ts';
import { toFieldIssues } from '../story/schema.ts';
import { sharePath } from '../story/slug.ts';
import { apiRouter, errors, type HookResult, invalidInput, jsonBody, jsonOf } from './api.ts';
import { readStoryInput, StoryArticleWriteSchema } from './article-input.ts';
import { requireToken } from './auth.ts';
import { type AppEnv, afterResponse } from './context.ts';
import {
  ListQuerySchema,
  StoryListSchema,
  type StoryResponse,
  type StoryWarningSchema,
  StoryWriteSchema,
  StoryWrittenSchema,
} from './schemas.ts';

export function toStoryResponse(r: StoryRecord, baseUrl: string, templates: TemplateRegistry): StoryResponse {
  const sizes = templates.sizesOf(r.template);
  const cardUrls = Object.fromEntries(sizes.map((s) => [s, `${baseUrl}${cardPath(r.cardHash, s)}`]));
  return {
    id: r.id,
    slug: r.slug,
    shareUrl: `${baseUrl}${sharePath(r.slug)}`,
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

/** A body that is JSON but not an object: said as such, not as a list of missing fields. */
function mustBeObject(input: unknown): void {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const received = Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input;
    const message = `(story): expected a JSON object, received ${received}`;
    throw new StorycardError('invalid_story', message, {
      issues: [{ path: '(story)', expected: 'a JSON object', received, message }],
    });
  }
}

/** Validate a POST body (read by hand: it may be an article to extract first) into what publishing writes. */
function parseWrite(input: unknown, templates: TemplateRegistry): StoryInput {
  mustBeObject(input);
  const parsed = StoryWriteSchema.safeParse(input);
  if (!parsed.success) invalid(parsed.error, input);
  return checkWrite(parsed.data, templates);
}

/** What the schema cannot say: url required to write, a known template, within the render budget. */
function checkWrite(data: z.output<typeof StoryWriteSchema>, templates: TemplateRegistry): StoryInput {
  const { template, theme, ...story } = data;
  if (!story.url) {
    const message = 'url: expected the absolute http(s) URL of the article (a story is shared by it), received nothing';
    throw new StorycardError('invalid_story', message, {
      issues: [{ path: 'url', expected: 'an absolute http(s) URL', received: 'nothing', message }],
    });
  }
  if (template !== undefined) templates.get(template); // 400 unknown_template naming the known ones
  // A story whose card would go over the render budget is refused now (422), not when a crawler asks for its card.
  checkBudget(story, theme?.siteName);
  const themeOrUndefined = theme && Object.keys(theme).length ? theme : undefined;
  return { story: { ...story, url: story.url }, template, theme: themeOrUndefined };
}

const idParams = z.object({ id: z.string() });
const writtenAnswer = (description: string) => jsonOf(StoryWrittenSchema, description);

/** What the story's card cannot draw, from the fonts' coverage (no render): one warning per character. */
async function warningsFor(c: Context<AppEnv>, r: StoryRecord): Promise<z.output<typeof StoryWarningSchema>[]> {
  const story = { ...r.story, siteName: r.story.siteName ?? r.theme?.siteName };
  return storyMissingGlyphs(story, await c.var.glyphs()).map((m) => ({
    code: 'missing_glyph' as const,
    ...m,
    message: `${m.field}: no bundled font can draw "${m.char}" (${m.codePoint}); the card shows a box for it`,
  }));
}

/** A PUT body's validation failure: the same `invalid_story` answers POST gives, every field named. */
const storyHook = (result: HookResult): undefined => {
  if (result.success) return;
  if (result.target !== 'json') throw invalidInput('invalid_request', result.error, result.data);
  mustBeObject(result.data);
  invalid(result.error, result.data);
};

const create = createRoute({
  method: 'post',
  path: '/',
  summary: 'Create a story (or get the one already stored for the same article URL)',
  description:
    'Idempotent per canonical article URL (fragment and utm_*/fbclid/gclid parameters ignored): a second POST of one URL answers 200 with the stored story and changes nothing; use PUT to change it.',
  request: {
    // Documented here, read and validated by the handler with these same schemas: the body may be an article
    // (up to 2 MB) that is extracted first, so it cannot go through one JSON validator.
    body: {
      required: true,
      description:
        'A story, or an article (`article` text or `html`) to extract it from; explicit fields override extraction.',
      content: {
        'application/json': {
          schema: {
            oneOf: [{ $ref: '#/components/schemas/StoryWrite' }, { $ref: '#/components/schemas/StoryArticleWrite' }],
          },
        },
      },
    },
  },
  responses: {
    201: writtenAnswer('Created'),
    200: writtenAnswer('Already stored for this URL'),
    ...errors([400, 401, 403, 413, 415, 422]),
  },
});

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'List stories, newest first',
  request: { query: ListQuerySchema },
  responses: { 200: jsonOf(StoryListSchema, 'A page'), ...errors([400, 401, 403]) },
});

const read = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Get a story',
  request: { params: idParams },
  responses: { 200: writtenAnswer('The story'), ...errors([401, 403, 404]) },
});

const replace = createRoute({
  method: 'put',
  path: '/{id}',
  summary: 'Replace a story (idempotent); its card address changes with its content, its slug stays',
  // Read our way first (415, 413 by header and by bytes, invalid_json), then validated by the schema below.
  middleware: [jsonBody()],

  request: {
    params: idParams,
    body: { required: true, content: { 'application/json': { schema: StoryWriteSchema } } },
  },
  responses: { 200: writtenAnswer('Replaced'), ...errors([400, 401, 403, 404, 409, 413, 415, 422]) },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  summary: 'Delete a story and its cards',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' }, ...errors([401, 403, 404]) },
});

// Bodies that fail the schema are `invalid_story`, as POST says them; queries and ids `invalid_request`.
export const stories = apiRouter(storyHook);
// Registered beside the routes so /openapi.json names them, as the handlers' and validators' schemas.
stories.openAPIRegistry.register('StoryArticleWrite', StoryArticleWriteSchema);
stories.openAPIRegistry.register('StoryWrite', StoryWriteSchema);
stories.use(requireToken);
stories
  .openapi(create, async (c) => {
    // `{article}` / `{html, url}` bodies are extracted first; explicit fields override (src/routes/article-input.ts).
    const input = parseWrite(await readStoryInput(c), c.var.templates);
    // Story, card address and outbox rows in one D1 batch; a repeat of a known article puts back what is missing.
    const { record, created, posts } = await publishStory(new D1PublishStore(c.env.DB), input, {
      botMode: c.var.config.botMode,
      plan: postPlanner(c.var.config, c.var.glyphs),
      templates: c.var.templates,
    });
    await enqueuePosts(c.env, posts);
    // Render the og and x cards now, after the response, so the first crawler finds them stored.
    if (created) await afterResponse(c, prerenderCards(c.var.cards, record));
    if (created) c.header('Location', `${c.var.baseUrl}/api/stories/${record.id}`);
    const warnings = await warningsFor(c, record);
    return c.json({ ...toStoryResponse(record, c.var.baseUrl, c.var.templates), warnings }, created ? 201 : 200);
  })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const page = await c.var.stories.list(query.limit, query.cursor);
    return c.json(
      { items: page.items.map((r) => toStoryResponse(r, c.var.baseUrl, c.var.templates)), nextCursor: page.nextCursor },
      200,
    );
  })
  .openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    const record = await c.var.stories.get(id);
    if (!record) throw notFound('story', id);
    return c.json(
      { ...toStoryResponse(record, c.var.baseUrl, c.var.templates), warnings: await warningsFor(c, record) },
      200,
    );
  })
  .openapi(replace, async (c) => {
    const { id } = c.req.valid('param');
    // The story and its new card address in one batch. The old address stays registered, so cards already
    // fetched by crawlers keep resolving.
    const input = checkWrite(c.req.valid('json'), c.var.templates);
    const record = await reviseStory(new D1PublishStore(c.env.DB), id, input, c.var.templates);
    if (!record) throw notFound('story', id);
    // The share page shows the edit at once: forgotten here, and everywhere when the global purge is configured.
    await purgeSharePage(c.env, c.var.config, c.var.baseUrl, record.slug);
    return c.json(
      { ...toStoryResponse(record, c.var.baseUrl, c.var.templates), warnings: await warningsFor(c, record) },
      200,
    );
  })
  .openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    const record = await c.var.stories.get(id);
    if (!record) throw notFound('story', id);
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
