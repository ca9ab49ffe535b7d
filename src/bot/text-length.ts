// How each platform counts a post's length: X by twitter-text's weights, Bluesky by graphemes, Mastodon by graphemes
// with URLs as 23, Telegram and Facebook by UTF-16 units, Threads by characters with emoji as their UTF-8 bytes.
import * as twitterTextNs from 'twitter-text';
import type { Platform } from './types.ts';

// twitter-text is CommonJS; depending on the loader (Node, Vite, esbuild for workerd) its functions sit on the
// namespace or on its default export.
const twitterText = ((twitterTextNs as unknown as { default?: typeof twitterTextNs }).default ??
  twitterTextNs) as typeof twitterTextNs;

/**
 * Telegram: a photo caption takes 1,024 characters; Threads: 500; Facebook: a Page post's message takes 63,206.
 */
export const LIMITS: Record<Platform, number> = {
  x: 280,
  bluesky: 300,
  mastodon: 500,
  telegram: 1024,
  threads: 500,
  facebook: 63_206,
  instagram: 2200,
  // Stories show no caption; the row's text is a record of the story, kept to the feed's limit.
  'instagram-story': 2200,
  // A LinkedIn post's commentary: 3,000 characters.
  linkedin: 3000,
};

/** Mastodon counts every link as 23 characters, whatever its length. */
const MASTODON_URL_WEIGHT = 23;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/** X: weighted length per twitter-text (CJK and emoji weigh 2, every URL 23). */
export function xLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

/** Mastodon: graphemes, with each http(s) link counted as 23. */
export function mastodonLength(text: string): number {
  let n = graphemeCount(text);
  for (const u of twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false })) {
    n += MASTODON_URL_WEIGHT - graphemeCount(u.url);
  }
  return n;
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const utf8 = new TextEncoder();

/** Threads: characters, except that an emoji counts as its UTF-8 bytes (Threads' own rule for posts' 500). */
export function threadsLength(text: string): number {
  let n = 0;
  for (const { segment } of graphemes.segment(text)) n += EMOJI.test(segment) ? utf8.encode(segment).length : 1;
  return n;
}

export function countFor(platform: Platform, text: string): number {
  if (platform === 'x') return xLength(text);
  if (platform === 'mastodon') return mastodonLength(text);
  if (platform === 'threads') return threadsLength(text);
  // Telegram and Facebook count UTF-16 code units (Telegram's entity offsets do): an emoji is 2, never 1.
  if (['telegram', 'facebook', 'linkedin'].includes(platform) || platform.startsWith('instagram')) return text.length;
  return graphemeCount(text);
}

export function isValidHashtag(tag: string): boolean {
  return twitterText.isValidHashtag(tag);
}
