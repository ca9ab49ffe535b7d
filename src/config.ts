// parseConfig(env): the one reader of settings (Worker vars/secrets, .dev.vars, or process.env), validated with zod.
import { z } from 'zod';
import { type DeskSchedule, isTimeZone, parseQuietHours, type QuietHours } from './bot/schedule.ts';
import { PLATFORMS, type Platform } from './bot/types.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const httpUrl = z
  .string()
  .trim()
  .refine(
    (s) => {
      try {
        return ['http:', 'https:'].includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
    { message: 'expected an absolute http(s) URL' },
  );
const baseUrl = httpUrl.transform((s) => s.replace(/\/+$/, ''));

/** `utm_source=storycard&utm_medium=share`: a query string of name=value pairs, names non-empty. */
const campaignQuery = z
  .string()
  .trim()
  .transform((s) => s.replace(/^\?/, ''))
  .refine((s) => s !== '' && [...new URLSearchParams(s).keys()].every((k) => k.trim() !== ''), {
    message: 'expected name=value pairs joined by & (e.g. utm_source=storycard&utm_medium=share)',
  });

export const BOT_MODES = ['off', 'dry-run', 'live', 'review'] as const;

/** Posts per platform account per UTC day; over it, posts wait for the next day (X charges per post). */
const dailyCap = (fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100_000).default(fallback));
export type BotMode = (typeof BOT_MODES)[number];

/** A price in US dollars, e.g. 0.2; X bills each post (more when it carries a link). */
const price = (fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().min(0).max(1000).default(fallback));

/**
 * Campaign parameters for post links: `key=value` pairs joined by `&`, `{platform}` filled in per platform
 * (utm_source={platform}&utm_medium=social). A leading `?` is allowed.
 */
const linkQuery = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .transform((s) => s.replace(/^\?/, ''))
    .refine((s) => s.split('&').every((pair) => /^[^=&\s{}]+=[^&\s]*$/.test(pair.replaceAll('{platform}', 'x'))), {
      message: 'query parameters like utm_source={platform}&utm_medium=social',
    })
    .refine((s) => !/\{(?!platform\})[^}]*\}/.test(s), { message: 'no placeholder other than {platform}' })
    .optional(),
);

const hostList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean)
      : v,
  z
    .array(
      z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/, {
        message: 'host names or host:port entries like 127.0.0.1:8080',
      }),
    )
    .default([]),
);

