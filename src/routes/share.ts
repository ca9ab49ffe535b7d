// GET /s/:slug: the page link-preview crawlers read (og:/twitter: tags naming the card) and people pass through.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { TemplateRegistry } from '../render/registry.ts';
import { DEFAULT_BRAND } from '../render/theme.ts';
import { type ImageFormat, MIME, SIZES, type SizeName } from '../render/types.ts';
import { type CardSpec, type CardStore, cardHash, cardPath } from '../storage/cards.ts';
import {
  deploymentOf,
  keepSharePage,
  readSharePage,
  type SharePage,
  type ShareVariant,
  shareCacheKey,
  shareCacheTag,
} from '../storage/share-cache.ts';
import type { StoryRecord } from '../storage/stories.ts';
import { SUFFIX, sharePath } from '../story/slug.ts';
import { apiRouter } from './api.ts';
import { type AppEnv, afterResponse } from './context.ts';
import { campaignUrl, redirectPage, variantOf } from './share-redirect.ts';

const TWITTER_ALT_MAX = 420; // X's limit for image alt text

function clip(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** og:description: the quote (attributed), else a line saying where the story is. */
function description(r: StoryRecord): string {
  const { quote, quoteAuthor, siteName, url } = r.story;
  if (quote) return quoteAuthor ? `“${quote}” — ${quoteAuthor}` : `“${quote}”`;
  const where = siteName ?? (url ? new URL(url).hostname : undefined);
  return where ? `Read the full story on ${where}.` : r.story.headline;
}

function altText(r: StoryRecord): string {
  const { headline, quote, quoteAuthor } = r.story;
  const q = quote ? ` — “${quote}”${quoteAuthor ? ` ${quoteAuthor}` : ''}` : '';
  return clip(`Card: ${headline}${q}`, TWITTER_ALT_MAX);
}

/**
 * Every story string goes through hono/html's escaping (&, <, >, ", ' in text and attributes). No inline script:
 * the Content-Security-Policy forbids all script, so even a missed escape could not run.
 */
/** The size X's summary_large_image shows uncropped (2:1); a template without it falls back to og. */
const xSize = (r: StoryRecord, templates: TemplateRegistry): SizeName =>
  templates.sizesOf(r.template).includes('x') ? 'x' : 'og';

type Formats = Record<'og' | 'x', ImageFormat>;

/**
 * The format `auto` chose for the og and x cards. Usually recorded by the pre-render when the story was created; if
 * not (yet), rendered now through the store (kept, so the crawler's image fetch a moment later reads R2). A render
 * that fails or misses its image still names a format (its own, or PNG), but `settled` is false: such a page must not
 * be kept, since the card's format may change once the image loads.
 */
async function autoFormats(cards: CardStore, hash: string, r: StoryRecord): Promise<Formats & { settled: boolean }> {
  const known = await cards.autoFormats(hash);
  const spec: CardSpec = { story: r.story, template: r.template, theme: r.theme };
  let settled = true;
  const pick = async (size: SizeName): Promise<ImageFormat> => {
    const recorded = known[size];
    if (recorded) return recorded;
    try {
      const file = await cards.file(hash, size, 'auto', async () => spec);
      if (!file?.complete) settled = false;
      return file?.format ?? 'png';
    } catch (error) {
      settled = false;
      console.error(`share: rendering card ${hash} at ${size} failed; naming the PNG:`, error);
      return 'png';
    }
  };
  const og = await pick('og');
  const x = xSize(r, cards.templates) === 'og' ? og : await pick('x');
  return { og, x, settled };
}

function page(r: StoryRecord, base: string, hash: string, formats: Formats, templates: TemplateRegistry) {
  const s = r.story;
  const shareUrl = `${base}${sharePath(r.slug)}`;
  const og = `${base}${cardPath(hash, 'og', formats.og)}`;
  const x = `${base}${cardPath(hash, xSize(r, templates), formats.x)}`;
  const alt = altText(r);
  const desc = description(r);
  const siteName = s.siteName ?? r.theme?.siteName;
  const https = og.startsWith('https:');
  // og:locale is language_TERRITORY; a bare language ("en") has no honest spelling there, so it is left out.
  const locale = s.lang && /^[a-z]{2,3}-[A-Z]{2}$/.test(s.lang) ? s.lang.replace('-', '_') : undefined;
  return html`<!doctype html>
<html lang="${s.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s.headline}</title>
<meta name="description" content="${desc}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${s.url ?? shareUrl}">
<meta name="theme-color" content="${r.theme?.brandColor ?? DEFAULT_BRAND}">
<meta property="og:type" content="article">
<meta property="og:title" content="${s.headline}">
<meta property="og:description" content="${desc}">
<meta property="og:url" content="${shareUrl}">
${siteName ? html`<meta property="og:site_name" content="${siteName}">\n` : ''}${locale ? html`<meta property="og:locale" content="${locale}">\n` : ''}<meta property="og:image" content="${og}">
${https ? html`<meta property="og:image:secure_url" content="${og}">\n` : ''}<meta property="og:image:type" content="${MIME[formats.og]}">
<meta property="og:image:width" content="${SIZES.og.width}">
<meta property="og:image:height" content="${SIZES.og.height}">
<meta property="og:image:alt" content="${alt}">
${s.publishedAt ? html`<meta property="article:published_time" content="${s.publishedAt}">\n` : ''}${s.author ? html`<meta property="article:author" content="${s.author}">\n` : ''}${(s.tags ?? []).map((t) => html`<meta property="article:tag" content="${t}">\n`)}<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${s.headline}">
<meta name="twitter:description" content="${desc}">
<meta name="twitter:image" content="${x}">
<meta name="twitter:image:alt" content="${alt}">
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}img{max-width:100%;height:auto}</style>
</head>
<body>
<main>
<h1>${s.headline}</h1>
${s.quote ? html`<blockquote><p>${s.quote}</p>${s.quoteAuthor ? html`<footer>— ${s.quoteAuthor}</footer>` : ''}</blockquote>\n` : ''}<p><a href="${s.url ?? shareUrl}">Read the story${siteName ? html` on ${siteName}` : ''} →</a></p>
<img src="${og}" width="${SIZES.og.width}" height="${SIZES.og.height}" alt="${alt}">
</main>
</body>
</html>
`;
}

const notFoundPage = (slug: string) => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Story not found</title></head>
<body><h1>Story not found</h1><p>There is no story at <code>/s/${slug}</code>. It may have been removed.</p></body></html>
`;

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

// What clients may keep: a minute, so an edit reaches a crawler that re-reads soon. The edge keeps its own copy for
// SHARE_CACHE_TTL (src/storage/share-cache.ts), and people's redirects are re-checked as often.
const CLIENT_CACHE = 'public, max-age=60';
// A missing page is kept at most a minute at the edge: a slug asked for before it existed must not stay missing long.
const NOT_FOUND_TTL = 60;

/**
 * The page from D1: the record by slug, the card address recomputed (and registered when a template moved it), and
 * whether it may be kept (`settled`: false while a card it names was drawn without its image).
 */
async function fromD1(
  c: Context<AppEnv>,
  slug: string,
  variant: ShareVariant,
): Promise<{ page: SharePage; settled: boolean }> {
  const record = await c.var.stories.bySlug(slug);
  if (!record) return { page: { status: 404, html: (await notFoundPage(slug)).toString() }, settled: true };
  // A person only needs the article; a story without one shows its page to everyone.
  if (variant === 'person' && record.story.url) {
    return { page: { status: 302, html: '', article: record.story.url }, settled: true };
  }
  // Recomputed on each render, so a template or font update moves the page to the new address at once.
  const spec = { story: record.story, template: record.template, theme: record.theme };
  const hash = await cardHash(spec, c.var.templates);
  if (hash !== record.cardHash) {
    await c.var.cards.register(hash, spec, record.id);
    await c.var.stories.setCardHash(record.id, hash);
  }
  const { settled, ...formats } = await autoFormats(c.var.cards, hash, record);
  return {
    page: { status: 200, html: (await page(record, c.var.baseUrl, hash, formats, c.var.templates)).toString() },
    settled,
  };
}

/** The same answer from the cache or from D1; only Server-Timing says which (`cache` or `d1;dur=…`). */
async function answer(c: Context<AppEnv>, p: SharePage, serverTiming: string): Promise<Response> {
  c.header('Vary', 'User-Agent');
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  c.header('Cache-Control', CLIENT_CACHE);
  c.header('Server-Timing', serverTiming);
  if (p.status === 302 && p.article) {
    const to = campaignUrl(p.article, c.var.config.share.redirectQuery, new URL(c.req.url).searchParams);
    c.header('Location', to);
    return c.html(await redirectPage(to), 302);
  }
  return c.html(p.html, p.status === 404 ? 404 : 200);
}

/**
 * Crawlers get the tags, people a 302 to the article. Both come from this location's edge cache when it has them,
 * so a viral story reads D1 about once per location and variant per SHARE_CACHE_TTL, not once per view.
 */
const route = createRoute({
  method: 'get',
  path: '/s/{slug}',
  summary: 'Share page: Open Graph and Twitter tags for crawlers; people get a 302 to the article',
  security: [],
  request: { params: z.object({ slug: z.string() }) },
  responses: {
    200: { description: 'HTML with the tags (crawlers; Server-Timing: cache or d1;dur=…)' },
    302: { description: 'People: Location is the article, with SHARE_REDIRECT_QUERY and the link’s utm_*' },
    404: { description: 'HTML: no such story' },
  },
});

/**
 * Where a slug no story has points, if anywhere: the story whose slug ends in the same random suffix (the words
 * are for people; an older spelling of them keeps working), as a 301 to its share URL.
 */
async function moved(c: Context<AppEnv>, slug: string): Promise<Response | undefined> {
  const suffix = SUFFIX.exec(slug)?.[1];
  const record = suffix ? await c.var.stories.bySuffix(suffix) : null;
  if (!record || record.slug === slug) return undefined;
  const to = `${c.var.baseUrl}${sharePath(record.slug)}${new URL(c.req.url).search}`;
  c.header('Cache-Control', CLIENT_CACHE);
  return c.redirect(to, 301);
}

export const share = apiRouter().openapi(route, async (c) => {
  // NFC, as slugs are made: a client that sends the decomposed form (é as e + ◌́) finds the same story.
  const slug = c.req.valid('param').slug.normalize('NFC');
  const variant = variantOf(c.req.header('User-Agent'));
  const ttl = c.var.config.share.cacheTtl;
  const key = shareCacheKey(c.var.baseUrl, slug, variant, deploymentOf(c.env));
  const cached = ttl > 0 ? await readSharePage(key) : undefined;
  if (cached) return answer(c, cached, 'cache');
  const started = performance.now();
  const { page: fresh, settled } = await fromD1(c, slug, variant);
  if (fresh.status === 404) {
    const redirect = await moved(c, slug);
    if (redirect) return redirect;
  }
  const timing = `d1;dur=${(performance.now() - started).toFixed(1)}`;
  // A page naming a card drawn without its image is not kept: the next view names the card once the image loads.
  if (ttl > 0 && settled) {
    const keep = fresh.status === 404 ? Math.min(ttl, NOT_FOUND_TTL) : ttl;
    await afterResponse(c, keepSharePage(key, fresh, keep, shareCacheTag(slug)));
  }
  return answer(c, fresh, timing);
});
