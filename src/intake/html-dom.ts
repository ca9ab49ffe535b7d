// DOM helpers for reading pages: element text, metadata lookups, URLs, and the body as a list of blocks.
import type { parseHTML } from 'linkedom/worker';
import { normalizeText } from '../story/normalize.ts';
import { isFurniture } from './furniture.ts';
import type { Block } from './types.ts';

export type Doc = ReturnType<typeof parseHTML>['document'];
export type El = NonNullable<ReturnType<Doc['querySelector']>>;

export const text = (el: El | null | undefined): string => (el ? normalizeText(el.textContent ?? '') : '');

/**
 * The page's <meta>, <link>, <time> and <title> elements in document order, from one walk. linkedom keeps no
 * index, so each of the twenty-odd metadata lookups below would otherwise walk every node of the document.
 */
export interface Head {
  metas: El[];
  links: El[];
  times: El[];
  title: El | null;
}
export function headOf(doc: Doc): Head {
  const head: Head = { metas: [], links: [], times: [], title: null };
  for (const el of doc.querySelectorAll('meta, link, time, title')) {
    if (el.tagName === 'META') head.metas.push(el);
    else if (el.tagName === 'LINK') head.links.push(el);
    else if (el.tagName === 'TIME') head.times.push(el);
    else head.title ??= el;
  }
  return head;
}
const value = (el: El | undefined, name: string): string | undefined => el?.getAttribute(name)?.trim() || undefined;
/** What CSS [name="value" i] matches (and [rel=…], which HTML compares ignoring case). */
const sameIgnoringCase = (a: string | null, lower: string): boolean =>
  a !== null && a.length === lower.length && a.toLowerCase() === lower;

/** The content of the first <meta> whose property, name or itemprop is `key` (case-sensitive, as in CSS). */
export const meta = (head: Head, key: string): string | undefined =>
  value(
    head.metas.find(
      (m) => m.getAttribute('property') === key || m.getAttribute('name') === key || m.getAttribute('itemprop') === key,
    ),
    'content',
  );
/** link[rel="canonical"]'s href. */
export const canonicalHref = (head: Head): string | undefined =>
  value(
    head.links.find((l) => sameIgnoringCase(l.getAttribute('rel'), 'canonical')),
    'href',
  );
/** meta[http-equiv="content-language" i]'s content. */
export const contentLanguage = (head: Head): string | undefined =>
  value(
    head.metas.find((m) => sameIgnoringCase(m.getAttribute('http-equiv'), 'content-language')),
    'content',
  );
/** time[datetime]'s datetime. */
export const timeDatetime = (head: Head): string | undefined =>
  value(
    head.times.find((t) => t.hasAttribute('datetime')),
    'datetime',
  );

export function absolute(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** "— Sam Altman (@sama)" lines and <cite>/<footer> inside a blockquote name the speaker. */
export function blockquote(el: El): Block {
  // A pull quote's speaker: <cite>/<footer> inside it, or the <figcaption> of the <figure> around it.
  const figure = el.parentElement?.tagName === 'FIGURE' ? el.parentElement : null;
  const citeEl = el.querySelector('cite, footer, figcaption') ?? figure?.querySelector(':scope > figcaption') ?? null;
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

/** el.parentElement?.closest('blockquote'), without compiling a selector for every block (linkedom caches none). */
function insideBlockquote(el: El): boolean {
  for (let up = el.parentElement; up; up = up.parentElement) if (up.tagName === 'BLOCKQUOTE') return true;
  return false;
}

/** Body blocks in reading order: paragraphs, list items, headings and blockquotes (not their inner <p>s). */
export function blocksOf(root: El | Doc): Block[] {
  const out: Block[] = [];
  // <q> draws its quotation marks with CSS: give its text real ones, so "<q>…</q>, she said" reads as speech.
  for (const q of root.querySelectorAll('q')) q.textContent = `“${q.textContent ?? ''}”`;
  for (const el of root.querySelectorAll('p, li, blockquote, h2, h3, h4, h5, h6, pre')) {
    if (insideBlockquote(el)) continue;
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
