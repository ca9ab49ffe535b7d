// Share pages at the edge: each location keeps the rendered page in its Workers Cache, and an edit purges it.
import type { Config } from '../config.ts';
import { edgeCache } from './cards.ts';

/** Crawlers get the tags, people a redirect: two answers behind one URL, so two cache entries, never mixed. */
export type ShareVariant = 'crawler' | 'person';
export const SHARE_VARIANTS: readonly ShareVariant[] = ['crawler', 'person'];

/** What a share URL answers, as kept: the page for crawlers (200 or 404), or the article a person is sent to. */
export interface SharePage {
  status: 200 | 302 | 404;
  /** The HTML (crawlers, and the 404 page for both); empty for a redirect. */
  html: string;
  /** The article's URL as stored, before campaign parameters (302 only). */
  article?: string;
}

/**
 * The deployment serving this request. Keys carry it, so a deploy (new templates, new page markup) starts from an
 * empty share cache everywhere at once, with no purge. Locally wrangler draws a new id at each (re)start.
 */
export function deploymentOf(env: Env): string {
  return (env as Partial<Env>).CF_VERSION_METADATA?.id ?? 'unversioned';
}

/**
 * A synthetic URL on our own host: the share path, the variant and the deployment. The query string a visitor
 * arrived with is not part of it (campaign parameters must not split the cache; they are applied when serving).
 */
export function shareCacheKey(baseUrl: string, slug: string, variant: ShareVariant, deployment: string): Request {
  const q = new URLSearchParams({ variant, deployment });
  return new Request(`${baseUrl}/s/${encodeURIComponent(slug)}?${q}`);
}

/** The tag Cloudflare's purge-by-tag API finds a story's pages by, in every variant and deployment. */
export function shareCacheTag(slug: string): string | undefined {
  // Percent-encoded as on the wire: slugs keep the headline's script, and Cache-Tag is printable ASCII without
  // spaces or commas, ≤ 1,024 characters (60 characters of any script encode to at most 720).
  const tag = `storycard-share-${encodeURIComponent(slug)}`;
  return /^[\x21-\x2b\x2d-\x7e]{1,1024}$/.test(tag) ? tag : undefined;
}

const STATUS = 'X-Storycard-Status';
const ARTICLE = 'X-Storycard-Article';

export async function readSharePage(key: Request): Promise<SharePage | undefined> {
  const hit = await edgeCache()?.match(key);
  if (!hit) return undefined;
  const status = Number(hit.headers.get(STATUS));
  if (status !== 200 && status !== 302 && status !== 404) return undefined;
  const article = hit.headers.get(ARTICLE) ?? undefined;
  return { status, html: await hit.text(), ...(article ? { article } : {}) };
}

/**
 * Keep a page for `ttl` seconds at this location. Stored as a plain 200 whatever it answers (the real status and
 * the article ride in headers): no cache has to agree with us on how long a 302 or a 404 may be kept.
 */
export function keepSharePage(key: Request, page: SharePage, ttl: number, tag: string | undefined): Promise<void> {
  const cache = edgeCache();
  if (!cache || ttl <= 0) return Promise.resolve();
  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': `public, max-age=${ttl}`,
    [STATUS]: String(page.status),
  });
  if (page.article) headers.set(ARTICLE, page.article);
  if (tag) headers.set('Cache-Tag', tag);
  return cache.put(key, new Response(page.html, { headers }));
}

export interface PurgeReport {
  /** Entries deleted from this location's cache (this deployment, both variants). */
  local: number;
  /** The other locations: told through Cloudflare's API, not configured, or the call failed (logged). */
  global: 'purged' | 'off' | 'failed';
}

/**
 * Forget a story's share page after an edit or a deletion. `cache.delete` only reaches the location this request
 * runs in; every other location is reached by Cloudflare's purge by tag when CLOUDFLARE_ZONE_ID and
 * CLOUDFLARE_PURGE_TOKEN are set, and otherwise keeps its copy until it expires (SHARE_CACHE_TTL). Never throws:
 * the edit is already stored, and a failed purge only means a copy lives out its (short) TTL.
 */
export async function purgeSharePage(env: Env, config: Config, baseUrl: string, slug: string): Promise<PurgeReport> {
  const cache = edgeCache();
  const deployment = deploymentOf(env);
  const deleted = cache
    ? await Promise.all(SHARE_VARIANTS.map((v) => cache.delete(shareCacheKey(baseUrl, slug, v, deployment))))
    : [];
  const local = deleted.filter(Boolean).length;
  const tag = shareCacheTag(slug);
  if (!config.share.purge || !tag) return { local, global: 'off' };
  return { local, global: (await purgeByTag(config.share.purge, tag)) ? 'purged' : 'failed' };
}

const PURGE_TIMEOUT_MS = 5000;

/** POST /zones/:zone/purge_cache {tags} (https://developers.cloudflare.com/api/resources/cache/methods/purge/). */
async function purgeByTag(purge: NonNullable<Config['share']['purge']>, tag: string): Promise<boolean> {
  const url = `${purge.apiBaseUrl}/zones/${purge.zoneId}/purge_cache`;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${purge.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags: [tag] }),
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => null)) as { success?: boolean; errors?: unknown } | null;
    if (res.ok && body?.success) return true;
    console.error(`share cache: purging ${tag} failed: HTTP ${res.status} ${JSON.stringify(body?.errors ?? body)}`);
  } catch (error) {
    console.error(`share cache: purging ${tag} failed:`, error);
  }
  return false;
}
