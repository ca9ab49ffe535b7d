// HTML → Article: the page's own metadata first (JSON-LD, Open Graph, canonical), then Readability for the body.
// linkedom's worker build: one self-contained ES module without the optional `canvas` require, so the
// same DOM runs in Node and in workerd (no DOM globals there).
import { parseHTML } from 'linkedom/worker';
import { normalizeText } from '../story/normalize.ts';
import { prepareHtml } from './budget.ts';
import { toIsoDate } from './dates.ts';
import { type HeadlineCandidate, pickHeadline } from './headline.ts';
import { finishByline, readPageByline } from './html-byline.ts';
import {
  absolute,
  blockquote,
  blocksOf,
  canonicalHref,
  contentLanguage,
  type Doc,
  type El,
  type Head,
  headOf,
  meta,
  text,
  timeDatetime,
} from './html-dom.ts';
import { readJsonLd } from './jsonld.ts';
import { canonicalLang } from './lang.ts';
import { readArticle } from './readability.ts';
import { type SiteNames, siteKeys } from './site.ts';
import { parseable } from './soup.ts';
import type { Article, Block } from './types.ts';

// Headings that are the site's, not the article's: in a link (the logo links home), or marked so.
const BRANDING = /logo|brand|site[-_]?(title|name|header)|masthead|hidden|hide-text|sr-only|section-?name|sectionname/i;
const NOT_ARTICLE = [
  'blockquote.twitter-tweet',
  'blockquote.twitter-video',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  '.fb-post',
  '.fb-xfbml-parse-ignore',
  '#comments',
  '#disqus_thread',
  '#respond',
  '.comments',
  '.comment-list',
  '.commentlist',
  '.comments-area',
  '.comment-section',
].join(', ');
const HEADINGS =
  '[itemprop="headline"], .headline, .entry-title, .entry__title, .article-title, .article__title, .post-title, .story-title';

