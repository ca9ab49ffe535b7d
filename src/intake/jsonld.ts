// JSON-LD: pull headline, author, dates and publisher out of a page's schema.org NewsArticle (or kin).

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|WebPage|Report|ScholarlyArticle)$/;

export interface JsonLdArticle {
  headline?: string | undefined;
  author?: string | undefined;
  datePublished?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
  inLanguage?: string | undefined;
  image?: string | undefined;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A name from a string, a {name} object or an array of either ("A and B" for several authors). */
function nameOf(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : undefined;
  }
  if (isNode(v)) return str(v['name']);
  const s = str(v);
  return s && !/^https?:/i.test(s) ? s : undefined;
}
const urlOf = (v: unknown): string | undefined =>
  Array.isArray(v) ? urlOf(v[0]) : isNode(v) ? (str(v['url']) ?? str(v['@id'])) : str(v);

function* walk(v: unknown): Generator<Node> {
  if (Array.isArray(v)) for (const x of v) yield* walk(x);
  else if (isNode(v)) {
    yield v;
    if (v['@graph']) yield* walk(v['@graph']);
  }
}

const typeMatches = (n: Node): boolean => {
  const t = n['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x));
};

/** The best article node among all JSON-LD scripts: NewsArticle-like types with a headline first. */
export function readJsonLd(scripts: string[]): JsonLdArticle {
  const nodes: Node[] = [];
  for (const s of scripts) {
    try {
      nodes.push(...walk(JSON.parse(s)));
    } catch {
      // Broken JSON-LD is common (trailing commas, CMS bugs); the other metadata still counts.
    }
  }
  const articles = nodes.filter(typeMatches);
  const node = articles.find((n) => str(n['headline']) && n['@type'] !== 'WebPage') ?? articles[0];
  if (!node) return {};
  return {
    headline: str(node['headline']) ?? str(node['name']),
    author: nameOf(node['author']),
    datePublished: str(node['datePublished']) ?? str(node['dateCreated']),
    publisher: nameOf(node['publisher']),
    url: urlOf(node['mainEntityOfPage']) ?? str(node['url']),
    inLanguage: str(node['inLanguage']),
    image: urlOf(node['image']),
  };
}
