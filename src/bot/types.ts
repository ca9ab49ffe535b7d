// The bot's vocabulary: platforms, what a poster takes, and the PostResult every expected failure becomes.

/** `instagram` is the feed (the portrait card), `instagram-story` a Story (the story card): one row each. */
export const PLATFORMS = [
  'x',
  'bluesky',
  'mastodon',
  'telegram',
  'threads',
  'facebook',
  'instagram',
  'instagram-story',
  'linkedin',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * How a post attempt failed, which decides what the outbox does next:
 * - retryable: nothing was published (or the request never left); retry with backoff.
 * - rate_limited: retry no earlier than `retryAt` (epoch ms) that the platform reported.
 * - duplicate: the platform says this text already exists (X's 403 "duplicate content");
 *   treat as posted only after findExisting confirms it.
 * - ambiguous: the platform may have published it (timeout or 5xx after the create request was
 *   sent); call findExisting before trying again.
 * - permanent: auth, validation, or a too-large image; retrying will not help (the outbox marks it dead).
 */
export type FailureKind = 'retryable' | 'rate_limited' | 'duplicate' | 'ambiguous' | 'permanent';

export type PostFailure = {
  ok: false;
  kind: FailureKind;
  /** Epoch milliseconds; set for rate_limited (from the platform's reset header) and sometimes retryable. */
  retryAt?: number;
  message: string;
  /** HTTP status when there was a response. */
  status?: number;
};

export type PostSuccess = { ok: true; platformPostId: string; url: string };

export type PostResult = PostSuccess | PostFailure;

/** What findExisting reports: the post is there, is not there, or we could not tell. */
export type LookupResult =
  | { status: 'found'; platformPostId: string; url: string }
  | { status: 'absent' }
  | { status: 'unknown'; failure: PostFailure }
  /**
   * The platform gives no way to look (a Telegram bot can neither list a channel's posts nor send an idempotency
   * key): the outbox holds the row for an editor as "may have posted" instead of guessing either way.
   */
  | { status: 'unknowable'; message: string };

export interface PostInput {
  /** The frozen post text (from composePost), posted exactly as is. */
  text: string;
  /** The card: PNG or JPEG bytes. */
  image?: Uint8Array;
  /** Defaults to image/png. */
  imageType?: 'image/png' | 'image/jpeg';
  /**
   * The card's public URL (PUBLIC_BASE_URL/cards/<hash>/<size>.<ext>): Threads and Instagram fetch the image from
   * it rather than taking bytes.
   */
  imageUrl?: string;
  /** Alt text for the image (headline and quote). */
  alt?: string;
  /** BCP 47 language of the text (Bluesky `langs`, Mastodon `language`); X detects it itself. */
  lang?: string;
  /** Stable per outbox row; Mastodon gets it as Idempotency-Key, so a retried request makes no second status. */
  idempotencyKey?: string;
  /** Bluesky's record key for this row (src/bot/record-key.ts): every attempt writes to it, so only one can land. */
  recordKey?: string;
  /**
   * Called right before each request that could publish, and between long steps: it renews the attempt's lease and
   * throws (LeaseLostError) once another attempt holds the row, so a stalled attempt sends nothing.
   */
  fence?: () => Promise<void>;
  /**
   * The story link. Bluesky: shown as an external link card (with the image as its thumbnail) and
   * used for the link facet when the text shows a shortened form of the URL.
   */
  link?: { url: string; title: string; description?: string };
}

export interface LookupOptions {
  /**
   * Look back this far (epoch ms): the outbox row's first attempt, which covers every attempt and lease since.
   * Lookups page through the account's posts until they pass it.
   */
  since?: number;
  /** The link the post carries: a post with the same words but another link is another story's. */
  link?: string | undefined;
  /** Bluesky: the row's record key; the record there is the post, whatever its text. */
  recordKey?: string | undefined;
}

/** Pages a lookup reads at most (X 100 posts a page, Bluesky 100, Mastodon 40) before it says it cannot tell. */
export const LOOKUP_MAX_PAGES = 10;

export interface Poster {
  readonly platform: Platform;
  post(input: PostInput): Promise<PostResult>;
  /** After an ambiguous or duplicate failure: does a post with this text (and link) already exist on the account? */
  findExisting(text: string, options?: LookupOptions): Promise<LookupResult>;
}

export const failure = (kind: FailureKind, message: string, extra: Partial<PostFailure> = {}): PostFailure => ({
  ok: false,
  kind,
  message,
  ...extra,
});
