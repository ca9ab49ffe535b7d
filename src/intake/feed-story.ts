// Feed item → Story: headline from the title, the key quote extracted from the item's content, the rest from the item.
import { isStorycardError } from '../errors.ts';
import { HEADLINE_MAX, parseStory, type Story, StorySchema } from '../story/schema.ts';
import { extractStory } from './extract.ts';
import type { FeedDoc, FeedItem } from './feed-parse.ts';
import { cleanLink } from './feed-url.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cut an over-long title at a word boundary (a feed title is a headline, never a reason to drop the item). */
function fitHeadline(h: string): string {
  if (h.length <= HEADLINE_MAX) return h;
  const cut = h.slice(0, HEADLINE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), HEADLINE_MAX / 2))}…`;
}

/**
 * The quote, its speaker and the language, read by the article extractor from the item's content. The title goes
 * in as the page's <h1> so the extractor never offers the headline itself as the quote. Content too poor to read
 * (a one-line teaser) gives nothing, never an error: the item still becomes a story.
 */
function fromContent(item: FeedItem, headline: string, url: string): Partial<Story> {
  try {
    if (item.html) {
      const page = `<!doctype html><html><head><title>${escapeHtml(headline)}</title></head><body><article><h1>${escapeHtml(headline)}</h1>${item.html}</article></body></html>`;
      return extractStory({ html: page, url });
    }
    if (item.text) return extractStory({ text: `${headline}\n\n${item.text}`, url });
  } catch (error) {
    if (!isStorycardError(error)) throw error;
  }
  return {};
}

/**
 * The story for one item, or null when the item cannot be one (no title, or no http(s) link: a story is shared by
 * its article URL). The link is stored without tracking parameters; relative links resolve against the feed URL.
 */
export function itemToStory(item: FeedItem, doc: FeedDoc, feedUrl: string): Story | null {
  const url = cleanLink(item.link, feedUrl);
  const title = item.title && fitHeadline(item.title);
  if (!url || !title) return null;
  const extracted = fromContent(item, title, url);
  const story: Record<string, unknown> = {
    headline: title,
    quote: extracted.quote,
    quoteAuthor: extracted.quoteAuthor,
    quoteConfidence: extracted.quoteConfidence,
    speakerConfidence: extracted.speakerConfidence,
    url,
    siteName: doc.title,
    author: item.author ?? extracted.author,
    publishedAt: item.publishedAt,
    imageUrl: item.imageUrl && cleanLink(item.imageUrl, feedUrl),
    // The feed's declared language beats a guess from a few sentences of teaser.
    lang: doc.lang ?? extracted.lang,
  };
  // A field the feed filled badly (a 200-character channel title, a made-up language tag) is left out, like
  // extraction does with page metadata; the headline and url were checked above.
  const checked = StorySchema.safeParse(story);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0]);
      if (field !== 'headline' && field !== 'url') delete story[field];
    }
  }
  return parseStory(story);
}
