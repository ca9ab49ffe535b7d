// Signed ad-hoc card URLs: HMAC-SHA256 over a canonical query, shared by `storycard sign` and the Worker's /card.png.
import { z } from 'zod';
import { toBase64Url } from '../base64.ts';
import { HEX_COLOUR, HEX_COLOUR_EXPECTED, isSizeName, SIZE_NAMES, type SizeName, type Theme } from '../card-terms.ts';
import { type FieldIssue, StorycardError } from '../errors.ts';
import { type Story, StorySchema, toFieldIssues } from './schema.ts';

/**
 * The canonical form both sides sign: every parameter but `sig`, sorted by key (then value), each as
 * encodeURIComponent(key)=encodeURIComponent(value), joined by '&'. Signing decoded values means a URL that
 * spells a space as %20 or + verifies the same.
 */
export function canonicalQuery(params: Iterable<[string, string]>): string {
  return [...params]
    .filter(([k]) => k !== 'sig')
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

const encoder = new TextEncoder();

async function hmac(secret: string, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

/** The signature of a parameter set (base64url, 43 characters). */
export async function signParams(params: Iterable<[string, string]>, secret: string): Promise<string> {
  return toBase64Url(await hmac(secret, canonicalQuery(params)));
}

/**
 * Compare two strings in time independent of where they differ: both are HMAC'd with a fresh key first, so the
 * comparison runs over two fixed-length digests (and their lengths leak nothing either). Works in workerd and Node.
 */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const k = toBase64Url(key);
  const [da, db] = await Promise.all([hmac(k, a), hmac(k, b)]);
  let diff = 0;
  for (let i = 0; i < da.length; i++) diff |= (da[i] ?? 0) ^ (db[i] ?? 0);
  return diff === 0;
}

/** True when `sig` is present and matches the other parameters. */
export async function verifyParams(params: URLSearchParams, secret: string): Promise<boolean> {
  const sig = params.get('sig');
  if (!sig) return false;
  return constantTimeEqual(sig, await signParams(params, secret));
}

/**
 * The expiry parameter: epoch seconds after which /card.png refuses the URL. It is signed like every other
 * parameter (canonicalQuery keeps it), so it cannot be moved or removed without breaking the signature.
 */
export const EXPIRY_PARAM = 'exp';

/** The `exp` value for a URL that lives `seconds` from `nowMs` (epoch milliseconds). */
export function expiryIn(seconds: number, nowMs: number = Date.now()): string {
  return String(Math.floor(nowMs / 1000) + seconds);
}

/**
 * How many seconds a signed parameter set has left: undefined when it carries no `exp` (it never expires), a
 * 403 naming `exp` once it has passed, a 400 when `exp` is not epoch seconds. Call it after the signature checks out.
 */
export function secondsLeft(params: URLSearchParams, nowMs: number = Date.now()): number | undefined {
  const all = params.getAll(EXPIRY_PARAM);
  if (all.length === 0) return undefined;
  const [raw] = all;
  if (all.length > 1 || raw === undefined || !/^[0-9]{1,12}$/.test(raw)) {
    const received = all.length > 1 ? `${all.length} values` : JSON.stringify(raw);
    const message = `${EXPIRY_PARAM}: expected one expiry time in epoch seconds, received ${received}`;
    throw new StorycardError('invalid_request', message, {
      issues: [{ path: EXPIRY_PARAM, expected: 'epoch seconds', received, message }],
    });
  }
  const left = Number(raw) - Math.floor(nowMs / 1000);
  if (left <= 0) {
    throw new StorycardError(
      'forbidden',
      `${EXPIRY_PARAM}: this signed URL expired at ${new Date(Number(raw) * 1000).toISOString()} (${-left} s ago)`,
    );
  }
  return left;
}

/** A complete signed URL: `${baseUrl}/card.png?<canonical query>&sig=…`. */
export async function signedCardUrl(baseUrl: string, params: Record<string, string>, secret: string): Promise<string> {
  const entries = Object.entries(params).filter(([, v]) => v !== '');
  const sig = await signParams(entries, secret);
  return `${baseUrl.replace(/\/+$/, '')}/card.png?${canonicalQuery(entries)}&sig=${sig}`;
}

/** The parameters /card.png understands. Story fields are validated by the Story schema itself. */
export const CARD_PARAMS = [
  'headline',
  'quote',
  'quoteAuthor',
  'siteName',
  'author',
  'lang',
  'template',
  'size',
  'theme',
  'brand',
  'f',
] as const;

const AD_HOC_FORMATS = ['png', 'jpeg', 'webp', 'auto'];

const CardOptionsSchema = z.object({
  template: z.string().trim().min(1).max(60).optional(),
  size: z
    .string()
    .optional()
    .refine((s) => s === undefined || isSizeName(s), { message: `one of ${SIZE_NAMES.join(', ')}` }),
  theme: z.enum(['light', 'dark']).optional(),
  // The file format: png (default, lossless), jpeg, webp, or auto (PNG when it fits the size's weight budget).
  f: z
    .string()
    .optional()
    .refine((f) => f === undefined || AD_HOC_FORMATS.includes(f), { message: `one of ${AD_HOC_FORMATS.join(', ')}` }),
  brand: z.string().regex(HEX_COLOUR, { message: HEX_COLOUR_EXPECTED }).optional(),
});

export interface CardParams {
  story: Story;
  template: string | undefined;
  size: SizeName;
  theme: Partial<Theme> | undefined;
  format: 'png' | 'jpeg' | 'webp' | 'auto';
}

/** Validate an ad-hoc card's parameters (after its signature checked out); errors name each bad parameter. */
export function parseCardParams(params: URLSearchParams): CardParams {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const flat: Record<string, string> = {};
  for (const [k, v] of params) {
    if (k === 'sig' || k === EXPIRY_PARAM) continue; // checked with the signature, before this
    if (!(CARD_PARAMS as readonly string[]).includes(k)) {
      issues.push(issue(k, `one of the parameters ${CARD_PARAMS.join(', ')}`, 'an unknown parameter'));
    } else if (seen.has(k)) {
      issues.push(issue(k, 'the parameter once', 'it more than once'));
    }
    seen.add(k);
    flat[k] = v;
  }
  const { template, size, theme, brand, f, ...storyFields } = flat;
  const story = StorySchema.safeParse(storyFields);
  if (!story.success) issues.push(...toFieldIssues(story.error, storyFields));
  const opts = CardOptionsSchema.safeParse({ template, size, theme, brand, f });
  if (!opts.success) issues.push(...toFieldIssues(opts.error, { template, size, theme, brand, f }));
  if (issues.length || !story.success || !opts.success) {
    throw new StorycardError('invalid_request', issues.map((i) => i.message).join('; '), { issues });
  }
  const t: Partial<Theme> = {};
  if (opts.data.theme) t.mode = opts.data.theme;
  if (opts.data.brand) t.brandColor = opts.data.brand;
  return {
    story: story.data,
    template: opts.data.template,
    size: (opts.data.size as SizeName | undefined) ?? 'og',
    theme: Object.keys(t).length ? t : undefined,
    format: (opts.data.f as CardParams['format'] | undefined) ?? 'png',
  };
}

function issue(path: string, expected: string, received: string): FieldIssue {
  return { path, expected, received, message: `${path}: expected ${expected}, received ${received}` };
}
