// Article input for the API: `{article}` / `{html, url}` on POST /api/stories, and errors that name the caller's field.
import type { Context } from 'hono';
import { z } from 'zod';
import { isStorycardError, StorycardError } from '../errors.ts';
import { type ExtractInput, extractStory, MAX_INPUT_BYTES } from '../intake/extract.ts';
import { MAX_BODY_BYTES, readJsonBodySized } from './body.ts';
import { StoryWriteSchema } from './schemas.ts';

/** The article form of a POST /api/stories body (for /openapi.json): any story field given overrides extraction. */
export const StoryArticleWriteSchema = StoryWriteSchema.partial()
  .extend({
    article: z.string().optional().describe('Scraped article text (≤ 2 MB); or `html`.'),
    html: z
      .string()
      .optional()
      .describe('The article page as HTML (≤ 2 MB), with `url` if the page names no canonical.'),
  })
  .describe('An article to extract the story from; every story field given here overrides what was extracted.');

/** A JSON body carrying an article: the article itself (≤ 2 MB) with room for JSON escaping and the story fields. */
export const MAX_ARTICLE_BODY_BYTES = 2 * MAX_INPUT_BYTES + MAX_BODY_BYTES;

/**
 * Extraction errors say `text:` or `html:`; the caller sent the article under another name (`article`, or the
 * request body itself). Same code and status, the caller's field in the message and in `issues`.
 */
export function renameField(error: unknown, names: Partial<Record<'text' | 'html', string>>): unknown {
  if (!isStorycardError(error)) return error;
  const m = /^(text|html): (?:expected (.*?), received (.*))?/s.exec(error.message);
  const to = m ? names[m[1] as 'text' | 'html'] : undefined;
  if (!m || !to) return error;
  const message = `${to}: ${error.message.slice(m[1]!.length + 2)}`;
  const issue = { path: to, expected: m[2] ?? 'an article', received: m[3] ?? 'something else', message };
  return new StorycardError(error.code, message, { issues: [issue], cause: error });
}

const fieldError = (path: string, expected: string, received: string) =>
  new StorycardError('invalid_request', `${path}: expected ${expected}, received ${received}`, {
    issues: [{ path, expected, received, message: `${path}: expected ${expected}, received ${received}` }],
  });

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/**
 * The POST /api/stories body as a story: when it carries `article` (scraped text) or `html` (with `url`), the
 * story is extracted from it and every explicit field in the body overrides what extraction found (`"quote": null`
 * drops the extracted quote). Plain story bodies keep the 64 KB limit.
 */
export async function readStoryInput(c: Context): Promise<unknown> {
  const { value: body, bytes } = await readJsonBodySized(c, MAX_ARTICLE_BODY_BYTES);
  const obj =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (!obj || (obj.article == null && obj.html == null)) {
    // The raw body as it arrived (whitespace and escapes included), not what it parses into.
    if (bytes > MAX_BODY_BYTES) {
      throw new StorycardError(
        'payload_too_large',
        `body: expected at most ${MAX_BODY_BYTES} bytes for a story without an article, received ${bytes} bytes`,
      );
    }
    return body;
  }
  const { article, html, ...explicit } = obj;
  if (article != null && html != null) {
    throw fieldError('article', 'either `article` (text) or `html`, not both', 'both');
  }
  if (article != null && typeof article !== 'string') throw fieldError('article', 'a string', kindOf(article));
  if (html != null && typeof html !== 'string') throw fieldError('html', 'a string', kindOf(html));
  if (explicit.url != null && typeof explicit.url !== 'string')
    throw fieldError('url', 'a string', kindOf(explicit.url));
  const input: ExtractInput = html != null ? { html: html as string } : { text: article as string };
  if (typeof explicit.url === 'string') input.url = explicit.url;
  let extracted: Record<string, unknown>;
  try {
    extracted = extractStory(input);
  } catch (error) {
    throw renameField(error, { text: 'article' });
  }
  // The extracted speaker belongs to the extracted quote: an explicit quote (or `"quote": null`) replaces both.
  if ('quote' in explicit && !('quoteAuthor' in explicit)) delete extracted.quoteAuthor;
  // What the caller wrote itself is not extraction's guess: its confidence goes with it (the bot holds only guesses).
  if ('quote' in explicit) delete extracted.quoteConfidence;
  if ('quote' in explicit || 'quoteAuthor' in explicit) delete extracted.speakerConfidence;
  return { ...extracted, ...explicit };
}
