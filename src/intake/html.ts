// HTML → Article: the page's own metadata first (JSON-LD, Open Graph, canonical), then Readability for the body.
import { Readability } from '@mozilla/readability';
// linkedom's worker build: one self-contained ES module without the optional `canvas` require, so the
// same DOM runs in Node and in workerd (no DOM globals there).
import { parseHTML } from 'linkedom/worker';
import { StorycardError } from '../errors.ts';
import { normalizeText } from '../story/normalize.ts';
import { toIsoDate } from './dates.ts';
import { isFurniture } from './furniture.ts';
import { readJsonLd } from './jsonld.ts';
import { canonicalLang } from './lang.ts';
import type { Article, Block } from './types.ts';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

const text = (el: El | null | undefined): string => (el ? normalizeText(el.textContent ?? '') : '');
const attr = (doc: Doc, selector: string, name: string): string | undefined =>
  doc.querySelector(selector)?.getAttribute(name)?.trim() || undefined;
const meta = (doc: Doc, key: string): string | undefined =>
  attr(doc, `meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`, 'content');

function absolute(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

// Colons are headline punctuation ("Retraites : …"), not site separators.
const SEPARATOR = /\s+[|–—·-]{1,2}\s+/u;
const wordsIn = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** "Headline | Site" or "Site - Headline" → "Headline", when the other part is the site or a short label. */
function stripSite(title: string, siteName: string | undefined): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const site = siteName?.toLowerCase();
  const last = parts.at(-1)!;
  const first = parts[0]!;
  if (site && last.toLowerCase() === site) return parts.slice(0, -1).join(' - ');
  if (site && first.toLowerCase() === site) return parts.slice(1).join(' - ');
  const head = parts.slice(0, -1).join(' | ');
  return wordsIn(last) <= 3 && wordsIn(head) >= 3 && !/[.?!]$/.test(last)
    ? title.slice(0, title.lastIndexOf(last)).replace(/[\s|–—·:-]+$/u, '')
    : title;
}

