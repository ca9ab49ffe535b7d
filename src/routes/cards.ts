// Card images: content-addressed /cards/<hash>/<size>.<png|jpg|webp> (immutable, edge-cached, rendered once) and
// signed /card.png (?f= picks the format). Every answer says in Server-Timing where its bytes came from.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { StorycardError } from '../errors.ts';
import { cardFingerprint } from '../render/index.ts';
import { type Format, isFormat, isSizeName, MIME, SIZE_NAMES, type SizeName } from '../render/types.ts';
import {
  type CardFile,
  type CardSpec,
  cardHash,
  cardPath,
  edgeCache,
  formatOfExtension,
  HASH_PATTERN,
} from '../storage/cards.ts';
import { parseCardParams, secondsLeft, verifyParams } from '../story/sign.ts';
import { apiRouter, errors } from './api.ts';
import { type AppEnv, afterResponse } from './context.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// An ad-hoc URL names its content, not its pixels: a template or font update changes what it shows, so a day.
const AD_HOC = 'public, max-age=86400';
// A card drawn without an image it asked for (the fetch failed): a minute, so the next look may find the image.
export const INCOMPLETE = 'public, max-age=60';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
}

const timing = (file: CardFile) => `${file.source};dur=${file.ms.toFixed(1)}`;

function fileResponse(file: CardFile, etag: string, cacheControl: string): Response {
  const headers: Record<string, string> = {
    'Content-Type': MIME[file.format],
    'Content-Length': String(file.bytes.byteLength),
    'Cache-Control': file.complete ? cacheControl : INCOMPLETE,
    'Server-Timing': timing(file),
    'X-Content-Type-Options': 'nosniff',
  };
  // No ETag on an incomplete card: a client revalidating it must get the complete card, not a 304.
  if (file.complete) headers.ETag = etag;
  else headers['X-Storycard-Incomplete'] = 'image fetch failed; drawn without it';
  return new Response(file.bytes as unknown as BodyInit, { headers });
}

const notModified = (etag: string, cacheControl: string) =>
  new Response(null, {
    status: 304,
    headers: { ETag: etag, 'Cache-Control': cacheControl, 'Server-Timing': 'etag;desc="not modified"' },
  });

/** Serve one card: 304, edge cache, then the store (R2, or render and keep if complete). */
async function serveCard(
  c: Context<AppEnv>,
  hash: string,
  size: SizeName,
  format: Exclude<Format, 'svg'>,
  spec: () => Promise<CardSpec | null>,
  cacheControl: string,
): Promise<Response> {
  // `auto` on an ad-hoc URL: the ETag names the request, and the bytes the format it resolved to (Content-Type).
  const etag = `"${hash}-${size}-${format}"`;
  // Content-addressed: a client holding this ETag holds these exact bytes, so no lookup is needed to answer 304.
  if (matches(c.req.header('If-None-Match'), etag)) return notModified(etag, cacheControl);
  const cache = edgeCache();
  const cacheKey = new Request(`${c.var.baseUrl}/cards/${hash}/${size}.${format}`);
  const cached = await cache?.match(cacheKey);
  if (cached) return withHeaders(cached, cacheControl, 'HIT', 'cache');
  // RFC 9111 only-if-cached: answer from what is stored, or 504 without rendering (monitors, tests of the pre-render).
  if (/\bonly-if-cached\b/i.test(c.req.header('Cache-Control') ?? '')) {
    const stored = await c.var.cards.stored(hash, size, format);
    if (!stored) {
      return c.json({ error: 'not_cached', message: `${c.req.path} is not rendered yet (only-if-cached)` }, 504);
    }
    return withHeaders(fileResponse(stored, etag, IMMUTABLE), cacheControl, 'MISS');
  }
  const file = await c.var.cards.file(hash, size, format, spec);
  if (!file) throw new StorycardError('not_found', `no card at ${c.req.path}`);
  const res = fileResponse(file, etag, IMMUTABLE);
  if (cache && file.complete) {
    await afterResponse(c, cache.put(cacheKey, res.clone()));
  }
  return withHeaders(res, file.complete ? cacheControl : INCOMPLETE, 'MISS');
}

function withHeaders(res: Response, cacheControl: string, status: 'HIT' | 'MISS', serverTiming?: string): Response {
  const out = new Response(res.body, res);
  out.headers.set('Cache-Control', cacheControl);
  out.headers.set('X-Storycard-Cache', status);
  if (serverTiming) out.headers.set('Server-Timing', serverTiming);
  return out;
}

