// Who wrote the page: the byline's people, from the most trustworthy place that names any.
//
// Order: JSON-LD authors that are people; byline elements in the page (rel/itemprop author, .byline, .author…,
// in document order, outside <aside>/<nav>/<footer> where related stories keep their own bylines); the author
// <meta>; a byline line at the top or bottom of the body ("Von …, NDR", "Publicado por: …", "최윤호 기자",
// 【ロンドン＝岡田浩幸】, "(c)AFP/…"); Readability's guess last, and not at all when the page's own metadata
// says the author is an organisation (an agency's dispatch under a related story's byline). Editors are not
// authors: a name the page labels 责任编辑/编辑/Editor is dropped.

import { normalizeText } from '../story/normalize.ts';
import { type BylineContext, bylineNames } from './byline.ts';
import type { Doc, El } from './html-dom.ts';
import { text } from './html-dom.ts';
import type { JsonLdArticle } from './jsonld.ts';
import type { Block } from './types.ts';

const BYLINE_ELEMENTS =
  '[rel="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], [id*="byline" i], [class*="autor" i], [class*="firma" i], [class*="writer" i]';
const NAME_PARTS =
  'a[rel="author"], [itemprop="name"], a[href*="/author"], a[href*="/autor"], a[href*="/auteur"], a[href*="/by/"], a[href*="/authors/"], a[href*="/profile"]';
const EXPLICIT =
  /(?:^|[\s|·–—-])(?:by|von|par|por|door|texto?|текст|publicado por|publié par|un texte de|auteur|autor|author|حوار|بقلم)\s*[:：]?\s+\S/iu;
const ROLE_NAME =
  /(?:^|\s)(?:編集委員|論説委員|解説委員|特派員|編集長|記者)\s+([\p{Script=Han}\p{Script=Katakana}]{2,6})$/u;
