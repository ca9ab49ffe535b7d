// GET /openapi.json: the stories API described from the very zod schemas the handlers validate with.
import { Hono } from 'hono';
import { z } from 'zod';
import { SIZE_NAMES } from '../render/types.ts';
import { StorySchema } from '../story/schema.ts';
import { StoryArticleWriteSchema } from './article-input.ts';
import type { AppEnv } from './context.ts';
import { ExtractJsonSchema, ExtractQuerySchema } from './extract.ts';
import { FeedListSchema } from './feeds.ts';
import { PostEditSchema, PostsQuerySchema } from './posts.ts';
import { ErrorSchema, ListQuerySchema, StoryListSchema, StoryResponseSchema, StoryWriteSchema } from './schemas.ts';

const schema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      {
        description: ERROR_TEXT[code],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad JSON or a bad field; `issues` names each field, what was expected and what was received.',
  401: 'No bearer token.',
  403: 'Wrong bearer token.',
  404: 'No such story.',
  409: 'Another story already has this article URL.',
  413: 'Body too large: a story over 64 KB, or an article over 2 MB.',
  415: 'Content-Type is not application/json.',
  422: 'The card would go over the render budget (at most 300 emoji, 1,300 characters drawn); `issues` names the field.',
  405: 'A known path with another method: the Allow header names the methods it has.',
};

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export function openApiDocument(baseUrl: string) {
  const queryParams = (s: z.ZodType) =>
    Object.entries((schema(s, 'input') as { properties: Record<string, unknown> }).properties).map(([name, p]) => ({
      name,
      in: 'query',
      schema: p,
    }));
  return {
    openapi: '3.0.3',
    info: {
      title: 'storycard',
      version: '1',
      description:
        'Share cards and share pages for news stories. Write stories with the API; share `shareUrl`; crawlers read its tags.',
    },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API_TOKEN' } },
      schemas: {
        StoryWrite: schema(StoryWriteSchema, 'input'),
        StoryResponse: schema(StoryResponseSchema, 'output'),
        StoryList: schema(StoryListSchema, 'output'),
        Error: schema(ErrorSchema, 'output'),
        StoryArticleWrite: schema(StoryArticleWriteSchema, 'input'),
        Story: schema(StorySchema, 'output'),
        FeedList: schema(FeedListSchema, 'output'),
        PostEdit: schema(PostEditSchema, 'input'),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/stories': {
        post: {
          summary: 'Create a story (or get the one already stored for the same article URL)',
          description:
            'Idempotent per canonical article URL (fragment and utm_*/fbclid/gclid parameters ignored): a second POST of one URL answers 200 with the stored story and changes nothing; use PUT to change it.',
          requestBody: {
            required: true,
            description:
              'A story, or an article (`article` text or `html`) to extract it from; explicit fields override extraction.',
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/StoryWrite' },
                    { $ref: '#/components/schemas/StoryArticleWrite' },
                  ],
                },
              },
            },
          },
          responses: {
            201: { description: 'Created', content: json('StoryResponse') },
            200: { description: 'Already stored for this URL', content: json('StoryResponse') },
            ...errors(400, 401, 403, 413, 415, 422),
          },
        },
        get: {
          summary: 'List stories, newest first',
          parameters: queryParams(ListQuerySchema),
          responses: { 200: { description: 'A page', content: json('StoryList') }, ...errors(400, 401, 403) },
        },
      },
      '/api/stories/{id}': {
        parameters: [idParam],
        get: {
          summary: 'Get a story',
          responses: { 200: { description: 'The story', content: json('StoryResponse') }, ...errors(401, 403, 404) },
        },
        put: {
          summary: 'Replace a story (idempotent); its card address changes with its content, its slug stays',
          requestBody: { required: true, content: json('StoryWrite') },
          responses: {
            200: { description: 'Replaced', content: json('StoryResponse') },
            ...errors(400, 401, 403, 404, 409, 413, 415, 422),
          },
        },
        delete: {
          summary: 'Delete a story and its cards',
          responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
        },
      },
      '/api/extract': {
        post: {
          summary: 'Extract a Story (headline, key quote and speaker, metadata) from an article; nothing is stored',
          parameters: queryParams(ExtractQuerySchema),
          requestBody: {
            required: true,
            content: {
              'text/plain': { schema: { type: 'string', description: 'Scraped article text (≤ 2 MB)' } },
              'text/html': { schema: { type: 'string', description: 'The article page (≤ 2 MB)' } },
              'application/json': { schema: schema(ExtractJsonSchema, 'input') },
            },
          },
          responses: {
            200: { description: 'The story', content: json('Story') },
            ...errors(400, 401, 403),
            413: { description: 'Article over 2 MB.', content: json('Error') },
            415: {
              description: 'Content-Type is not text/plain, text/html or application/json.',
              content: json('Error'),
            },
          },
        },
      },
      '/api/feeds': {
        get: {
          summary:
            'Each feed in FEEDS and its polling status: last poll, status, validators, items seen, stories created',
          responses: { 200: { description: 'The feeds', content: json('FeedList') }, ...errors(401, 403) },
        },
      },
      '/api/posts': {
        get: {
          summary: "The bot's outbox: what was or will be posted where, and its state, newest first",
          parameters: queryParams(PostsQuerySchema),
          responses: { 200: { description: '{items, nextCursor}' }, ...errors(400, 401, 403) },
        },
      },
      '/api/posts/today': {
        get: {
          summary:
            "Each account's posts since UTC midnight against its daily cap, posts in flight, and X's estimated spend",
          responses: {
            200: {
              description:
                '{day, resetsAt, botMode, platforms: [{platform, account, postedToday, postingNow, cap, estimatedSpendUsd?}], prices}',
            },
            ...errors(401, 403),
          },
        },
      },
      '/api/posts/{id}': {
        parameters: [idParam],
        get: { summary: 'One outbox post', responses: { 200: { description: 'The post' }, ...errors(401, 403, 404) } },
        patch: {
          summary:
            "Edit a post waiting for review (BOT_MODE=review): within the platform's length as it counts it, keeping the story link",
          requestBody: { required: true, content: json('PostEdit') },
          responses: {
            200: { description: 'The post with its new text' },
            ...errors(400, 401, 403, 404, 409, 413, 415),
          },
        },
      },
      '/api/posts/{id}/approve': {
        parameters: [idParam],
        post: {
          summary: 'Send a post waiting for review: it is queued now (BOT_MODE review or live)',
          responses: { 202: { description: 'Queued; the post as it now stands' }, ...errors(401, 403, 404, 409) },
        },
      },
      '/api/posts/{id}/skip': {
        parameters: [idParam],
        post: {
          summary: 'Drop a post not yet sent (waiting, queued, failed or dead): it is never sent',
          responses: { 200: { description: 'Skipped; the post as it now stands' }, ...errors(401, 403, 404, 409) },
        },
      },
      '/api/posts/{id}/retry': {
        parameters: [idParam],
        post: {
          summary: 'Queue a failed or dead post again (BOT_MODE live or review)',
          responses: { 202: { description: 'Queued again; the post as it now stands' }, ...errors(401, 403, 404, 409) },
        },
      },
      '/s/{slug}': {
        get: {
          summary: 'Share page: Open Graph and Twitter tags for crawlers; people get a 302 to the article',
          security: [],
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'HTML with the tags (crawlers; Server-Timing: cache or d1;dur=…)' },
            302: { description: 'People: Location is the article, with SHARE_REDIRECT_QUERY and the link’s utm_*' },
            404: { description: 'HTML: no such story' },
          },
        },
      },
      '/cards/{hash}/{size}.{ext}': {
        get: {
          summary:
            'A card at its content address: png (lossless), jpg or webp (immutable; ETag; 304). Server-Timing says where the bytes came from (cache, r2, render;dur=…). A card drawn without its image (the fetch failed) is served with max-age=60 and no ETag, and never stored. Cache-Control: only-if-cached answers 504 instead of rendering.',
          security: [],
          parameters: [
            { name: 'hash', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{20}$' } },
            { name: 'size', in: 'path', required: true, schema: { type: 'string', enum: SIZE_NAMES } },
            { name: 'ext', in: 'path', required: true, schema: { type: 'string', enum: ['png', 'jpg', 'webp'] } },
          ],
          responses: {
            200: { description: 'image/png, image/jpeg or image/webp' },
            304: { description: 'Not modified' },
            404: { description: 'Unknown address' },
            504: { description: 'only-if-cached, and not rendered yet' },
          },
        },
      },
      '/card.png': {
        get: {
          summary:
            'Signed ad-hoc card: headline, quote, quoteAuthor, siteName, author, lang, template, size, theme, brand, f (png | jpeg | webp | auto; default png), sig',
          security: [],
          responses: {
            200: {
              description: 'The card in the format f names (auto: PNG within the size’s weight budget, else JPEG)',
            },
            ...errors(400, 422),
            403: { description: 'Missing or wrong signature' },
          },
        },
      },
      '/healthz': {
        get: { summary: 'Liveness and D1 reachability', security: [], responses: { 200: { description: 'OK' } } },
      },
    },
  };
}

export const openapi = new Hono<AppEnv>().get('/openapi.json', (c) => c.json(openApiDocument(c.var.baseUrl)));