// --- Telegram, Threads, Facebook and Instagram (issue 21): their settings, read by src/bot/accounts.ts. ---
/** The Graph API versions the posters speak, pinned here rather than a setting: a new version is a code change. */
export const GRAPH_VERSIONS = { threads: 'v1.0', facebook: 'v23.0', instagram: 'v23.0' } as const;
/** LinkedIn's versioned API (the LinkedIn-Version header, YYYYMM), pinned likewise. */
export const LINKEDIN_VERSION = '202511';
const NETWORK_SETTINGS = {
  /** A bot from @BotFather (`123456:ABC…`), an administrator of the channel allowed to post. */
  TELEGRAM_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+:[\w-]{20,}$/, { message: 'expected a bot token from @BotFather like 123456789:AAH…' })
      .optional(),
  ),
  /** The channel: its @username, or its numeric id (-100…) for a private channel. */
  TELEGRAM_CHAT_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d+)$/, { message: 'expected @channelusername or a numeric chat id' })
      .optional(),
  ),
  TELEGRAM_API_BASE_URL: z.preprocess(blankToUndefined, baseUrl.default('https://api.telegram.org')),
  THREADS_USER_ID: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(/^\d+$/, { message: 'expected the numeric Threads user id' }).optional(),
  ),
  THREADS_ACCESS_TOKEN: optionalString,
  THREADS_API_BASE_URL: z.preprocess(blankToUndefined, baseUrl.default('https://graph.threads.net')),
  FACEBOOK_PAGE_ID: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(/^\d+$/, { message: 'expected the numeric Facebook Page id' }).optional(),
  ),
  FACEBOOK_PAGE_TOKEN: optionalString,
  FACEBOOK_API_BASE_URL: z.preprocess(blankToUndefined, baseUrl.default('https://graph.facebook.com')),
  INSTAGRAM_USER_ID: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(/^\d+$/, { message: 'expected the numeric Instagram professional account id' }).optional(),
  ),
  INSTAGRAM_ACCESS_TOKEN: optionalString,
  INSTAGRAM_API_BASE_URL: z.preprocess(blankToUndefined, baseUrl.default('https://graph.facebook.com')),
  /** Also post each story as an Instagram Story (the story card). */
  INSTAGRAM_STORIES: z.preprocess(blankToUndefined, z.enum(['on', 'off']).default('off')),
  /** What stands for the link in an Instagram caption (links are not clickable there); {domain} is filled in. */
  INSTAGRAM_LINK_TEXT: z.preprocess(blankToUndefined, z.string().trim().max(100).default('{domain}')),
  INSTAGRAM_DAILY_CAP: dailyCap(50),
  LINKEDIN_ACCESS_TOKEN: optionalString,
  /** Who posts: an organization (urn:li:organization:123) or a member (urn:li:person:abc). */
  LINKEDIN_AUTHOR: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^urn:li:(organization|person):[\w-]+$/, {
        message: 'expected an author URN like urn:li:organization:123 or urn:li:person:abc',
      })
      .optional(),
  ),
  LINKEDIN_API_BASE_URL: z.preprocess(blankToUndefined, baseUrl.default('https://api.linkedin.com')),
  LINKEDIN_DAILY_CAP: dailyCap(50),
  TELEGRAM_DAILY_CAP: dailyCap(200),
  /** Threads itself allows 250 API posts per profile per 24 hours. */
  THREADS_DAILY_CAP: dailyCap(250),
  FACEBOOK_DAILY_CAP: dailyCap(100),
};

/** The networks' part of Config, from the parsed settings. */
function networksOf(s: z.infer<z.ZodObject<typeof NETWORK_SETTINGS>>) {
  return {
    telegram: { botToken: s.TELEGRAM_BOT_TOKEN, chatId: s.TELEGRAM_CHAT_ID, apiBaseUrl: s.TELEGRAM_API_BASE_URL },
    threads: { userId: s.THREADS_USER_ID, accessToken: s.THREADS_ACCESS_TOKEN, apiBaseUrl: s.THREADS_API_BASE_URL },
    facebook: { pageId: s.FACEBOOK_PAGE_ID, pageToken: s.FACEBOOK_PAGE_TOKEN, apiBaseUrl: s.FACEBOOK_API_BASE_URL },
    instagram: {
      userId: s.INSTAGRAM_USER_ID,
      accessToken: s.INSTAGRAM_ACCESS_TOKEN,
      apiBaseUrl: s.INSTAGRAM_API_BASE_URL,
      stories: s.INSTAGRAM_STORIES === 'on',
      linkText: s.INSTAGRAM_LINK_TEXT,
    },
    linkedin: { accessToken: s.LINKEDIN_ACCESS_TOKEN, author: s.LINKEDIN_AUTHOR, apiBaseUrl: s.LINKEDIN_API_BASE_URL },
    caps: {
      linkedin: s.LINKEDIN_DAILY_CAP,
      telegram: s.TELEGRAM_DAILY_CAP,
      threads: s.THREADS_DAILY_CAP,
      facebook: s.FACEBOOK_DAILY_CAP,
      // Instagram allows 100 API posts per account per 24 hours, feed and Stories together: 50 each by default.
      instagram: s.INSTAGRAM_DAILY_CAP,
      'instagram-story': s.INSTAGRAM_DAILY_CAP,
    },
  };
}
type Networks = ReturnType<typeof networksOf>;
// --- end of issue 21's networks ---

/** Whole minutes from 0 to `max` (a desk's schedule). */
const minutes = (max: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(max).default(0));

