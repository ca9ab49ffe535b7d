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

/**
 * Posters for the enabled platforms. Keep them for the isolate's life rather than per message: the Bluesky poster
 * holds its session, and createSession is rate-limited.
 */
export function createPosters(
  c: BotCredentials,
  options: { timeoutMs?: number; pollMs?: number } = {},
): Partial<Record<Platform, Poster>> {
  const enabled = new Set(enabledPlatforms(c));
  const posters: Partial<Record<Platform, Poster>> = {};
  if (enabled.has('x')) {
    posters.x = createXPoster({
      appKey: c.x.appKey!,
      appSecret: c.x.appSecret!,
      accessToken: c.x.accessToken!,
      accessSecret: c.x.accessSecret!,
      baseUrl: c.x.apiBaseUrl,
      timeoutMs: options.timeoutMs,
    });
  }
  if (enabled.has('bluesky')) {
    posters.bluesky = createBlueskyPoster({
      service: c.bluesky.service,
      identifier: c.bluesky.identifier!,
      password: c.bluesky.appPassword!,
      timeoutMs: options.timeoutMs,
    });
  }
  if (enabled.has('mastodon')) {
    posters.mastodon = createMastodonPoster({
      url: c.mastodon.baseUrl!,
      accessToken: c.mastodon.accessToken!,
      timeoutMs: options.timeoutMs,
    });
  }
  if (enabled.has('telegram')) {
    posters.telegram = createTelegramPoster({
      botToken: c.telegram.botToken!,
      chatId: c.telegram.chatId!,
      apiBaseUrl: c.telegram.apiBaseUrl,
      timeoutMs: options.timeoutMs,
    });
  }
  if (enabled.has('threads')) {
    posters.threads = createThreadsPoster({
      userId: c.threads.userId!,
      accessToken: c.threads.accessToken!,
      apiBaseUrl: c.threads.apiBaseUrl,
      timeoutMs: options.timeoutMs,
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    });
  }
  if (enabled.has('facebook')) {
    posters.facebook = createFacebookPoster({
      pageId: c.facebook.pageId!,
      pageToken: c.facebook.pageToken!,
      apiBaseUrl: c.facebook.apiBaseUrl,
      timeoutMs: options.timeoutMs,
    });
  }
  if (enabled.has('linkedin')) {
    posters.linkedin = createLinkedInPoster({
      accessToken: c.linkedin.accessToken!,
      author: c.linkedin.author!,
      apiBaseUrl: c.linkedin.apiBaseUrl,
      timeoutMs: options.timeoutMs,
    });
  }
  for (const kind of ['feed', 'story'] as const) {
    const platform = kind === 'feed' ? 'instagram' : 'instagram-story';
    if (!enabled.has(platform)) continue;
    posters[platform] = createInstagramPoster({
      userId: c.instagram.userId!,
      accessToken: c.instagram.accessToken!,
      apiBaseUrl: c.instagram.apiBaseUrl,
      kind,
      timeoutMs: options.timeoutMs,
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    });
  }
  return posters;
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
