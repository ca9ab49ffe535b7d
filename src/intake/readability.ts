// Mozilla's Readability over a linkedom document, minus the per-call selector compiling that dominated its time.
import { Readability } from '@mozilla/readability';
import type { Doc, El } from './html-dom.ts';

/**
 * What `node.querySelectorAll(tagNames.join(','))` returns, walked by hand. Readability asks for elements by tag
 * name ~20 times per read and once more for every paragraph (its "remove empty paragraphs" pass); linkedom
 * compiles a CSS selector on every such call and caches none, which was a third of Readability's time on a page
 * of 5,000 <p>s. Same elements, same document order: tag names compare lower-cased, as CSS does in HTML (Readability
 * creates its own "DIV"s), and a <template>'s content is skipped, as linkedom's querySelectorAll skips it.
 */
export function elementsByTagNames(node: Doc | El, tagNames: string[]): El[] {
  const out: El[] = [];
  collect(node, wantedSet(tagNames), out);
  return out;
}
// Readability asks for a handful of tag lists, thousands of times: one Set for each.
const wantedSets = new Map<string, Set<string>>();
function wantedSet(tagNames: string[]): Set<string> {
  const key = tagNames.join(',');
  let wanted = wantedSets.get(key);
  if (!wanted) {
    wanted = new Set(tagNames.map((t) => t.toLowerCase()));
    wantedSets.set(key, wanted);
  }
  return wanted;
}
// Plain functions and classes rather than closures made per call: bundlers that keep function names (esbuild's
// keepNames, which wrangler turns on) add a defineProperty call to every closure created.
function collect(parent: Doc | El, wanted: Set<string>, out: El[]): void {
  for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
    const name = el.localName.toLowerCase();
    if (wanted.has(name)) out.push(el);
    if (name !== 'template') collect(el, wanted, out);
  }
}

/** What Readability's visibility test reads of a node, when the node has no style attribute. */
class StylelessView {
  readonly style = undefined;
  readonly node: El;
  constructor(node: El) {
    this.node = node;
  }
  hasAttribute(name: string): boolean {
    return this.node.hasAttribute(name);
  }
  getAttribute(name: string): string | null {
    return this.node.getAttribute(name);
  }
  get className(): string {
    return this.node.className;
  }
}

export interface ReadArticle {
  /** The article's element (detached from the page), not HTML to parse a second time. */
  content: El;
  byline: string | undefined;
}

/** Readability's article from `document`, which it mutates; null when it finds none. May throw on degenerate trees. */
export function readArticle(document: Doc): ReadArticle | null {
  const reader = new Readability<El>(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
    serializer: (el) => el as unknown as El,
  });
  // Readability 0.6.0's own helper (one method, pinned version): replaced on this instance only. Were it renamed
  // in a later version, this would do nothing and reads would only be slower.
  (reader as unknown as { _getAllNodesWithTag: typeof elementsByTagNames })._getAllNodesWithTag = elementsByTagNames;
  // Readability reads node.style for every element it walks, and linkedom answers by building a CSSStyleDeclaration
  // proxy for that element and parsing its style attribute. Without the attribute there is nothing to read (display
  // and visibility are ""), so the test is put to a view of the node with no style at all, as for SVG nodes.
  const internals = reader as unknown as { _isProbablyVisible: (node: El | StylelessView) => boolean };
  const isProbablyVisible = internals._isProbablyVisible;
  internals._isProbablyVisible = function (this: unknown, node) {
    return isProbablyVisible.call(this, node.hasAttribute('style') ? node : new StylelessView(node as El));
  };
  const parsed = reader.parse();
  return parsed?.content ? { content: parsed.content, byline: parsed.byline ?? undefined } : null;
}
