// Post text from a per-platform template, fitted to the platform's limit without ever cutting the link.
import { StorycardError } from '../errors.ts';
import { encloseQuote, type Marks } from '../render/marks.ts';
import type { Story } from '../story/schema.ts';
import { countFor, graphemeCount, isValidHashtag, LIMITS } from './text-length.ts';
import { PLATFORMS, type Platform } from './types.ts';

export const PLACEHOLDERS = ['headline', 'quote', 'url', 'siteName', 'hashtags'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

export const DEFAULT_TEMPLATES: Record<Platform, string> = {
  x: '{headline}\n\n{quote}\n\n{url}\n{hashtags}',
  bluesky: '{headline}\n\n{quote}\n\n{url}\n{hashtags}',
  mastodon: '{headline}\n\n{quote}\n\n{siteName}: {url}\n\n{hashtags}',
  telegram: '{headline}\n\n{quote}\n\n{url}\n{hashtags}',
  // Threads takes one topic tag per post, so no hashtags.
  threads: '{headline}\n\n{quote}\n\n{url}',
  facebook: '{headline}\n\n{quote}\n\n{url}\n\n{hashtags}',
  // {url} shows INSTAGRAM_LINK_TEXT (the domain by default): Instagram captions make no link clickable.
  instagram: '{headline}\n\n{quote}\n\n{url}\n\n{hashtags}',
  'instagram-story': '{headline}\n\n{url}',
  linkedin: '{headline}\n\n{quote}\n\n{url}\n\n{hashtags}',
};

export interface ComposedPost {
  platform: Platform;
  /** The text to post, exactly; the outbox freezes it. */
  text: string;
  /** Length as the platform counts it, and the platform's limit. */
  length: number;
  limit: number;
  /** Fields shortened at a word boundary (with an ellipsis) or (some or all hashtags) left out to fit, in order. */
  truncated: Array<'headline' | 'quote'>;
  dropped: Array<'hashtags' | 'quote' | 'siteName'>;
  /** The story link and how the text shows it (Bluesky shows long links shortened; the facet keeps the full URL). */
  link: { url: string; display: string };
}

export interface ComposeOptions {
  /** Overrides the platform's default template; placeholders: {headline} {quote} {url} {siteName} {hashtags}. */
  template?: string;
  /** POST_LINK_QUERY: campaign parameters added to the link this post carries ({platform} filled in). */
  linkQuery?: string | undefined;
  /** INSTAGRAM_LINK_TEXT: what an Instagram caption shows instead of the link ({domain} filled in). */
  instagramLinkText?: string | undefined;
}

/** Instagram makes no caption link clickable, so the caption names the site (or "link in bio") instead. */
export function instagramLinkText(url: string, setting = '{domain}'): string {
  return setting.replaceAll('{domain}', new URL(url).host.replace(/^www\./, ''));
}

/**
 * The link a post carries: the article URL with the campaign parameters set (a parameter the URL already has is
 * replaced). Only post links get them: the share page's canonical URL stays the article's own.
 */
export function campaignLink(url: string, linkQuery: string | undefined, platform: Platform): string {
  if (!linkQuery) return url;
  const u = new URL(url);
  for (const [k, v] of new URLSearchParams(linkQuery.replaceAll('{platform}', platform))) u.searchParams.set(k, v);
  return u.href;
}

interface Parts {
  headline: string;
  /** The quote's words; `marks` go around them (the card's marks, so a cut quote still closes). */
  quote: string | undefined;
  marks: Marks;
  quoteAuthor: string | undefined;
  url: string;
  siteName: string | undefined;
  hashtags: string[];
}

const ELLIPSIS = '…';
/** A quote cut shorter than this says nothing; drop it instead. */
const MIN_QUOTE_GRAPHEMES = 40;
const MAX_HASHTAGS = 5;

/** Throws a clear error naming the unknown placeholder; a template without {url} is refused (posts carry the link). */
export function validateTemplate(template: string, field = 'template'): void {
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    const name = m[1] ?? '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      const expected = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
      throw new StorycardError('invalid_request', `${field}: expected only ${expected}, received {${name}}`, {
        issues: [{ path: field, expected, received: `{${name}}`, message: `unknown placeholder {${name}}` }],
      });
    }
  }
  if (!template.includes('{url}')) {
    throw new StorycardError('invalid_request', `${field}: expected a template containing {url}, received none`, {
      issues: [
        { path: field, expected: 'a {url} placeholder', received: 'none', message: 'the post must carry the link' },
      ],
    });
  }
}

