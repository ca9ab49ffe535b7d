// The API's request and response shapes, in zod: routes validate with them and /openapi.json is generated from them
// (an `id` in .meta() names the schema's component in the document).
import { z } from 'zod';
import { HEX_COLOUR, HEX_COLOUR_EXPECTED, SIZE_NAMES } from '../card-terms.ts';
import { hasLoneSurrogate, StorySchema } from '../story/schema.ts';
import { DATA_IMAGE_MAX_BYTES, httpUrlProblem, normalUrl, parseDataImage } from '../story/urls.ts';

const LOGO_EXPECTED = `an http(s) URL, or a data:image/png, jpeg, gif, webp or svg+xml;base64 URL of at most ${DATA_IMAGE_MAX_BYTES} bytes`;

/** A logo URL: fetched (http(s), guarded) or drawn as given (data:, checked to be the image it says, size-capped). */
const logoUrl = z
  .string()
  .transform((s) => s.trim())
  .superRefine((s, ctx) => {
    const problem = s.startsWith('data:') ? parseDataImage(s) : httpUrlProblem(s);
    if (typeof problem === 'string')
      ctx.addIssue({ code: 'custom', message: LOGO_EXPECTED, params: { received: problem } });
  })
  .transform((s) => (s.startsWith('data:') ? s : normalUrl(s)));

export const ThemeSchema = z
  .object({
    mode: z.enum(['light', 'dark']).optional(),
    brandColor: z.string().regex(HEX_COLOUR, { message: HEX_COLOUR_EXPECTED }).optional(),
    siteName: z
      .string()
      .refine((s) => !hasLoneSurrogate(s), { message: 'text without lone surrogates (half of a UTF-16 pair)' })
      .transform((s) => s.trim())
      .pipe(z.string().min(1).max(80))
      .optional(),
    logoUrl: logoUrl.optional(),
  })
  .describe('Card theme overrides; anything left out uses the template default.');

/** POST/PUT body: a Story (url required: a story is shared by its article URL) plus optional card choices. */
export const StoryWriteSchema = StorySchema.extend({
  template: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .describe('Card template name (GET /openapi.json lists none; see `storycard templates`). Default: quote.'),
  theme: ThemeSchema.optional(),
});

const cardUrls = z.object(
  Object.fromEntries(SIZE_NAMES.map((s) => [s, z.url()])) as Record<(typeof SIZE_NAMES)[number], z.ZodURL>,
);

export const StoryResponseSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    shareUrl: z.url().describe('The page to share: crawlers read its tags, people are sent on to the article.'),
    cardUrl: z.url().describe('The og-size card (1200×630) at its content address.'),
    cardUrls: cardUrls
      .partial()
      .describe('The card at every size its template draws; addresses change whenever the pixels would.'),
    story: StorySchema,
    template: z.string().optional(),
    theme: ThemeSchema.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoryResponse' });
export type StoryResponse = z.output<typeof StoryResponseSchema>;

/** Something about a written story the newsroom should act on; the story was stored all the same. */
export const StoryWarningSchema = z
  .object({
    code: z.literal('missing_glyph').describe('missing_glyph: no bundled font can draw this character.'),
    field: z.string().describe('The story field the character is in (headline, quote, quoteAuthor, siteName, author).'),
    char: z.string().describe('The character (a whole emoji sequence for an emoji).'),
    codePoint: z.string().describe('Its code point(s), e.g. "U+E000" or "U+1F1E6 U+1F1E6".'),
    message: z.string(),
  })
  .meta({ id: 'StoryWarning' });

/** POST, PUT and GET answers for one story: the story, and what its card cannot draw (the bot holds such a story for an editor). */
export const StoryWrittenSchema = StoryResponseSchema.extend({
  warnings: z
    .array(StoryWarningSchema)
    .describe(
      'Characters no bundled font can draw (private-use, unassigned, or a script fonts/ does not cover): the card shows a box for each, and the bot holds the story for an editor. Empty when the card draws everything.',
    ),
}).meta({ id: 'StoryWritten' });

/** One page of a list answer (stories, outbox posts): its items and the cursor of the next page. */
export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page.'),
    })
    .meta({ id });

export const StoryListSchema = pageOf(StoryResponseSchema, 'StoryList');

export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
});

export const ErrorSchema = z
  .object({
    error: z.string().describe('A stable code, e.g. invalid_story, unauthorized, not_found.'),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.string(), expected: z.string(), received: z.string(), message: z.string() }))
      .optional(),
    requestId: z
      .string()
      .optional()
      .describe('On a 500 internal: the request id (also the X-Request-Id header) under which the fault was logged.'),
  })
  .meta({ id: 'Error' });