/** `23:00-06:30`: the hours nothing is posted in (POST_TIMEZONE's clock); across midnight when start > end. */
const quietHours = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((s, ctx): QuietHours => {
      const q = parseQuietHours(s);
      if (typeof q === 'string') {
        ctx.addIssue({ code: 'custom', message: q });
        return z.NEVER;
      }
      return q;
    })
    .optional(),
);

/**
 * A platform's name inside a setting's name: capitals, with '_' for '-' (environment variables cannot hold '-'), so
 * instagram-story's spacing is POST_SPACING_MINUTES_INSTAGRAM_STORY.
 */
export const settingSuffix = (platform: Platform) => platform.toUpperCase().replaceAll('-', '_');

/** Per-network spacing, one setting per platform: POST_SPACING_MINUTES_X … POST_SPACING_MINUTES_INSTAGRAM_STORY. */
export const SPACING_SETTINGS = Object.fromEntries(
  PLATFORMS.map((p) => [`POST_SPACING_MINUTES_${settingSuffix(p)}`, p]),
) as Record<string, Platform>;
const SPACING_PREFIX = 'POST_SPACING_MINUTES_';

/** Every setting in DESIGN.md, by the name users set it with. Documented in .dev.vars.example. */
export const SettingsSchema = z.object({
  ...NETWORK_SETTINGS,
  /** Origin used in share pages and API answers; without it, the origin of each request. */
  PUBLIC_BASE_URL: z.preprocess(blankToUndefined, baseUrl.optional()),
  /** Bearer token of the stories API. Unset: the API answers 401 (never open). */
  API_TOKEN: optionalString,
  /** HMAC key of ad-hoc /card.png URLs. Unset: /card.png answers 403. */
  SIGNING_SECRET: optionalString,
  BOT_MODE: z.preprocess(blankToUndefined, z.enum(BOT_MODES).default('off')),
  X_APP_KEY: optionalString,
  X_APP_SECRET: optionalString,
  X_ACCESS_TOKEN: optionalString,
  X_ACCESS_SECRET: optionalString,
  X_API_BASE_URL: z.preprocess(blankToUndefined, baseUrl.default('https://api.x.com')),
  BLUESKY_SERVICE: z.preprocess(blankToUndefined, baseUrl.default('https://bsky.social')),
  BLUESKY_IDENTIFIER: optionalString,
  BLUESKY_APP_PASSWORD: optionalString,
  MASTODON_BASE_URL: z.preprocess(blankToUndefined, baseUrl.optional()),
  MASTODON_ACCESS_TOKEN: optionalString,
  X_DAILY_CAP: dailyCap(50),
  BLUESKY_DAILY_CAP: dailyCap(200),
  MASTODON_DAILY_CAP: dailyCap(200),
  /** Campaign parameters added to each post's link (never to the share page's canonical URL). */
  POST_LINK_QUERY: linkQuery,
  /** Hosts exempt from the private-address block on fetched images, logos and feeds: local development and tests. */
  FETCH_ALLOW_HOSTS: hostList,
  /** What X charges per post, without and with a link (the outbox view's estimated spend). */
  X_POST_PRICE_USD: price(0.015),
  X_LINK_POST_PRICE_USD: price(0.2),
  /** A desk's schedule (src/bot/schedule.ts): the editor's window before a new story's posts go, in minutes. */
  POST_DELAY_MINUTES: minutes(10_080),
  POST_QUIET_HOURS: quietHours,
  POST_TIMEZONE: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine(isTimeZone, { message: 'expected an IANA time zone like Europe/Berlin or America/New_York' })
      .default('UTC'),
  ),
  /** At least this many minutes between two posts of one account: a burst goes out one every N minutes. */
  POST_SPACING_MINUTES: minutes(1440),
  // Per platform (checked in parseConfig, which names the setting in its message); listed so npm start passes them on.
  ...(Object.fromEntries(Object.keys(SPACING_SETTINGS).map((name) => [name, z.unknown().optional()])) as Record<
    `POST_SPACING_MINUTES_${string}`,
    z.ZodOptional<z.ZodUnknown>
  >),
  /** Comma-separated feed URLs polled on the cron trigger. */
  FEEDS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(httpUrl).default([]),
  ),
  /** Campaign parameters added to the article URL when a person is sent on from a share page (never crawlers'). */
  SHARE_REDIRECT_QUERY: z.preprocess(blankToUndefined, campaignQuery.optional()),
  /** Seconds a share page is kept at each Cloudflare location; 0 turns the edge cache off. */
  SHARE_CACHE_TTL: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(86_400).optional()),
  /** Cloudflare zone and API token (Cache Purge) for purging edited share pages at every location. */
  CLOUDFLARE_ZONE_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{32}$/i, { message: 'expected the 32 hex digits of a zone ID' })
      .optional(),
  ),
  CLOUDFLARE_PURGE_TOKEN: optionalString,
  CLOUDFLARE_API_BASE_URL: z.preprocess(blankToUndefined, baseUrl.default('https://api.cloudflare.com/client/v4')),
});