/** Turn story tags into hashtags: "climate change" → #ClimateChange; tags that make no valid hashtag are skipped. */
export function hashtagsFrom(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags ?? []) {
    const words = tag.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
    const body = words.length > 1 ? words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') : (words[0] ?? '');
    const hashtag = `#${body}`;
    if (!body || !isValidHashtag(hashtag) || seen.has(body.toLowerCase())) continue;
    seen.add(body.toLowerCase());
    out.push(hashtag);
    if (out.length === MAX_HASHTAGS) break;
  }
  return out;
}

/** Bluesky counts a link's every character; like the Bluesky app we show host + a short path and link the full URL. */
export function shortUrlForDisplay(url: string): string {
  const u = new URL(url);
  const path = (u.pathname === '/' ? '' : u.pathname) + u.search + u.hash;
  return path.length > 15 ? `${u.host}${path.slice(0, 13)}...` : u.host + path;
}

/** Alt text for the card image: the headline and the quote, within every platform's alt-text limit. */
export function altText(story: Story): string {
  const q = story.quote ? encloseQuote(story.quote, story.lang) : undefined;
  const quote = q ? ` ${q.open}${q.inner}${q.close}${story.quoteAuthor ? ` — ${story.quoteAuthor}` : ''}` : '';
  const full = `${story.headline}.${quote}`.replace(/([.!?…])\./, '$1');
  return graphemeCount(full) <= 1000 ? full : (cutAtWord(full, (s) => graphemeCount(s) <= 1000) ?? full.slice(0, 999));
}

export function composePost(story: Story, platform: Platform, options: ComposeOptions = {}): ComposedPost {
  const template = options.template ?? DEFAULT_TEMPLATES[platform];
  validateTemplate(template);
  if (!story.url) {
    throw new StorycardError('invalid_story', 'url: expected an absolute http(s) URL to post, received nothing', {
      issues: [
        { path: 'url', expected: 'an absolute http(s) URL', received: 'nothing', message: 'a post needs the link' },
      ],
    });
  }
  const link = campaignLink(story.url, options.linkQuery, platform);
  const display =
    platform === 'bluesky'
      ? shortUrlForDisplay(link)
      : platform.startsWith('instagram')
        ? instagramLinkText(link, options.instagramLinkText)
        : link;
  const limit = LIMITS[platform];
  const measure = (p: Parts) => countFor(platform, render(template, p, display));
  const fits = (p: Parts) => measure(p) <= limit;

  // The same marks the card draws (src/render/marks.ts): the quote's own when it has them, else its language's.
  const enclosed = story.quote ? encloseQuote(story.quote, story.lang) : undefined;
  let p: Parts = {
    headline: story.headline,
    quote: enclosed?.inner,
    marks: enclosed ?? { open: '', close: '' },
    quoteAuthor: story.quoteAuthor,
    url: link,
    siteName: story.siteName,
    hashtags: hashtagsFrom(story.tags),
  };
  const truncated: ComposedPost['truncated'] = [];
  const dropped: ComposedPost['dropped'] = [];

  // Least important first: hashtags one by one, then the quote (shortened, or dropped when little would be left),
  // then the site name; the headline is shortened only when nothing else is left to give.
  while (!fits(p) && p.hashtags.length > 0) {
    if (!dropped.includes('hashtags')) dropped.push('hashtags');
    p = { ...p, hashtags: p.hashtags.slice(0, -1) };
  }
  if (!fits(p) && p.quote) {
    const base = p;
    const cut = cutAtWord(base.quote!, (q) => fits({ ...base, quote: q }));
    if (cut && graphemeCount(cut) >= MIN_QUOTE_GRAPHEMES) {
      p = { ...p, quote: cut };
      truncated.push('quote');
    } else {
      p = { ...p, quote: undefined };
      dropped.push('quote');
    }
  }
  if (!fits(p) && p.siteName && template.includes('{siteName}')) {
    p = { ...p, siteName: undefined };
    dropped.push('siteName');
  }
  if (!fits(p)) {
    const base = p;
    const cut = cutAtWord(base.headline, (h) => fits({ ...base, headline: h }));
    if (!cut) {
      throw new StorycardError(
        'invalid_story',
        `url: expected a link that leaves room for the headline within ${platform}'s ${limit} characters, received ${graphemeCount(display)} characters`,
      );
    }
    p = { ...p, headline: cut };
    truncated.push('headline');
  }
  const text = render(template, p, display);
  return { platform, text, length: measure(p), limit, truncated, dropped, link: { url: link, display } };
}

