// One poster per platform whose credentials are set, and the PostInput a story and its frozen text make.
import type { Story } from '../story/schema.ts';
import { type BotCredentials, enabledPlatforms } from './accounts.ts';
import { createBlueskyPoster } from './bluesky-poster.ts';
import { altText } from './compose.ts';
import { createFacebookPoster } from './facebook-poster.ts';
import { createInstagramPoster } from './instagram-poster.ts';
import { createLinkedInPoster } from './linkedin-poster.ts';
import { createMastodonPoster } from './mastodon-poster.ts';
import { createTelegramPoster } from './telegram-poster.ts';
import { createThreadsPoster } from './threads-poster.ts';
import type { Platform, Poster, PostInput } from './types.ts';
import { createXPoster } from './x-poster.ts';

export { type BotCredentials, enabledPlatforms, missingCredentials } from './accounts.ts';

export interface PosterOptions {
  timeoutMs?: number;
  /** How often Threads and Instagram ask whether a container is ready (tests shorten it). */
  pollMs?: number;
  /** X's plain-http agent for a fake on loopback (twitter-api-v2 uses node:https). */
  httpAgent?: object;
}

/** `pollMs` only when given, so each poster's own default stands otherwise. */
const polling = (o: PosterOptions) => (o.pollMs !== undefined ? { pollMs: o.pollMs } : {});

const instagram =
  (kind: 'feed' | 'story') =>
  (c: BotCredentials, o: PosterOptions): Poster =>
    createInstagramPoster({
      userId: c.instagram.userId!,
      accessToken: c.instagram.accessToken!,
      apiBaseUrl: c.instagram.apiBaseUrl,
      kind,
      timeoutMs: o.timeoutMs,
      ...polling(o),
    });

/**
 * Each platform's poster from its settings, called only for enabled platforms (so its credentials are set). A
 * Record over every Platform: a new platform without a poster here does not compile.
 */
const FACTORIES: Record<Platform, (c: BotCredentials, o: PosterOptions) => Poster> = {
  x: (c, o) =>
    createXPoster({
      appKey: c.x.appKey!,
      appSecret: c.x.appSecret!,
      accessToken: c.x.accessToken!,
      accessSecret: c.x.accessSecret!,
      baseUrl: c.x.apiBaseUrl,
      timeoutMs: o.timeoutMs,
      httpAgent: o.httpAgent,
    }),
  bluesky: (c, o) =>
    createBlueskyPoster({
      service: c.bluesky.service,
      identifier: c.bluesky.identifier!,
      password: c.bluesky.appPassword!,
      timeoutMs: o.timeoutMs,
    }),
  mastodon: (c, o) =>
    createMastodonPoster({ url: c.mastodon.baseUrl!, accessToken: c.mastodon.accessToken!, timeoutMs: o.timeoutMs }),
  telegram: (c, o) =>
    createTelegramPoster({
      botToken: c.telegram.botToken!,
      chatId: c.telegram.chatId!,
      apiBaseUrl: c.telegram.apiBaseUrl,
      timeoutMs: o.timeoutMs,
    }),
  threads: (c, o) =>
    createThreadsPoster({
      userId: c.threads.userId!,
      accessToken: c.threads.accessToken!,
      apiBaseUrl: c.threads.apiBaseUrl,
      timeoutMs: o.timeoutMs,
      ...polling(o),
    }),
  facebook: (c, o) =>
    createFacebookPoster({
      pageId: c.facebook.pageId!,
      pageToken: c.facebook.pageToken!,
      apiBaseUrl: c.facebook.apiBaseUrl,
      timeoutMs: o.timeoutMs,
    }),
  instagram: instagram('feed'),
  'instagram-story': instagram('story'),
  linkedin: (c, o) =>
    createLinkedInPoster({
      accessToken: c.linkedin.accessToken!,
      author: c.linkedin.author!,
      apiBaseUrl: c.linkedin.apiBaseUrl,
      timeoutMs: o.timeoutMs,
    }),
};

/**
 * Posters for the enabled platforms. Keep them for the isolate's life rather than per message: the Bluesky poster
 * holds its session, and createSession is rate-limited.
 */
export function createPosters(c: BotCredentials, options: PosterOptions = {}): Partial<Record<Platform, Poster>> {
  return Object.fromEntries(enabledPlatforms(c).map((p) => [p, FACTORIES[p](c, options)]));
}

/**
 * What a poster gets for one outbox row: the frozen text, the card, alt text, the link card (the link the text
 * carries, campaign parameters included) and the row's id.
 */
export function postInputFor(
  story: Story,
  frozenText: string,
  card: { bytes: Uint8Array; type?: 'image/png' | 'image/jpeg' },
  idempotencyKey: string,
  link: string | undefined = story.url,
): PostInput {
  return {
    text: frozenText,
    image: card.bytes,
    imageType: card.type ?? 'image/png',
    alt: altText(story),
    ...(link ? { link: { url: link, title: story.headline, description: story.quote ?? story.siteName ?? '' } } : {}),
    ...(story.lang ? { lang: story.lang } : {}),
    idempotencyKey,
  };
}