export const SETTING_NAMES = Object.keys(SettingsSchema.shape) as (keyof typeof SettingsSchema.shape)[];

export interface Config {
  publicBaseUrl: string | undefined;
  apiToken: string | undefined;
  signingSecret: string | undefined;
  botMode: BotMode;
  x: { appKey?: string; appSecret?: string; accessToken?: string; accessSecret?: string; apiBaseUrl: string };
  bluesky: { service: string; identifier?: string; appPassword?: string };
  mastodon: { baseUrl?: string; accessToken?: string };
  telegram: Networks['telegram'];
  threads: Networks['threads'];
  facebook: Networks['facebook'];
  instagram: Networks['instagram'];
  linkedin: Networks['linkedin'];
  /** The bot's daily cap per platform account (X_DAILY_CAP, BLUESKY_DAILY_CAP, MASTODON_DAILY_CAP, …). */
  dailyCaps: { x: number; bluesky: number; mastodon: number } & Networks['caps'];
  feeds: string[];
  share: {
    /** SHARE_REDIRECT_QUERY, without a leading `?`. */
    redirectQuery: string | undefined;
    /** Seconds a share page stays in a location's edge cache (SHARE_CACHE_TTL; 0 = not cached). */
    cacheTtl: number;
    /** The global purge (Cloudflare's purge-by-tag API), when both its settings are present. */
    purge: { zoneId: string; token: string; apiBaseUrl: string } | undefined;
  };
  /** POST_LINK_QUERY without its leading `?`; undefined: post links are the article URL as stored. */
  postLinkQuery: string | undefined;
  /** FETCH_ALLOW_HOSTS, lower-cased: `host` (any port) or `host:port`. */
  fetchAllowHosts: string[];
  /** X's price per post in USD, without and with a link. */
  xPrices: { post: number; linkPost: number };
  /** POST_DELAY_MINUTES, POST_QUIET_HOURS, POST_TIMEZONE, POST_SPACING_MINUTES(_<PLATFORM>). */
  schedule: DeskSchedule;
}

/**
 * Without a global purge an edit reaches other locations only when their copy expires, so copies are kept a minute.
 * With one, every location is told at once, so ten minutes: longer would save little D1 (a read per location every
 * ten minutes is already nothing) while a purge refused by Cloudflare's rate limit would leave a correction stale.
 */
export const SHARE_CACHE_TTL_DEFAULT = { local: 60, purged: 600 } as const;

