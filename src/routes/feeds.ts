// GET /api/feeds: each feed in FEEDS with its polling status (last poll, status, validators, counts, last error).
import { createRoute, z } from '@hono/zod-openapi';
import { type FeedState, FeedStore } from '../storage/feeds.ts';
import { apiRouter, errors, jsonOf } from './api.ts';
import { requireToken } from './auth.ts';

export const FeedStatusSchema = z.object({
  url: z.string(),
  configured: z.boolean().describe('In FEEDS now; false for a feed polled before and since removed.'),
  title: z.string().nullable(),
  format: z.enum(['rss', 'atom', 'json', 'rdf']).nullable(),
  lastPolledAt: z.string().nullable(),
  lastStatus: z
    .enum(['ok', 'not_modified', 'error'])
    .nullable()
    .describe('null until the first poll; not_modified: the feed answered 304 to the conditional GET.'),
  lastHttpStatus: z.number().int().nullable().describe('null when no answer came (timeout, connection error).'),
  lastError: z.string().nullable(),
  lastOkAt: z.string().nullable(),
  firstPolledAt: z.string().nullable().describe('The first successful poll: items seen then were not made stories.'),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  itemsSeen: z.number().int(),
  storiesCreated: z.number().int(),
});
export const FeedListSchema = z.object({ items: z.array(FeedStatusSchema) }).meta({ id: 'FeedList' });
type FeedStatusView = z.output<typeof FeedStatusSchema>;

const view = (url: string, s: FeedState | undefined, configured: boolean): FeedStatusView => ({
  url,
  configured,
  title: s?.title ?? null,
  format: (s?.format as FeedStatusView['format']) ?? null,
  lastPolledAt: s?.lastPolledAt ?? null,
  lastStatus: s?.lastStatus ?? null,
  lastHttpStatus: s?.lastHttpStatus ?? null,
  lastError: s?.lastError ?? null,
  lastOkAt: s?.lastOkAt ?? null,
  firstPolledAt: s?.primedAt ?? null,
  etag: s?.etag ?? null,
  lastModified: s?.lastModified ?? null,
  itemsSeen: s?.itemsSeen ?? 0,
  storiesCreated: s?.storiesCreated ?? 0,
});

const route = createRoute({
  method: 'get',
  path: '/',
  summary: 'Each feed in FEEDS and its polling status: last poll, status, validators, items seen, stories created',
  responses: { 200: jsonOf(FeedListSchema, 'The feeds'), ...errors([401, 403]) },
});

export const feeds = apiRouter();
feeds.use(requireToken);
feeds.openapi(route, async (c) => {
  const states = new Map((await new FeedStore(c.env.DB).all()).map((s) => [s.url, s]));
  const configured = c.var.config.feeds;
  const items = [
    ...configured.map((url) => view(url, states.get(url), true)),
    ...[...states.values()].filter((s) => !configured.includes(s.url)).map((s) => view(s.url, s, false)),
  ];
  return c.json({ items }, 200);
});
