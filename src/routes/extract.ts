// POST /api/extract: an article (text/plain or text/html body, or JSON {text|html, url}) → the Story it tells; nothing stored.
import { Hono } from 'hono';
import { z } from 'zod';
import { StorycardError } from '../errors.ts';
import { type ExtractInput, extractStory, MAX_INPUT_BYTES } from '../intake/extract.ts';
import { toFieldIssues } from '../story/schema.ts';
import { MAX_ARTICLE_BODY_BYTES, renameField } from './article-input.ts';
import { requireToken } from './auth.ts';
import { readBodyBytes, readJsonBody } from './body.ts';
import type { AppEnv } from './context.ts';

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

export const extract = new Hono<AppEnv>().use(requireToken).post('/', async (c) => {
  const type = c.req.header('Content-Type') ?? '';
  const kind = KINDS.find(([re]) => re.test(type))?.[1];
  if (!kind) {
    throw new StorycardError(
      'unsupported_media_type',
      `Content-Type: expected text/plain, text/html or application/json, received ${type ? JSON.stringify(type) : 'none'}`,
    );
  }
  const query = ExtractQuerySchema.parse(c.req.query());
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