/** A setting that is present but wrong. Thrown, so a misconfigured deploy fails loudly with the setting's name. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validate settings from any string map (Worker env, process.env); unknown keys (bindings) are ignored. */
export function parseConfig(env: Record<string, unknown>): Config {
  const result = SettingsSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => {
      const name = i.path.join('.');
      return `${name}: ${i.message}, received ${JSON.stringify(env[String(i.path[0])])}`;
    });
    throw new ConfigError(`invalid settings: ${problems.join('; ')}`);
  }
  const s = result.data;
  const networks = networksOf(s);
  if (Boolean(s.CLOUDFLARE_ZONE_ID) !== Boolean(s.CLOUDFLARE_PURGE_TOKEN)) {
    const [set, missing] = s.CLOUDFLARE_ZONE_ID
      ? ['CLOUDFLARE_ZONE_ID', 'CLOUDFLARE_PURGE_TOKEN']
      : ['CLOUDFLARE_PURGE_TOKEN', 'CLOUDFLARE_ZONE_ID'];
    throw new ConfigError(
      `invalid settings: ${missing}: expected it with ${set} (the global purge needs both), received nothing`,
    );
  }
  const spacingByPlatform: Record<string, number> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(SPACING_PREFIX) || blankToUndefined(value) === undefined) continue;
    const platform = SPACING_SETTINGS[name];
    // A misspelt network would be spaced by the default without a word: name the settings there are.
    if (!platform) {
      throw new ConfigError(
        `invalid settings: ${name}: expected one of ${Object.keys(SPACING_SETTINGS).join(', ')}, received a setting for no platform`,
      );
    }
    const n = minutes(1440).safeParse(value);
    if (!n.success)
      throw new ConfigError(
        `invalid settings: ${name}: expected whole minutes from 0 to 1440, received ${JSON.stringify(value)}`,
      );
    spacingByPlatform[platform] = n.data * 60_000;
  }
  const purge =
    s.CLOUDFLARE_ZONE_ID && s.CLOUDFLARE_PURGE_TOKEN
      ? { zoneId: s.CLOUDFLARE_ZONE_ID, token: s.CLOUDFLARE_PURGE_TOKEN, apiBaseUrl: s.CLOUDFLARE_API_BASE_URL }
      : undefined;
  return {
    publicBaseUrl: s.PUBLIC_BASE_URL,
    apiToken: s.API_TOKEN,
    signingSecret: s.SIGNING_SECRET,
    botMode: s.BOT_MODE,
    x: {
      appKey: s.X_APP_KEY,
      appSecret: s.X_APP_SECRET,
      accessToken: s.X_ACCESS_TOKEN,
      accessSecret: s.X_ACCESS_SECRET,
      apiBaseUrl: s.X_API_BASE_URL,
    },
    bluesky: { service: s.BLUESKY_SERVICE, identifier: s.BLUESKY_IDENTIFIER, appPassword: s.BLUESKY_APP_PASSWORD },
    mastodon: { baseUrl: s.MASTODON_BASE_URL, accessToken: s.MASTODON_ACCESS_TOKEN },
    telegram: networks.telegram,
    threads: networks.threads,
    facebook: networks.facebook,
    instagram: networks.instagram,
    linkedin: networks.linkedin,
    dailyCaps: { x: s.X_DAILY_CAP, bluesky: s.BLUESKY_DAILY_CAP, mastodon: s.MASTODON_DAILY_CAP, ...networks.caps },
    feeds: s.FEEDS,
    share: {
      redirectQuery: s.SHARE_REDIRECT_QUERY,
      cacheTtl: s.SHARE_CACHE_TTL ?? (purge ? SHARE_CACHE_TTL_DEFAULT.purged : SHARE_CACHE_TTL_DEFAULT.local),
      purge,
    },
    postLinkQuery: s.POST_LINK_QUERY,
    fetchAllowHosts: s.FETCH_ALLOW_HOSTS,
    xPrices: { post: s.X_POST_PRICE_USD, linkPost: s.X_LINK_POST_PRICE_USD },
    schedule: {
      delayMs: s.POST_DELAY_MINUTES * 60_000,
      quiet: s.POST_QUIET_HOURS ?? null,
      timeZone: s.POST_TIMEZONE,
      spacingMs: s.POST_SPACING_MINUTES * 60_000,
      spacingByPlatform,
    },
  };
}

// Settings are parsed once per env object (one per isolate in production), not once per request or queue batch.
const parsed = new WeakMap<object, Config>();

/** The Worker's settings from its env, parsed on first use and kept for the env's life: the one cached reader. */
export function configOf(env: object): Config {
  let config = parsed.get(env);
  if (!config) {
    config = parseConfig(env as Record<string, unknown>);
    parsed.set(env, config);
  }
  return config;
}
