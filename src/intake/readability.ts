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
  const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
  const out: El[] = [];
  const walk = (parent: Doc | El): void => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      const name = el.localName.toLowerCase();
      if (wanted.has(name)) out.push(el);
      if (name !== 'template' && el.firstElementChild) walk(el);
    }
  };
  walk(node);
  return out;
}

/** What Readability's visibility test reads of a node, when the node has no style attribute. */
interface StylelessView {
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  readonly className: string;
}
const styleless = (node: El): StylelessView => ({
  hasAttribute: (name) => node.hasAttribute(name),
  getAttribute: (name) => node.getAttribute(name),
  get className() {
    return node.className;
  },
});

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
    return isProbablyVisible.call(this, node.hasAttribute('style') ? node : styleless(node as El));
  };
  const parsed = reader.parse();
  return parsed?.content ? { content: parsed.content, byline: parsed.byline ?? undefined } : null;
}