function branded(el: El): boolean {
  if (el.closest('a')) return true;
  for (let e: El | null = el, i = 0; e && i < 3; e = e.parentElement, i++)
    if (BRANDING.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`)) return true;
  return false;
}

/** Every place the page states its headline, in order of trust (the order ties fall back to). */
function headlineCandidates(doc: Doc, head: Head, ldHeadline: string | undefined): HeadlineCandidate[] {
  const out: HeadlineCandidate[] = [];
  const add = (t: string | undefined, source: HeadlineCandidate['source'], isBranded = false) => {
    if (t) out.push({ text: normalizeText(t), source, branded: isBranded });
  };
  add(ldHeadline, 'jsonld');
  add(meta(head, 'og:title'), 'og');
  add(meta(head, 'twitter:title'), 'twitter');
  const h1s = [...doc.querySelectorAll('h1')].slice(0, 6);
  const articleH1 = h1s.find((h) => h.closest('article'));
  for (const h of articleH1 ? [articleH1, ...h1s.filter((x) => x !== articleH1)] : h1s)
    add(text(h), h === articleH1 ? 'h1' : 'heading', branded(h));
  for (const h of [...doc.querySelectorAll(HEADINGS)].filter((e) => e.tagName !== 'H1').slice(0, 3))
    add(text(h), 'heading', branded(h));
  add(text(head.title), 'title');
  return out;
}

const hostOf = (u: string | undefined): string | undefined => {
  try {
    return u ? new URL(u).hostname : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Text with no element at all (JSON, or words, sent as text/html) parses to a document without a root element,
 * whose document.body linkedom then dereferences: such text gets a root, and reads as a page without a headline.
 */
function parsePage(html: string) {
  const parsed = parseHTML(html).document;
  return parsed.documentElement ? parsed : parseHTML(`<html><body>${html}</body></html>`).document;
}

/** Read an HTML page. `url` (where it was fetched from) resolves relative canonical links. */
export function readHtml(page: string, url?: string): Article {
  const prepared = prepareHtml(page);
  const html = parseable(prepared.html);
  const document = parsePage(html);
  // linkedom gives every character reference its own text node (a <p> of five &#x41;s is five nodes, where a
  // browser makes one), and each later walk, Readability's and ours, pays for every node: merge them first.
  document.normalize();
  const ld = readJsonLd(prepared.jsonLd);
  const head = headOf(document);
  const siteName = meta(head, 'og:site_name') ?? ld.publisher ?? meta(head, 'application-name');
  const pageUrl =
    absolute(canonicalHref(head), url ?? meta(head, 'og:url')) ??
    absolute(meta(head, 'og:url'), url) ??
    absolute(ld.url, url) ??
    url;
  const site: SiteNames = { siteName, publisher: ld.publisher, host: hostOf(pageUrl) };
  const headline = pickHeadline(headlineCandidates(document, head, ld.headline), site);
  const lang =
    canonicalLang(document.documentElement?.getAttribute('lang')) ??
    canonicalLang(meta(head, 'og:locale')) ??
    canonicalLang(ld.inLanguage) ??
    canonicalLang(contentLanguage(head));
  const published =
    toIsoDate(ld.datePublished) ??
    toIsoDate(meta(head, 'article:published_time')) ??
    toIsoDate(meta(head, 'datePublished')) ??
    toIsoDate(meta(head, 'date')) ??
    toIsoDate(timeDatetime(head));
  const bylineContext = { site: siteKeys(site) };
  // The author <meta> under the names CMSs give it (NYT's "byl", Parse.ly, Sailthru, Dublin Core, Highwire).
  const metaAuthor = [
    'author',
    'article:author',
    'byl',
    'parsely-author',
    'sailthru.author',
    'dc.creator',
    'DC.creator',
    'citation_author',
  ]
    .map((k) => meta(head, k))
    .find((v) => v && !/^https?:/i.test(v));
  const pageByline = readPageByline(document, ld, metaAuthor, bylineContext);
  const imageUrl = absolute(meta(head, 'og:image') ?? ld.image, pageUrl);

  // Embedded posts (tweets, Instagram, TikTok, Facebook) and comment sections are not the article's quotations.
  // (A selector pass over the whole DOM costs; most pages have none of these, which one scan of the source tells.)
  if (/twitter-(?:tweet|video)|instagram-media|tiktok-embed|fb-(?:post|xfbml)|comment|disqus|respond/i.test(html))
    for (const el of document.querySelectorAll(NOT_ARTICLE)) el.remove();
  // Readability drops <footer>s, even inside a blockquote, so note each blockquote's cite beforehand.
  const cites = new Map<string, string>();
  for (const el of document.querySelectorAll('blockquote')) {
    const b = blockquote(el);
    if (b.cite) cites.set(b.text, b.cite);
  }
  // Readability mutates the document it reads, so it runs last; a page it cannot read falls back to all blocks.
  let blocks: Block[] = [];
  let readabilityByline: string | undefined;
  try {
    const article = readArticle(document);
    readabilityByline = article?.byline;
    if (article) blocks = blocksOf(article.content);
  } catch {
    // Readability throws on some degenerate trees; the fallback below still reads the page.
  }
  if (blocks.filter((b) => b.kind === 'p').length === 0) {
    const again = parsePage(html);
    for (const el of again.querySelectorAll('script, style, nav, header, footer, aside, form, noscript')) el.remove();
    blocks = blocksOf(again);
  }
  // The page's own <h1> repeated in the body is not a paragraph.
  blocks = blocks
    .filter((b) => b.text !== headline)
    .map((b) => (b.kind === 'blockquote' && !b.cite ? { ...b, cite: cites.get(b.text) } : b));
  const author = finishByline(pageByline, blocks, readabilityByline, bylineContext);
  return { headline, blocks, siteName, url: pageUrl, author, publishedAt: published, lang, imageUrl };
}
