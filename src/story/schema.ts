// The Story: the one input every part of storycard takes. Unknown fields are ignored; errors name the field.
import { z } from 'zod';
import { type FieldIssue, StorycardError } from '../errors.ts';
import { graphemeLength, normalizeText } from './normalize.ts';

export const HEADLINE_MAX = 300;
export const QUOTE_MAX = 600;

const text = (max: number) =>
  z
    .string()
    .transform(normalizeText)
    .refine((s) => graphemeLength(s) <= max, { message: `at most ${max} characters` });

/** A blank optional string means "none", so `quote: "  "` is the same as no quote. */
const optionalText = (max: number) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((s) => (s == null ? undefined : normalizeText(s) || undefined))
    .refine((s) => s === undefined || graphemeLength(s) <= max, { message: `at most ${max} characters` });

const httpUrl = z
  .string()
  .trim()
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'an absolute http(s) URL' },
  );

const optionalUrl = z
  .union([z.string(), z.null()])
  .optional()
  .transform((s) => (s == null || s.trim() === '' ? undefined : s.trim()))
  .pipe(httpUrl.optional());

const isoDate = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'an ISO 8601 date, e.g. 2025-02-10T14:30:00Z',
  });

const bcp47 = z
  .string()
  .trim()
  .refine(
    (s) => {
      try {
        return Intl.getCanonicalLocales(s).length === 1;
      } catch {
        return false;
      }
    },
    { message: 'a BCP 47 language tag, e.g. en or pt-BR' },
  );

export const StorySchema = z.object({
  headline: text(HEADLINE_MAX).refine((s) => s.length > 0, { message: 'a non-empty headline' }),
  quote: optionalText(QUOTE_MAX),
  quoteAuthor: optionalText(120),
  url: optionalUrl,
  siteName: optionalText(80),
  author: optionalText(120),
  publishedAt: z
    .union([isoDate, z.null()])
    .optional()
    .transform((s) => s ?? undefined),
  imageUrl: optionalUrl,
  lang: z
    .union([bcp47, z.null()])
    .optional()
    .transform((s) => s ?? undefined),
  tags: z
    .array(z.string().transform(normalizeText))
    .max(30)
    .optional()
    .transform((t) => {
      const kept = t?.filter(Boolean);
      return kept?.length ? kept : undefined;
    }),
});

/** What callers hand us (before normalisation). */
export type StoryInput = z.input<typeof StorySchema>;
/** A validated, normalised story. */
export type Story = z.output<typeof StorySchema>;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `${JSON.stringify(shown)} (${graphemeLength(normalizeText(value))} characters)`;
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'a string',
  array: 'an array of strings',
  object: 'a JSON object',
};

/** Turn zod's issues into ours: a path, what we expected, what we received. */
export function toFieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(story)';
    const received = describe(valueAt(input, issue.path));
    let expected: string;
    if (issue.code === 'invalid_type') expected = EXPECTED_TYPE[issue.expected] ?? issue.expected;
    else if (issue.code === 'invalid_union') expected = 'a string';
    else if (issue.code === 'too_big') expected = `at most ${String(issue.maximum)} items`;
    else expected = issue.message;
    return { path, expected, received, message: `${path}: expected ${expected}, received ${received}` };
  });
}

/** Validate and normalise a story; throws a StorycardError('invalid_story') that names every bad field. */
export function parseStory(input: unknown): Story {
  const result = StorySchema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error, input);
  throw new StorycardError('invalid_story', issues.map((i) => i.message).join('; '), { issues });
}

/** Test and fixture factory: a valid story with overrides. */
export function createStory(overrides: Partial<StoryInput> = {}): Story {
  return parseStory({ ...DEMO_STORY, ...overrides });
}

/** The demo story (from a real article): what `npm start` seeds and the README shows. */
export const DEMO_STORY = {
  headline: 'Sam Altman Rejects Elon Musk’s $97.4 Billion OpenAI Buyout, Jokes About Buying Twitter Instead',
  quote: 'No thank you, but we will buy Twitter for $9.74 billion if you want.',
  quoteAuthor: 'Sam Altman',
  siteName: 'Tech Dispatch',
  url: 'https://example.com/tech/altman-rejects-musk-openai-bid',
  lang: 'en',
  tags: ['OpenAI', 'AI'],
} as const satisfies StoryInput;