// The parameters are documented with their shapes but checked by the handler: a malformed address is a 404 that
// says what an address looks like, as for any path that names no card, not a 400.
const address = createRoute({
  method: 'get',
  path: '/cards/{hash}/{file}',
  summary:
    'A card at its content address: png (lossless), jpg or webp (immutable; ETag; 304). Server-Timing says where the bytes came from (cache, r2, render;dur=…). A card drawn without its image (the fetch failed) is served with max-age=60 and no ETag, and never stored. Cache-Control: only-if-cached answers 504 instead of rendering.',
  security: [],
  request: {
    params: z.object({
      hash: z.string().openapi({ pattern: '^[0-9a-f]{20}$', description: 'The content address' }),
      file: z.string().openapi({
        pattern: `^(${SIZE_NAMES.join('|')})\\.(png|jpg|webp)$`,
        description: 'The size and the format, e.g. og.png',
      }),
    }),
  },
  responses: {
    200: { description: 'image/png, image/jpeg or image/webp' },
    304: { description: 'Not modified' },
    404: { description: 'Unknown address' },
    504: { description: 'only-if-cached, and not rendered yet' },
  },
});

const signed = createRoute({
  method: 'get',
  path: '/card.png',
  summary:
    'Signed ad-hoc card: headline, quote, quoteAuthor, siteName, author, lang, template, size, theme, brand, f (png | jpeg | webp | auto; default png), exp (optional epoch seconds: the URL expires then, and is cached no longer), sig',
  security: [],
  responses: {
    200: { description: 'The card in the format f names (auto: PNG within the size’s weight budget, else JPEG)' },
    ...errors([400, 422]),
    ...errors([403], { 403: 'Missing or wrong signature, or the URL’s exp (epoch seconds, signed) has passed' }),
  },
});

export const cards = apiRouter()
  .openapi(address, async (c) => {
    const { hash, file } = c.req.valid('param');
    const match = /^([a-z]+)\.([a-z]+)$/.exec(file);
    const size = match?.[1];
    const format = formatOfExtension(match?.[2] ?? '');
    if (!HASH_PATTERN.test(hash) || !isSizeName(size) || !format) {
      throw new StorycardError(
        'not_found',
        `no card at ${c.req.path}: expected /cards/<20 hex>/<${SIZE_NAMES.join('|')}>.<png|jpg|webp>`,
      );
    }
    // An address exists only at the sizes its template draws: any other size is a 404, not a render error.
    const spec = async () => {
      const found = await c.var.cards.spec(hash);
      return found && c.var.templates.sizesOf(found.template).includes(size) ? found : null;
    };
    return serveCard(c, hash, size, format, spec, IMMUTABLE);
  })
  // The story's current card by story id or slug is not here on purpose: share pages name the address.
  .openapi(signed, async (c) => {
    const params = new URL(c.req.url).searchParams;
    const secret = c.var.config.signingSecret;
    if (!secret) throw new StorycardError('forbidden', 'signed cards are disabled: SIGNING_SECRET is not set');
    if (!params.has('sig'))
      throw new StorycardError('forbidden', 'sig: expected a signature (see `storycard sign`), received none');
    if (!(await verifyParams(params, secret))) {
      throw new StorycardError('forbidden', 'sig: the signature does not match these parameters');
    }
    const left = secondsLeft(params); // 403 naming exp once it has passed; undefined when the URL never expires
    const { story, template, size, theme, format } = parseCardParams(params);
    const spec: CardSpec = { story, template, theme };
    cardFingerprint({ ...spec, size }, c.var.templates); // 400 now for an unknown template or a size it does not draw
    const hash = await cardHash(spec, c.var.templates);
    return cappedLifetime(await serveCard(c, hash, size, format, async () => spec, AD_HOC), left);
  });

/** An expiring URL's answer may be cached no longer than the URL lives: every max-age capped at what remains. */
function cappedLifetime(res: Response, left: number | undefined): Response {
  const cc = res.headers.get('Cache-Control');
  if (left === undefined || !cc) return res;
  const capped = cc.replace(/\bmax-age=(\d+)/, (_, n: string) => `max-age=${Math.min(Number(n), left)}`);
  res.headers.set('Cache-Control', capped.replace(/,\s*immutable\b/, ''));
  return res;
}

export { cardPath, isFormat };
