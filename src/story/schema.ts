// The Story: the one input every part of storycard takes. Unknown fields are ignored; errors name the field.
import { z } from 'zod';
import { type FieldIssue, StorycardError } from '../errors.ts';
import { HEADLINE_MAX, QUOTE_MAX } from './limits.ts';
import { graphemeLength, normalizeText } from './normalize.ts';
import { httpUrlProblem, normalUrl } from './urls.ts';

export { HEADLINE_MAX, QUOTE_MAX };

/** Half of a UTF-16 surrogate pair on its own: JSON can spell one (\ud800), no text contains one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasLoneSurrogate = (s: string) => LONE_SURROGATE.test(s);
const WELL_FORMED = { message: 'text without lone surrogates (half of a UTF-16 pair)' };
const wellFormed = z.string().refine((s) => !hasLoneSurrogate(s), WELL_FORMED);

const text = (max: number) =>
  wellFormed.transform(normalizeText).refine((s) => graphemeLength(s) <= max, { message: `at most ${max} characters` });

/** A blank optional string means "none", so `quote: "  "` is the same as no quote. */
const optionalText = (max: number) =>
  z
    .union([wellFormed, z.null()])
    .optional()
    .transform((s) => (s == null ? undefined : normalizeText(s) || undefined))
    .refine((s) => s === undefined || graphemeLength(s) <= max, { message: `at most ${max} characters` });

// What a URL field expects; what was wrong with the one received (a control character, a backslash) is said after it.
const URL_EXPECTED = 'an absolute http(s) URL';

/** Stored as new URL(u).href; a URL hiding control characters or backslashes is refused, naming what it holds. */
export const httpUrl = z
  .string()
  .transform((s) => s.replace(/^ +| +$/g, ''))
  .superRefine((s, ctx) => {
    const problem = httpUrlProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: URL_EXPECTED, params: { received: problem } });
  })
  .transform(normalUrl);

const optionalUrl = z
  .union([z.string(), z.null()])
  .optional()
  .transform((s) => (s == null || s.trim() === '' ? undefined : s))
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
  // Set by extraction: how sure it is of the quote and of the name under it. The bot holds a story whose quote or
  // speaker is `low` for an editor; a caller who writes its own quote leaves these out.
  quoteConfidence: z.enum(['high', 'low']).optional(),
  speakerConfidence: z.enum(['high', 'low']).optional(),
  tags: z
    .array(wellFormed.transform(normalizeText))
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
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** What an issue expected, in our words: never a validator's own phrasing ("Invalid option: …"). */
function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return EXPECTED_TYPE[issue.expected] ?? `a ${issue.expected}`;
    case 'invalid_union':
      return 'a string';
    case 'invalid_value':
      return issue.values.length === 1
        ? JSON.stringify(issue.values[0])
        : `one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string') return `at most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `at most ${n} items`;
      return `a number no larger than ${n}`;
    }
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'a non-empty string' : `at least ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `at least ${n} items`;
      return `a number no smaller than ${n}`;
    }
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      // Our regexes carry their own wording ("a hex colour like #C8102E"); zod's default names the pattern.
      return /^Invalid/.test(issue.message) ? `text in the ${issue.format} format` : issue.message;
    case 'unrecognized_keys':
      return `no ${issue.keys.join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return /^Invalid/.test(issue.message) ? 'a valid value' : issue.message;
  }
}

/** Turn zod's issues into ours: a path, what we expected, what we received. */
export function toFieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(story)';
    const detail = issue.code === 'custom' ? (issue.params as { received?: string } | undefined)?.received : undefined;
    const received = `${describe(valueAt(input, issue.path))}${detail ? ` (${detail})` : ''}`;
    const expected = expectedOf(issue);
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
