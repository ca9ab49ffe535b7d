// Feed document → items: RSS 2.0/0.9x, Atom, RDF and JSON Feed parsed by feedsmith, then read into one item shape.
import { decodeHTML } from 'entities';
import { parseFeed } from 'feedsmith';

/** One feed entry, whatever the format, with only what a story can use. */
export interface FeedItem {
  guid?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  /** The item's body as HTML (content:encoded, Atom content/summary, content_html, RSS description). */
  html?: string | undefined;
  /** The body as plain text, when the feed only has that (JSON Feed content_text, Atom type="text"). */
  text?: string | undefined;
  publishedAt?: string | undefined;
  author?: string | undefined;
  imageUrl?: string | undefined;
}

export interface FeedDoc {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  title?: string | undefined;
  lang?: string | undefined;
  items: FeedItem[];
}

/** The document is not a feed we can read (not XML/JSON, malformed, or no known format). */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

// feedsmith's typed results differ per format and namespace; items are read through these small guards instead.
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | undefined => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  return v.trim() || undefined;
};
/** Atom text constructs come as {value, type}; plain strings elsewhere. */
const textOf = (v: unknown): string | undefined => str(v) ?? str(obj(v)?.value);

/** Markup and entities out of a title or name (Atom type="html" titles, double-escaped RSS titles). */
export function plainText(s: string | undefined): string | undefined {
  if (!s) return undefined;
  let out = s;
  // Twice: `&lt;b&gt;` in a title that was escaped once too often becomes a tag on the first pass.
  for (let i = 0; i < 2; i++) out = decodeHTML(out.replace(/<[^>]*>/g, ' '));
  return out.replace(/\s+/g, ' ').trim() || undefined;
}

/** RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) or anything Date reads → ISO 8601; undefined if unreadable. */
function isoDate(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** RSS <author> is "email (Name)" by the spec; newsrooms also put just a name there. */
function personName(p: unknown): string | undefined {
  const o = obj(p);
  const raw = str(o?.name) ?? str(p);
  if (!raw) return str(o?.email)?.replace(/^[^(]*\(([^)]+)\)\s*$/, '$1');
  const inParens = /^\S+@\S+\s*\(([^)]+)\)\s*$/.exec(raw)?.[1];
  if (inParens) return inParens.trim();
  return /^\S+@\S+$/.test(raw) ? undefined : plainText(raw);
}

const isImage = (type: unknown, medium: unknown, url: unknown) =>
  medium === 'image' ||
  (typeof type === 'string' && type.startsWith('image/')) ||
  (type === undefined &&
    medium === undefined &&
    typeof url === 'string' &&
    /\.(jpe?g|png|webp|gif|avif)(\?|$)/i.test(url));

/** Media RSS content/thumbnail (also inside <media:group>), then image enclosures. */
function imageOf(item: Obj): string | undefined {
  const media = obj(item.media);
  const groups = arr(media?.groups).map(obj);
  for (const m of [media, ...groups]) {
    for (const c of arr(m?.contents).map(obj))
      if (c && isImage(c.type, c.medium, c.url) && str(c.url)) return str(c.url);
    for (const t of arr(m?.thumbnails).map(obj)) if (str(t?.url)) return str(t?.url);
  }
  for (const e of arr(item.enclosures).map(obj))
    if (e && isImage(e.type, undefined, e.url) && str(e.url)) return str(e.url);
  for (const l of arr(item.links).map(obj))
    if (l?.rel === 'enclosure' && isImage(l.type, undefined, l.href)) return str(l.href);
  return str(obj(item.itunes)?.image) ?? str(obj(obj(item.itunes)?.image)?.href);
}

function rssItem(item: Obj): FeedItem {
  const guid = obj(item.guid);
  const dc = obj(item.dc);
  return {
    guid: str(guid?.value) ?? str(item.guid),
    link: str(item.link) ?? (guid?.isPermaLink !== false ? str(guid?.value) : undefined),
    title: plainText(str(item.title) ?? str(dc?.title)),
    html: str(obj(item.content)?.encoded) ?? str(item.description),
    publishedAt: isoDate(item.pubDate) ?? isoDate(dc?.date) ?? isoDate(arr(dc?.dates)[0]),
    author: personName(arr(item.authors)[0]) ?? personName(arr(dc?.creators)[0]) ?? personName(dc?.creator),
    imageUrl: imageOf(item),
  };
}

function atomItem(entry: Obj): FeedItem {
  const links = arr(entry.links).map(obj);
  const alternate = links.find((l) => !l?.rel || l.rel === 'alternate') ?? links[0];
  const content = obj(entry.content) ?? obj(entry.summary);
  const body = textOf(entry.content) ?? textOf(entry.summary);
  const isText = !content?.type || content.type === 'text';
  return {
    guid: str(entry.id),
    link: str(alternate?.href),
    title: plainText(textOf(entry.title)),
    html: isText ? undefined : body,
    text: isText ? body : undefined,
    publishedAt: isoDate(entry.published) ?? isoDate(entry.updated),
    author: personName(arr(entry.authors)[0]),
    imageUrl: imageOf(entry),
  };
}

function jsonItem(item: Obj): FeedItem {
  return {
    guid: str(item.id),
    link: str(item.url) ?? str(item.external_url),
    title: plainText(str(item.title)),
    html: str(item.content_html),
    text: str(item.content_text) ?? str(item.summary),
    publishedAt: isoDate(item.date_published) ?? isoDate(item.date_modified),
    author: personName(arr(item.authors)[0]) ?? personName(item.author),
    imageUrl: str(item.image) ?? str(item.banner_image),
  };
}

/** Parse a feed document (XML or JSON text). Throws FeedParseError for anything that is not a readable feed. */
export function parseFeedText(body: string): FeedDoc {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    // feedsmith detects the format itself; JSON Feed is detected from a parsed object.
    const input = /^\s*[{[]/.test(body) ? (JSON.parse(body) as unknown) : body;
    parsed = parseFeed(input as string);
  } catch (error) {
    const why = error instanceof SyntaxError ? `invalid JSON (${error.message})` : (error as Error).message;
    throw new FeedParseError(`expected an RSS, Atom or JSON Feed document, received one that does not parse: ${why}`, {
      cause: error,
    });
  }
  const feed = parsed.feed as unknown as Obj;
  const format = parsed.format;
  const raw = format === 'atom' ? arr(feed.entries) : arr(feed.items);
  const read = format === 'atom' ? atomItem : format === 'json' ? jsonItem : rssItem;
  return {
    format,
    title: plainText(textOf(feed.title)),
    lang: str(feed.language) ?? str(obj(feed.xml)?.lang) ?? str(obj(feed.dc)?.language),
    items: raw
      .map((i) => obj(i))
      .filter((i): i is Obj => i !== undefined)
      .map(read),
  };
}
