// Card images: content-addressed /cards/<hash>/<size>.png (immutable, edge-cached, rendered once) and signed /card.png.
import { type Context, Hono } from 'hono';
import { StorycardError } from '../errors.ts';
import { cardFingerprint } from '../render/index.ts';
import { isSizeName, SIZE_NAMES, type SizeName } from '../render/types.ts';
import { type CardSpec, cardHash, cardPath, edgeCache, HASH_PATTERN, sizesOf } from '../storage/cards.ts';
import { parseCardParams, verifyParams } from '../story/sign.ts';
import type { AppEnv } from './context.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// An ad-hoc URL names its content, not its pixels: a template or font update changes what it shows, so a day.
const AD_HOC = 'public, max-age=86400';

const etagOf = (hash: string, size: SizeName) => `"${hash}-${size}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
}

function pngResponse(png: Uint8Array, etag: string, cacheControl: string): Response {
  return new Response(png as unknown as BodyInit, {
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.byteLength),
      'Cache-Control': cacheControl,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

const notModified = (etag: string, cacheControl: string) =>
  new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });

/** Serve one card: 304, edge cache, then the store (R2, or render once and keep). */
async function serveCard(
  c: Context<AppEnv>,
  hash: string,
  size: SizeName,
  spec: () => Promise<CardSpec | null>,
  cacheControl: string,
): Promise<Response> {
  const etag = etagOf(hash, size);
  // Content-addressed: a client holding this ETag holds these exact bytes, so no lookup is needed to answer 304.
  if (matches(c.req.header('If-None-Match'), etag)) return notModified(etag, cacheControl);
  const cache = edgeCache();
  const cacheKey = new Request(`${c.var.baseUrl}${cardPath(hash, size)}`);
  const cached = await cache?.match(cacheKey);
  if (cached) return withCacheControl(cached, cacheControl, 'HIT');
  const png = await c.var.cards.png(hash, size, spec);
  if (!png) throw new StorycardError('not_found', `no card at ${cardPath(hash, size)}`);
  const res = pngResponse(png, etag, IMMUTABLE);
  if (cache) {
    const put = cache.put(cacheKey, res.clone());
    // After the response where the runtime allows it; inline where there is no execution context (app.request).
    try {
      c.executionCtx.waitUntil(put);
    } catch {
      await put;
    }
  }
  return withCacheControl(res, cacheControl, 'MISS');
}

function withCacheControl(res: Response, cacheControl: string, status: 'HIT' | 'MISS'): Response {
  const out = new Response(res.body, res);
  out.headers.set('Cache-Control', cacheControl);
  out.headers.set('X-Storycard-Cache', status);
  return out;
}

export const cards = new Hono<AppEnv>()
  .get('/cards/:hash/:file', async (c) => {
    const hash = c.req.param('hash');
    const match = /^([a-z]+)\.png$/.exec(c.req.param('file'));
    const size = match?.[1];
    if (!HASH_PATTERN.test(hash) || !isSizeName(size)) {
      throw new StorycardError(
        'not_found',
        `no card at ${c.req.path}: expected /cards/<20 hex>/<${SIZE_NAMES.join('|')}>.png`,
      );
    }
    // An address exists only at the sizes its template draws: any other size is a 404, not a render error.
    const spec = async () => {
      const found = await c.var.cards.spec(hash);
      return found && sizesOf(found.template).includes(size) ? found : null;
    };
    return serveCard(c, hash, size, spec, IMMUTABLE);
  })
  // The story's current card by story id or slug is not here on purpose: share pages name the address.
  .get('/card.png', async (c) => {
    const params = new URL(c.req.url).searchParams;
    const secret = c.var.config.signingSecret;
    if (!secret) throw new StorycardError('forbidden', 'signed cards are disabled: SIGNING_SECRET is not set');
    if (!params.has('sig'))
      throw new StorycardError('forbidden', 'sig: expected a signature (see `storycard sign`), received none');
    if (!(await verifyParams(params, secret))) {
      throw new StorycardError('forbidden', 'sig: the signature does not match these parameters');
    }
    const { story, template, size, theme } = parseCardParams(params);
    const spec: CardSpec = { story, template, theme };
    cardFingerprint({ ...spec, size }); // 400 now for an unknown template or a size it does not draw
    const hash = await cardHash(spec);
    return serveCard(c, hash, size, async () => spec, AD_HOC);
  });