/** "— Sam Altman (@sama)" lines and <cite>/<footer> inside a blockquote name the speaker. */
function blockquote(el: El): Block {
  const citeEl = el.querySelector('cite, footer, figcaption');
  let cite = citeEl ? text(citeEl) : undefined;
  if (citeEl) citeEl.remove();
  let body = text(el);
  if (!cite) {
    const dash = body.match(/(?:\s|(?<=[.!?”"]))[—–―]\s*([^—–―]{2,120})$/u);
    if (dash) {
      cite = dash[1]!;
      body = body.slice(0, dash.index).trim();
    }
  }
  return { text: body, kind: 'blockquote', cite };
}

/** Body blocks in reading order: paragraphs, list items, headings and blockquotes (not their inner <p>s). */
function blocksOf(root: El | Doc): Block[] {
  const out: Block[] = [];
  for (const el of root.querySelectorAll('p, li, blockquote, h2, h3, h4, h5, h6, pre')) {
    if (el.parentElement?.closest('blockquote')) continue;
    if (el.tagName === 'BLOCKQUOTE') {
      const b = blockquote(el);
      if (b.text) out.push(b);
      continue;
    }
    if (el.tagName === 'LI' && el.querySelector('p')) continue;
    const t = text(el);
    if (!t || isFurniture(t)) continue;
    out.push({ text: t, kind: /^H\d$/.test(el.tagName) ? 'heading' : 'p' });
  }
  return out;
}

// DOM parsing and Readability both slow down with the square of nesting depth (100,000 nested <div>s take
// linkedom alone 15 s). No real article nests that deep, but tag soup can; so such pages lose their layout-only
// tags (div, span, font, tables…) before parsing, and pages still too deep are refused.
const MAX_DEPTH = 400;
const NOT_NESTING =
  /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|param|p|li|td|tr|th|dt|dd|option)$/i;
const LAYOUT_TAGS =
  /<\/?(?:div|span|section|font|center|table|thead|tbody|tfoot|tr|td|th|b|i|u|em|strong|small|big|a|nobr|main|header|footer|nav|aside)\b[^>]*>/gi;
function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (NOT_NESTING.test(m[2]!) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/** The HTML to parse: as given, or flattened when nested deeper than any article. */
function parseable(html: string): string {
  if (nestingDepth(html) <= MAX_DEPTH) return html;
  const flat = html.replace(LAYOUT_TAGS, ' ');
  const depth = nestingDepth(flat);
  if (depth > MAX_DEPTH) {
    throw new StorycardError(
      'invalid_request',
      `html: expected an article page nested at most ${MAX_DEPTH} elements deep, received one nested ${depth} deep`,
    );
  }
  return flat;
}

/** Read an HTML page. `url` (where it was fetched from) resolves relative canonical links. */
export function readHtml(page: string, url?: string): Article {
  const html = parseable(page);
  const { document } = parseHTML(html);
  const ld = readJsonLd(
    [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
  );
  const siteName = meta(document, 'og:site_name') ?? ld.publisher ?? meta(document, 'application-name');
  const h1 = text(document.querySelector('article h1') ?? document.querySelector('h1'));
  const titles = [
    ld.headline,
    meta(document, 'og:title'),
    meta(document, 'twitter:title'),
    h1,
    text(document.querySelector('title')),
  ];
  const headline = titles
    .map((t) => (t ? stripSite(normalizeText(t), siteName) : ''))
    .find((t) => t && t.toLowerCase() !== siteName?.toLowerCase());
  const pageUrl =
    absolute(attr(document, 'link[rel="canonical"]', 'href'), url ?? meta(document, 'og:url')) ??
    absolute(meta(document, 'og:url'), url) ??
    absolute(ld.url, url) ??
    url;
  const lang =
    canonicalLang(document.documentElement?.getAttribute('lang')) ??
    canonicalLang(meta(document, 'og:locale')) ??
    canonicalLang(ld.inLanguage) ??
    canonicalLang(attr(document, 'meta[http-equiv="content-language" i]', 'content'));
  const published =
    toIsoDate(ld.datePublished) ??
    toIsoDate(meta(document, 'article:published_time')) ??
    toIsoDate(meta(document, 'datePublished')) ??
    toIsoDate(meta(document, 'date')) ??
    toIsoDate(attr(document, 'time[datetime]', 'datetime'));
  const metaAuthor = meta(document, 'author') ?? meta(document, 'article:author');
  let author = ld.author ?? (metaAuthor && !/^https?:/i.test(metaAuthor) ? metaAuthor : undefined);
  const imageUrl = absolute(meta(document, 'og:image') ?? ld.image, pageUrl);

  // Readability drops <footer>s, even inside a blockquote, so note each blockquote's cite beforehand.
  const cites = new Map<string, string>();
  for (const el of document.querySelectorAll('blockquote')) {
    const b = blockquote(el);
    if (b.cite) cites.set(b.text, b.cite);
  }
  // Readability mutates the document it reads, so it runs last; a page it cannot read falls back to all blocks.
  let blocks: Block[] = [];
  if (nestingDepth(html) <= MAX_DEPTH)
    try {
      const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
      author ??= parsed?.byline ? normalizeText(parsed.byline).replace(/^(by|von|par|por|di)\s+/i, '') : undefined;
      if (parsed?.content) blocks = blocksOf(parseHTML(`<html><body>${parsed.content}</body></html>`).document);
    } catch {
      // Readability throws on some degenerate trees; the fallback below still reads the page.
    }
  if (blocks.filter((b) => b.kind === 'p').length === 0) {
    const again = parseHTML(html).document;
    for (const el of again.querySelectorAll('script, style, nav, header, footer, aside, form, noscript')) el.remove();
    blocks = blocksOf(again);
  }
  // The page's own <h1> repeated in the body is not a paragraph.
  blocks = blocks
    .filter((b) => b.text !== headline)
    .map((b) => (b.kind === 'blockquote' && !b.cite ? { ...b, cite: cites.get(b.text) } : b));
  return { headline, blocks, siteName, url: pageUrl, author, publishedAt: published, lang, imageUrl };
}
