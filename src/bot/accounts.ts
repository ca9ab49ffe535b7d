// Which platforms and accounts the bot posts to, from the settings alone: no SDK here, so npm start can say it too.
import type { Config } from '../config.ts';
import { PLATFORMS, type Platform } from './types.ts';

export type BotCredentials = Pick<
  Config,
  'x' | 'bluesky' | 'mastodon' | 'telegram' | 'threads' | 'facebook' | 'instagram' | 'linkedin' | 'publicBaseUrl'
>;

/**
 * Platforms are enabled by their own credentials: all four X keys, a Bluesky identifier and app password, a Mastodon
 * URL and token, a Telegram bot token and chat, a Threads user and token, a Facebook Page and its token, an Instagram
 * account and token (Stories also INSTAGRAM_STORIES=on), a LinkedIn token and author. Threads and Instagram also need
 * a PUBLIC_BASE_URL they can fetch the card from (see publicCardProblem).
 */
export function enabledPlatforms(c: BotCredentials): Platform[] {
  return PLATFORMS.filter((p) => missingCredentials(c, p).length === 0);
}

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;
const isLoopback = (url: string) => LOOPBACK.test(new URL(url).hostname);

/**
 * Platforms that fetch the card by URL (Threads, Instagram) need PUBLIC_BASE_URL to be an address they can reach. A
 * loopback origin is refused, except when the platform's API is itself on loopback (a local fake, which can fetch it).
 * Returns what to set, or undefined when it is fine.
 */
export function publicCardProblem(c: BotCredentials, apiBaseUrl: string): string | undefined {
  if (!c.publicBaseUrl) return 'PUBLIC_BASE_URL (the public origin the platform fetches the card from)';
  if (isLoopback(c.publicBaseUrl) && !isLoopback(apiBaseUrl)) {
    return `PUBLIC_BASE_URL to a public origin (the platform fetches the card from it; ${c.publicBaseUrl} is this machine's loopback)`;
  }
  return undefined;
}

/** The settings each platform's poster needs, as named in .dev.vars.example. */
const CREDENTIALS: Record<Platform, [string, (c: BotCredentials) => string | undefined][]> = {
  x: [
    ['X_APP_KEY', (c) => c.x.appKey],
    ['X_APP_SECRET', (c) => c.x.appSecret],
    ['X_ACCESS_TOKEN', (c) => c.x.accessToken],
    ['X_ACCESS_SECRET', (c) => c.x.accessSecret],
  ],
  bluesky: [
    ['BLUESKY_IDENTIFIER', (c) => c.bluesky.identifier],
    ['BLUESKY_APP_PASSWORD', (c) => c.bluesky.appPassword],
  ],
  mastodon: [
    ['MASTODON_BASE_URL', (c) => c.mastodon.baseUrl],
    ['MASTODON_ACCESS_TOKEN', (c) => c.mastodon.accessToken],
  ],
  telegram: [
    ['TELEGRAM_BOT_TOKEN', (c) => c.telegram.botToken],
    ['TELEGRAM_CHAT_ID', (c) => c.telegram.chatId],
  ],
  threads: [
    ['THREADS_USER_ID', (c) => c.threads.userId],
    ['THREADS_ACCESS_TOKEN', (c) => c.threads.accessToken],
  ],
  facebook: [
    ['FACEBOOK_PAGE_ID', (c) => c.facebook.pageId],
    ['FACEBOOK_PAGE_TOKEN', (c) => c.facebook.pageToken],
  ],
  instagram: [
    ['INSTAGRAM_USER_ID', (c) => c.instagram.userId],
    ['INSTAGRAM_ACCESS_TOKEN', (c) => c.instagram.accessToken],
  ],
  linkedin: [
    ['LINKEDIN_ACCESS_TOKEN', (c) => c.linkedin.accessToken],
    ['LINKEDIN_AUTHOR', (c) => c.linkedin.author],
  ],
  'instagram-story': [
    ['INSTAGRAM_USER_ID', (c) => c.instagram.userId],
    ['INSTAGRAM_ACCESS_TOKEN', (c) => c.instagram.accessToken],
    ['INSTAGRAM_STORIES=on', (c) => (c.instagram.stories ? 'on' : undefined)],
  ],
};

/** The settings a platform still lacks ([] when it is enabled), as a person would set them. */
export function missingCredentials(c: BotCredentials, platform: Platform): string[] {
  const missing = CREDENTIALS[platform].filter(([, get]) => !get(c)).map(([name]) => name);
  // Threads and Instagram fetch the card by its URL.
  const api =
    platform === 'threads' ? c.threads.apiBaseUrl : platform.startsWith('instagram') ? c.instagram.apiBaseUrl : '';
  const problem = api ? publicCardProblem(c, api) : undefined;
  return problem ? [...missing, problem] : missing;
}

/**
 * Platforms whose credentials are set but which stay off because they fetch the card by URL and PUBLIC_BASE_URL is
 * unset or loopback (Threads, Instagram feed and Stories): each with what to set, so npm start can say why.
 */
export function offForPublicUrl(c: BotCredentials): { platform: Platform; set: string[] }[] {
  return PLATFORMS.map((platform) => ({ platform, set: missingCredentials(c, platform) })).filter(
    ({ set }) => set.length > 0 && set.every((s) => s.startsWith('PUBLIC_BASE_URL')),
  );
}

const digest = async (s: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))]
    .slice(0, 6)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/**
 * The account each enabled platform posts as, as outbox rows name it (the unique key is platform, account, story).
 * Never a secret: the X user id (X access tokens start with it), the Bluesky identifier, the Mastodon host with a
 * digest of the token, the Telegram chat, the Threads user id, the Facebook Page id.
 */
export async function accountsFor(c: BotCredentials): Promise<Partial<Record<Platform, string>>> {
  const out: Partial<Record<Platform, string>> = {};
  for (const platform of enabledPlatforms(c)) {
    if (platform === 'x') {
      const token = c.x.accessToken!;
      out.x = /^(\d+)-/.exec(token)?.[1] ?? `token-${await digest(token)}`;
    } else if (platform === 'bluesky') {
      out.bluesky = `${c.bluesky.identifier!.toLowerCase()}@${new URL(c.bluesky.service).host}`;
    } else if (platform === 'mastodon') {
      out.mastodon = `${new URL(c.mastodon.baseUrl!).host}/token-${await digest(c.mastodon.accessToken!)}`;
    } else if (platform === 'telegram') {
      // The channel is the account: two bots posting to one channel would post one story twice.
      out.telegram = c.telegram.chatId!;
    } else if (platform === 'threads') {
      out.threads = c.threads.userId!;
    } else if (platform === 'facebook') {
      out.facebook = c.facebook.pageId!;
    } else if (platform === 'linkedin') {
      out.linkedin = c.linkedin.author!;
    } else {
      // Feed and Stories are two rows (two platforms) of one account.
      out[platform] = c.instagram.userId!;
    }
  }
  return out;
}
