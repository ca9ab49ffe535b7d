// The API's request and response shapes, in zod: handlers validate with them and /openapi.json is generated from them.
import { z } from 'zod';
import { SIZE_NAMES } from '../render/types.ts';
import { StorySchema } from '../story/schema.ts';

export const ThemeSchema = z
  .object({
    mode: z.enum(['light', 'dark']).optional(),
    brandColor: z
      .string()
      .regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, { message: 'a hex colour like #C8102E' })
      .optional(),
    siteName: z.string().trim().min(1).max(80).optional(),
    logoUrl: z
      .string()
      .refine((s) => /^(https?:|data:image\/)/.test(s), { message: 'an http(s) or data:image URL' })
      .optional(),
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

export const StoryResponseSchema = z.object({
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
});
export type StoryResponse = z.output<typeof StoryResponseSchema>;

export const StoryListSchema = z.object({
  items: z.array(StoryResponseSchema),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page.'),
});

export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
});

export const ErrorSchema = z.object({
  error: z.string().describe('A stable code, e.g. invalid_story, unauthorized, not_found.'),
  message: z.string(),
  issues: z
    .array(z.object({ path: z.string(), expected: z.string(), received: z.string(), message: z.string() }))
    .optional(),
});
