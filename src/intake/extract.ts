// Article → Story: check the input, read HTML or scraped text, pick the key quote, guess the language.
import { StorycardError } from '../errors.ts';
import { parseStory, type Story, StorySchema } from '../story/schema.ts';
import { checkInput, type ExtractInput } from './guard.ts';
import { readHtml } from './html.ts';
import { articleLang, detectLang } from './lang.ts';
import { pickQuote } from './quotes.ts';
import { readText } from './text.ts';

export type { ExtractInput } from './guard.ts';
export { MAX_INPUT_BYTES } from './guard.ts';

/** What extraction returns: a validated Story (fields the article did not show are left out). */
export type ExtractResult = Story;

const HEADLINE_LIMIT = 300;

/** Cut an over-long headline at a word boundary so a wordy <title> still makes a valid story. */
function fitHeadline(h: string): string {
  if (h.length <= HEADLINE_LIMIT) return h;
  const cut = h.slice(0, HEADLINE_LIMIT - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), HEADLINE_LIMIT / 2))}…`;
}

/**
 * Extract a Story from an article given as `html` or scraped `text` (optionally with its `url`).
 * Throws StorycardError: 'invalid_request' (empty, binary, bad url, no headline) or 'payload_too_large'.
 */
export function extractStory(input: ExtractInput): ExtractResult {
  const checked = checkInput(input);
  const article = checked.kind === 'html' ? readHtml(checked.content, checked.url) : readText(checked.content);
  if (!article.headline) {
    throw new StorycardError(
      'invalid_request',
      `${checked.kind}: expected an article with a headline (a title line of 3–30 words, a <title>, <h1> or og:title), received none`,
    );
  }
  const headline = fitHeadline(article.headline);
  const body = article.blocks.map((b) => b.text).join('\n');
  // The body alone when it is long enough: headlines are short and full of names in other languages. The page's
  // own lang attribute loses to the text when they clearly disagree (articleLang says when).
  const lang = articleLang(article.lang, body) ?? detectLang(`${headline}\n${body}`);
  const picked = pickQuote(article.blocks, headline, lang);
  const story: Record<string, unknown> = {
    headline,
    quote: picked?.quote,
    quoteAuthor: picked?.quoteAuthor,
    quoteConfidence: picked?.quoteConfidence,
    speakerConfidence: picked?.speakerConfidence,
    url: article.url ?? checked.url,
    siteName: article.siteName,
    author: article.author,
    publishedAt: article.publishedAt,
    imageUrl: article.imageUrl,
    lang,
  };
  // A page's own metadata can be unusable (a 200-character og:site_name, twelve JSON-LD authors): such a field
  // is left out rather than failing the whole extraction; the headline is never dropped.
  const checkedStory = StorySchema.safeParse(story);
  if (!checkedStory.success) {
    for (const issue of checkedStory.error.issues) {
      const field = String(issue.path[0]);
      if (field !== 'headline') delete story[field];
    }
  }
  return parseStory(story);
}