/** One composed post per platform. */
export function composeAll(
  story: Story,
  templates: Partial<Record<Platform, string>> = {},
): Record<Platform, ComposedPost> {
  const out = {} as Record<Platform, ComposedPost>;
  for (const p of PLATFORMS) out[p] = composePost(story, p, { template: templates[p] });
  return out;
}

function render(template: string, p: Parts, urlDisplay: string): string {
  const values: Record<Placeholder, string> = {
    headline: p.headline,
    quote: p.quote ? `${p.marks.open}${p.quote}${p.marks.close}${p.quoteAuthor ? ` — ${p.quoteAuthor}` : ''}` : '',
    url: urlDisplay,
    siteName: p.siteName ?? '',
    hashtags: p.hashtags.join(' '),
  };
  // An empty placeholder takes its separator with it ("{siteName}: {url}" becomes "{url}"), and leaves no
  // dangling spaces or runs of blank lines; the story's own text is never touched.
  let t = template;
  for (const name of PLACEHOLDERS) {
    if (values[name]) continue;
    t = t
      .replace(new RegExp(`\\{${name}\\}[ \\t]*[:–—|-][ \\t]*`, 'g'), '')
      .replace(new RegExp(`[ \\t]*[:–—|-]?[ \\t]*\\{${name}\\}`, 'g'), '');
  }
  return t
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\{(\w+)\}/g, (_, name: Placeholder) => values[name])
    .trim();
}

const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest prefix of `text` ending at a word boundary, plus an ellipsis, that passes `fits`; undefined when
 * not even one word fits.
 */
function cutAtWord(text: string, fits: (s: string) => boolean): string | undefined {
  // Cut points: the end of every space-separated token (words, emoji, numbers), plus, in scripts written without
  // spaces (Chinese, Japanese, Thai…), the end of every word the segmenter finds.
  const ends = new Set<number>();
  for (const m of text.matchAll(/\S+/g)) ends.add(m.index + m[0].length);
  if (NO_SPACE_SCRIPTS.test(text)) {
    for (const s of words.segment(text)) if (s.isWordLike) ends.add(s.index + s.segment.length);
  }
  const candidates = (points: Iterable<number>) =>
    [...points]
      .filter((end) => end < text.length)
      .sort((a, b) => a - b)
      .map((end) => text.slice(0, end).replace(/[\s,;:.!?\-–—(“"']+$/u, '') + ELLIPSIS)
      .filter((s) => s !== ELLIPSIS);
  const best = largestFitting(candidates(ends), fits);
  if (best !== undefined || ends.size > 1) return best;
  // One long token: cut between graphemes.
  return largestFitting(candidates([...graphemeSegmenter.segment(text)].map((s) => s.index + s.segment.length)), fits);
}

const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Candidates grow in length, so `fits` flips once: binary search for the last that fits. */
function largestFitting(candidates: string[], fits: (s: string) => boolean): string | undefined {
  let lo = 0;
  let hi = candidates.length - 1;
  let found: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = candidates[mid]!;
    if (fits(c)) {
      found = c;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
