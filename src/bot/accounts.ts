// Which platforms and accounts the bot posts to, from the settings alone: no SDK here, so npm start can say it too.
import type { Config } from '../config.ts';
import type { Platform } from './types.ts';

export type BotCredentials = Pick<Config, 'x' | 'bluesky' | 'mastodon'>;

/** Platforms are enabled by their own credentials: all four X keys, a Bluesky identifier and app password, a Mastodon URL and token. */
export function enabledPlatforms(c: BotCredentials): Platform[] {
  const out: Platform[] = [];
  if (c.x.appKey && c.x.appSecret && c.x.accessToken && c.x.accessSecret) out.push('x');
  if (c.bluesky.identifier && c.bluesky.appPassword) out.push('bluesky');
  if (c.mastodon.baseUrl && c.mastodon.accessToken) out.push('mastodon');
  return out;
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
};

/** The settings a platform still lacks ([] when it is enabled). */
export function missingCredentials(c: BotCredentials, platform: Platform): string[] {
  return CREDENTIALS[platform].filter(([, get]) => !get(c)).map(([name]) => name);
}

const digest = async (s: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))]
    .slice(0, 6)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/**
 * The account each enabled platform posts as, as outbox rows name it (the unique key is platform, account, story).
 * Never a secret: the X user id (X access tokens start with it), the Bluesky identifier, the Mastodon host with a
 * digest of the token.
 */
export async function accountsFor(c: BotCredentials): Promise<Partial<Record<Platform, string>>> {
  const out: Partial<Record<Platform, string>> = {};
  for (const platform of enabledPlatforms(c)) {
    if (platform === 'x') {
      const token = c.x.accessToken!;
      out.x = /^(\d+)-/.exec(token)?.[1] ?? `token-${await digest(token)}`;
    } else if (platform === 'bluesky') {
      out.bluesky = `${c.bluesky.identifier!.toLowerCase()}@${new URL(c.bluesky.service).host}`;
    } else {
      out.mastodon = `${new URL(c.mastodon.baseUrl!).host}/token-${await digest(c.mastodon.accessToken!)}`;
    }
  }
  return out;
}