const RELATED = /related|more|popular|recommend|teaser|also|trending|read|latest|most|newsletter|sidebar|widget/i;
const attributes = (el: El): string => [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
const EDITOR =
  /(责任编辑|責任編輯|编辑|編輯|編集|主编|editor|edited by|redakteur(?:in)?|redacteur|redattore|editado por|редактор|главен редактор)\s*[:：]?\s*$/iu;

/** Names from one byline element: its author links and name parts if it has them, else its text. */
function fromElement(el: El, ctx: BylineContext): string[] {
  // A name part of several ("By <span>A</span>, <span>B</span> and <span>C</span>"): read them all.
  let box = el;
  for (let up = el.parentElement, i = 0; up && i < 2 && text(up).length <= 250; up = up.parentElement, i++)
    if (up.querySelectorAll(NAME_PARTS).length > box.querySelectorAll(NAME_PARTS).length) box = up;
  const parts = [box, ...box.querySelectorAll(NAME_PARTS)].filter((e) => e.matches(NAME_PARTS));
  const names = [...new Set(parts.flatMap((p) => bylineNames(text(p), ctx)))];
  if (names.length) return names;
  const t = text(el);
  return t.length <= 250 ? bylineNames(t, ctx) : [];
}

/** A byline line in the body's first or last blocks, in the conventions of several languages. */
function fromBody(blocks: Block[], headings: string[], ctx: BylineContext): string[] {
  const lines = [...headings, ...blocks.slice(0, 6).map((b) => b.text), ...blocks.slice(-3).map((b) => b.text)];
  for (const line of lines) {
    if (line.length > 200) continue;
    const role = line.match(ROLE_NAME);
    if (role) return [role[1]!];
    const ko = line.match(
      /(?:^|[\s\]])(\p{Script=Hangul}{2,4})\s*기자(?:\s|$)|\[[^\]=]{1,20}=\s*(?:\S+\s+)?(\p{Script=Hangul}{2,4})(?:\s*기자|의)/u,
    );
    if (ko) return [(ko[1] ?? ko[2])!];
    const ja = line.match(/【[^＝=】]{1,12}[＝=]([\p{Script=Han}\p{Script=Katakana}]{2,6})】/u);
    if (ja) return [ja[1]!];
    const afp = line.match(/\(c\)\s*(?:AFP|AP|EFE|dpa)\/(.{3,40})$/iu);
    if (afp) return bylineNames(afp[1]!, ctx);
    if (EXPLICIT.test(line)) {
      const names = bylineNames(line.replace(/\s+(?:d'|d’|de la|du|of the|for)\s*\p{Lu}\S*$/u, ''), ctx);
      if (names.length) return names;
    }
  }
  return [];
}

/** What the page says before Readability rearranges it: metadata and byline elements, and the page's text. */
export interface PageByline {
  names: string[];
  /** The page's metadata names an organisation as the author. */
  organisation: boolean;
  headings: string[];
  pageText: string;
  /** Text of the page's <aside>, <nav> and <footer>: related stories, with their own bylines. */
  asideText: string;
}

/** Phase 1, on the untouched document: JSON-LD people, byline elements, the author <meta>. */
export function readPageByline(
  doc: Doc,
  ld: JsonLdArticle,
  metaAuthor: string | undefined,
  ctx: BylineContext,
): PageByline {
  // The page's text is taken now, before Readability rearranges the page, but normalised only if phase 2 asks (it
  // does when a byline names someone, in the page or in Readability's guess): on 300,000 characters that is ~10 ms.
  const rawText = doc.body?.textContent ?? '';
  let pageText: string | undefined;
  const page: PageByline = {
    names: [],
    organisation: ld.organisationAuthor,
    headings: [...doc.querySelectorAll('h1')].slice(0, 3).map((h) => text(h)),
    get pageText() {
      pageText ??= normalizeText(rawText);
      return pageText;
    },
    asideText: [...doc.querySelectorAll('aside, nav, footer')].map((e) => text(e)).join('\n'),
  };
  page.names = ld.authors.flatMap((a) => bylineNames(a, ctx));
  if (page.names.length) return page;
  // Outside <aside>/<nav>/<footer> first; then in an <aside> that is not a list of related stories (some sites
  // keep the article's own byline in a meta <aside>).
  const elements = [...doc.querySelectorAll(BYLINE_ELEMENTS)].filter(
    (el) => !/^(BODY|HTML|META|LINK)$/.test(el.tagName),
  );
  const inAside = (el: El) => el.closest('aside, nav, footer');
  const related = (el: El) => {
    const box = inAside(el);
    return box?.tagName !== 'ASIDE' || !!el.closest('li') || RELATED.test(attributes(box));
  };
  for (const el of [...elements.filter((e) => !inAside(e)), ...elements.filter((e) => !related(e))]) {
    page.names = fromElement(el, ctx);
    if (page.names.length) return page;
    if (el.matches('[itemprop~="author"], [rel="author"]') && text(el).length < 60) page.organisation = true;
  }
  if (metaAuthor && !/^https?:/i.test(metaAuthor)) page.names = bylineNames(metaAuthor, ctx);
  return page;
}

/** Phase 2, with the body read: a byline line in it, else Readability's guess; editors dropped. */
export function finishByline(
  page: PageByline,
  blocks: Block[],
  readabilityByline: string | undefined,
  ctx: BylineContext,
): string | undefined {
  let names = page.names;
  if (!names.length) names = fromBody(blocks, page.headings, ctx);
  if (!names.length && readabilityByline && !page.organisation) {
    // Readability looks for bylines everywhere; one that only a related story in an <aside> carries is not ours.
    const count = (hay: string, name: string) => hay.split(name).length - 1;
    names = bylineNames(readabilityByline, ctx).filter((n) => count(page.pageText, n) > count(page.asideText, n));
  }
  const authors = names.filter((name) => {
    // An editor, not an author: the page labels this name 责任编辑 / Editor.
    for (let i = page.pageText.indexOf(name); i >= 0; i = page.pageText.indexOf(name, i + 1))
      if (EDITOR.test(page.pageText.slice(Math.max(0, i - 16), i))) return false;
    return true;
  });
  return authors.length ? authors.join(', ') : undefined;
}
