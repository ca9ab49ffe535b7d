// What the studio's preview and sign endpoints accept: a story with template, size, theme and format, validated.
import { z } from 'zod';
import { StorycardError } from '../errors.ts';
import type { Theme } from '../render/types.ts';
import { isSizeName, SIZE_NAMES, type SizeName } from '../render/types.ts';
import { type Story, toFieldIssues } from '../story/schema.ts';
import { StoryWriteSchema } from './schemas.ts';

/** The stories API's body (a Story plus template and theme), plus the size and the output format. */
const PreviewSchema = StoryWriteSchema.extend({
  size: z
    .string()
    .optional()
    .refine((s) => s === undefined || isSizeName(s), { message: `one of ${SIZE_NAMES.join(', ')}` }),
  // svg: the live preview (drawn, never rasterised); png | jpeg | webp | auto: the file, encoded as the card routes do.
  format: z.enum(['svg', 'png', 'jpeg', 'webp', 'auto']).optional(),
});

export interface PreviewRequest {
  story: Story;
  template: string | undefined;
  theme: Partial<Theme> | undefined;
  size: SizeName;
  format: 'svg' | 'png' | 'jpeg' | 'webp' | 'auto';
}

/** Validate a preview body; every bad field is one issue the studio shows beside that field. */
export function parsePreview(input: unknown): PreviewRequest {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const received = Array.isArray(input) ? 'an array' : String(input);
    const message = `(body): expected a JSON object with the story fields, template, size and theme, received ${received}`;
    throw new StorycardError('invalid_request', message, {
      issues: [{ path: '(body)', expected: 'a JSON object', received, message }],
    });
  }
  const parsed = PreviewSchema.safeParse(input);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error, input);
    throw new StorycardError('invalid_story', issues.map((i) => i.message).join('; '), { issues });
  }
  const { template, theme, size, format, ...story } = parsed.data;
  return { story, template, theme, size: (size ?? 'og') as SizeName, format: format ?? 'svg' };
}

/** The studio sign body's `expiresIn`: absent or null (the URL never expires) or whole seconds, 1 to 10 years. */
export function expiresInOf(input: unknown): number | undefined {
  const value = input !== null && typeof input === 'object' ? (input as { expiresIn?: unknown }).expiresIn : undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 315_360_000) return value;
  const received = JSON.stringify(value) ?? String(value);
  const message = `expiresIn: expected whole seconds from 1 to 315360000 (or null: never), received ${received}`;
  throw new StorycardError('invalid_request', message, {
    issues: [{ path: 'expiresIn', expected: 'whole seconds from 1 to 315360000', received, message }],
  });
}

/** The /card.png parameters for a preview, and the fields a signed URL cannot carry (so the studio can say so). */
export function signedCardParams(req: PreviewRequest, theme: Theme) {
  const { story } = req;
  const params: Record<string, string> = {
    headline: story.headline,
    quote: story.quote ?? '',
    quoteAuthor: story.quoteAuthor ?? '',
    siteName: story.siteName ?? '',
    author: story.author ?? '',
    lang: story.lang ?? '',
    template: req.template ?? '',
    size: req.size,
    // The live preview is SVG; a signed URL names an image, so it carries the file format (auto unless one was chosen).
    f: req.format === 'svg' ? 'auto' : req.format,
    theme: theme.mode,
    brand: theme.brandColor,
  };
  const dropped: string[] = (['url', 'publishedAt', 'imageUrl'] as const).filter((k) => story[k]);
  if (theme.logoUrl) dropped.push('logoUrl');
  return { params, dropped };
}

/** JSON safe for a header value (ASCII only): the report holds names and numbers, but escape anything else anyway. */
export function headerSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The Server-Timing of a live preview: body parse and validation, the render's layout and draw, the warnings and the
 * JSON answer, and the whole (each `dur` in ms, one decimal). Deployed on Cloudflare the clock only moves across I/O
 * (a Spectre mitigation), so there the CPU-bound parts read near 0; `npm start`'s workerd times them for real.
 */
export function previewTiming(
  at: { started: number; parsed: number; rendered: number; done: number },
  result: { timings: { compose: number; draw: number } },
): string {
  const dur = (ms: number) => Math.max(0, ms).toFixed(1);
  return [
    `parse;dur=${dur(at.parsed - at.started)}`,
    `compose;dur=${dur(result.timings.compose)}`,
    `draw;dur=${dur(result.timings.draw)}`,
    `answer;desc="warnings and JSON";dur=${dur(at.done - at.rendered)}`,
    `total;dur=${dur(at.done - at.started)}`,
  ].join(', ');
}
