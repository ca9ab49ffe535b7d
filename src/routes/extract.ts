// POST /api/extract: an article (text/plain or text/html body, or JSON {text|html, url}) → the Story it tells; nothing stored.
import { createRoute, z } from '@hono/zod-openapi';
import { StorycardError } from '../errors.ts';
import { type ExtractInput, extractStory, MAX_INPUT_BYTES } from '../intake/extract.ts';
import { StorySchema, toFieldIssues } from '../story/schema.ts';
import { apiRouter, errors } from './api.ts';
import { MAX_ARTICLE_BODY_BYTES, renameField } from './article-input.ts';
import { requireToken } from './auth.ts';
import { readBodyBytes, readJsonBody } from './body.ts';

export const ExtractQuerySchema = z.object({
  url: z.string().optional().describe("The article's URL (http or https): the story's url when the page names none."),
});

/** The JSON form, for clients that already speak JSON to the rest of the API. */
export const ExtractJsonSchema = z
  .object({
    text: z.string().optional().describe('Scraped article text.'),
    html: z.string().optional().describe('The article page as HTML.'),
    url: z.string().optional(),
  })
  .describe('Exactly one of text or html.');

const KINDS = [
  [/^text\/html\s*(;|$)/i, 'html'],
  [/^application\/xhtml\+xml\s*(;|$)/i, 'html'],
  [/^text\/plain\s*(;|$)/i, 'text'],
  [/^application\/([\w.+-]+\+)?json\s*(;|$)/i, 'json'],
] as const;

/** The body as text in the charset its Content-Type names (UTF-8 by default); bytes that are not text are a 400. */
function decodeBody(bytes: Uint8Array, type: string): string {
  const label = /charset=["']?([\w.:-]+)/i.exec(type)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  } catch {
    throw new StorycardError('unsupported_media_type', `Content-Type: expected a known charset, received "${label}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const message = `body: expected ${label} article text, received bytes that are not ${label} (binary data?)`;
    throw new StorycardError('invalid_request', message, {
      issues: [{ path: 'body', expected: `${label} text`, received: 'binary data', message }],
    });
  }
}

async function readJsonInput(c: Parameters<typeof readJsonBody>[0]): Promise<ExtractInput> {
  const body = await readJsonBody(c, MAX_ARTICLE_BODY_BYTES);
  const parsed = ExtractJsonSchema.safeParse(body);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error, body);
    throw new StorycardError('invalid_request', issues.map((i) => i.message).join('; '), { issues });
  }
  const { text, html, url } = parsed.data;
  if (text !== undefined && html !== undefined) {
    const message = 'text: expected either `text` or `html`, not both, received both';
    throw new StorycardError('invalid_request', message, {
      issues: [{ path: 'text', expected: 'either text or html', received: 'both', message }],
    });
  }
  return { text, html, url };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const route = createRoute({
  method: 'post',
  path: '/',
  summary: 'Extract a Story (headline, key quote and speaker, metadata) from an article; nothing is stored',
  request: {
    query: ExtractQuerySchema,
    // Documented here, read by the handler: three body types (and XHTML) with a 2 MB limit and their own charset
    // rules, which no single validator reads the way an article needs.
    body: {
      required: true,
      content: {
        'text/plain': { schema: { type: 'string', description: 'Scraped article text (≤ 2 MB)' } },
        'text/html': { schema: { type: 'string', description: 'The article page (≤ 2 MB)' } },
        'application/json': { schema: ref('ExtractJson') },
      },
    },
  },
  responses: {
    200: { description: 'The story', content: { 'application/json': { schema: StorySchema.meta({ id: 'Story' }) } } },
    ...errors([400, 401, 403, 413, 415], {
      413: 'Article over 2 MB.',
      415: 'Content-Type is not text/plain, text/html or application/json.',
    }),
  },
});

export const extract = apiRouter();
extract.openAPIRegistry.register('ExtractJson', ExtractJsonSchema);
extract.use(requireToken);
extract.openapi(route, async (c) => {
  const type = c.req.header('Content-Type') ?? '';
  const kind = KINDS.find(([re]) => re.test(type))?.[1];
  if (!kind) {
    throw new StorycardError(
      'unsupported_media_type',
      `Content-Type: expected text/plain, text/html or application/json, received ${type ? JSON.stringify(type) : 'none'}`,
    );
  }
  const query = c.req.valid('query');
  if (kind === 'json') {
    const input = await readJsonInput(c);
    return c.json(extractStory({ ...input, url: input.url ?? query.url }));
  }
  const bytes = (await readBodyBytes(c, MAX_INPUT_BYTES)) ?? new Uint8Array();
  const content = decodeBody(bytes, type);
  try {
    return c.json(extractStory({ [kind]: content, url: query.url }));
  } catch (error) {
    // The article is the request body itself, so that is the field to name.
    throw renameField(error, { text: 'body', html: 'body' });
  }
});
