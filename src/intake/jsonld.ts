// JSON-LD: pull headline, authors, dates and publisher out of a page's schema.org NewsArticle (or kin).
//
// Pages nest JSON-LD however their CMS likes (@graph, arrays of arrays, "author": [[[…3,000 deep…]]]), so every
// walk here is iterative with a depth limit: a block nested deeper than MAX_DEPTH is dropped as a whole and the
// page's other metadata is still read. (Recursion here overflowed the stack: a 500 from /api/extract.)
import { decodeHTML } from 'entities';

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNews|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|WebPage|Report|ScholarlyArticle)$/;
const PERSON_TYPES = /^Person$/i;

/** Nested deeper than any real page's metadata (real pages stay under 10). */
export const MAX_DEPTH = 32;
/** Nodes read per page; a block with more is dropped (real pages have under 200). */
export const MAX_NODES = 5_000;

export interface JsonLdArticle {
  headline?: string | undefined;
  /** People named as authors, in order; organisations are left out. */
  authors: string[];
  /** True when the article names an author that is not a person (an agency, the newsroom). */
  organisationAuthor: boolean;
  datePublished?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
  inLanguage?: string | undefined;
  image?: string | undefined;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
// CMSs HTML-escape JSON-LD strings ("&quot;El 90%…&quot;"); a real headline never contains an entity.
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? decodeHTML(v).replace(/\s+/g, ' ').trim() : undefined;
const types = (n: Node): string[] => {
  const t = n['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** The depth of a parsed value, counted iteratively; stops counting past MAX_DEPTH. */
function tooDeep(root: unknown): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  let seen = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > MAX_DEPTH || ++seen > MAX_NODES) return true;
    if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
    else if (isNode(v)) for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
  return false;
}

/** Every object in a value (arrays flattened, @graph followed), in document order. */
function nodesOf(root: unknown): Node[] {
  const out: Node[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (isNode(v)) {
      out.push(v);
      if (v['@graph']) stack.push(v['@graph']);
    }
  }
  return out;
}

/**
 * Names in an author/publisher value: strings, {name} objects, arrays of either, and {"@id"} references to a
 * node elsewhere on the page (WordPress/Yoast put the Person in the @graph); people and organisations apart.
 */
function namesOf(v: unknown, byId: Map<string, Node>): { people: string[]; organisations: string[] } {
  const people: string[] = [];
  const organisations: string[] = [];
  for (const ref of Array.isArray(v) ? nodesOf(v) : isNode(v) ? [v] : []) {
    const id = str(ref['@id']);
    const n = !str(ref['name']) && id && byId.has(id) ? byId.get(id)! : ref;
    const name = str(n['name']);
    if (!name) continue;
    if (types(n).some((t) => PERSON_TYPES.test(t)) || types(n).length === 0) people.push(name);
    else organisations.push(name);
  }
  for (const s of (Array.isArray(v) ? v.flat(2) : [v]).filter((x) => typeof x === 'string')) {
    const name = str(s);
    if (name && !/^https?:/i.test(name)) people.push(name);
  }
  return { people, organisations };
}

const urlOf = (v: unknown): string | undefined =>
  Array.isArray(v) ? urlOf(v[0]) : isNode(v) ? (str(v['url']) ?? str(v['@id'])) : str(v);

/** Parse one script's text: CDATA and HTML-comment wrappers dropped; broken or too deep → nothing. */
function parseBlock(text: string): Node[] {
  const json = text
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
    .replace(/^<!--|-->$/g, '');
  try {
    const value: unknown = JSON.parse(json);
    return tooDeep(value) ? [] : nodesOf(value);
  } catch {
    // Broken JSON-LD is common (trailing commas, CMS bugs); the other metadata still counts.
    return [];
  }
}

/** The best article node among all JSON-LD scripts: NewsArticle-like types with a headline first. */
export function readJsonLd(scripts: string[]): JsonLdArticle {
  const nodes = scripts.flatMap(parseBlock);
  const byId = new Map<string, Node>();
  for (const n of nodes) {
    const id = str(n['@id']);
    if (id && str(n['name'])) byId.set(id, n);
  }
  const articles = nodes.filter((n) => types(n).some((t) => ARTICLE_TYPES.test(t)));
  const node = articles.find((n) => str(n['headline']) && !types(n).includes('WebPage')) ?? articles[0];
  if (!node) return { authors: [], organisationAuthor: false };
  const authors = namesOf(node['author'] ?? node['creator'], byId);
  const publisher = namesOf(node['publisher'], byId);
  return {
    headline: str(node['headline']) ?? str(node['name']),
    authors: authors.people,
    organisationAuthor: authors.people.length === 0 && authors.organisations.length > 0,
    datePublished: str(node['datePublished']) ?? str(node['dateCreated']),
    publisher: publisher.organisations[0] ?? publisher.people[0],
    url: urlOf(node['mainEntityOfPage']) ?? str(node['url']),
    inLanguage: str(node['inLanguage']),
    image: urlOf(node['image']),
  };
}
