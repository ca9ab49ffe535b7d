// How each platform counts a post's length: X by twitter-text's weights, Bluesky by graphemes, Mastodon by graphemes with URLs as 23.
import * as twitterTextNs from 'twitter-text';
import type { Platform } from './types.ts';

// twitter-text is CommonJS; depending on the loader (Node, Vite, esbuild for workerd) its functions sit on the
// namespace or on its default export.
const twitterText = ((twitterTextNs as unknown as { default?: typeof twitterTextNs }).default ??
  twitterTextNs) as typeof twitterTextNs;

export const LIMITS: Record<Platform, number> = { x: 280, bluesky: 300, mastodon: 500 };

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

export function countFor(platform: Platform, text: string): number {
  if (platform === 'x') return xLength(text);
  if (platform === 'mastodon') return mastodonLength(text);
  return graphemeCount(text);
}

export function isValidHashtag(tag: string): boolean {
  return twitterText.isValidHashtag(tag);
}
