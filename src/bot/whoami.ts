// Who each configured account is, asked of the platform itself (npm start prints it before anything is posted), so a
// token of another Page, channel or member shows up as a wrong name on the first screen, not under a posted story.
import { GRAPH_VERSIONS, LINKEDIN_VERSION } from '../config.ts';
import type { BotCredentials } from './accounts.ts';
import { enabledPlatforms } from './accounts.ts';
import type { Platform } from './types.ts';
import { createXClient } from './x-poster.ts';

/** What the platform said: a name to show, and a problem when it could not say or named another account. */
export interface Identity {
  name?: string;
  problem?: string;
}

/** A GET that answers JSON or throws an Error that says what came back. */
async function getJson<T>(url: string, headers: Record<string, string>, timeoutMs: number): Promise<T> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new Error(`answered ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

export interface WhoAmIOptions {
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** X's plain-http agent for a fake on loopback (twitter-api-v2 uses node:https), as the posters get it. */
  httpAgent?: object;
}

type Resolver = (c: BotCredentials, timeoutMs: number, o: WhoAmIOptions) => Promise<Identity>;

const graph = (base: string, version: string, token: string, path: string, timeoutMs: number) =>
  getJson<{ id?: string; name?: string; username?: string }>(
    `${base}/${version}${path}`,
    {
      Authorization: `Bearer ${token}`,
    },
    timeoutMs,
  );

/** "the token is @x's (id 1), not THREADS_USER_ID=2": never post under a name the settings did not choose. */
const mismatch = (who: string, id: string | undefined, setting: string, expected: string) =>
  `the token is ${who}'s (id ${id ?? 'unknown'}), not ${setting}=${expected}`;

const instagram: Resolver = async (c, t) => {
  const me = await graph(
    c.instagram.apiBaseUrl,
    GRAPH_VERSIONS.instagram,
    c.instagram.accessToken!,
    `/${c.instagram.userId}?fields=id,username`,
    t,
  );
  return { name: `@${me.username}` };
};

/** One resolver per platform that has an identity endpoint reachable with the poster's own credentials. */
const RESOLVERS: Partial<Record<Platform, Resolver>> = {
  async x(c, t, o) {
    // OAuth 1.0a-signed, so through the poster's own client: GET /2/users/me.
    const client = createXClient({
      appKey: c.x.appKey!,
      appSecret: c.x.appSecret!,
      accessToken: c.x.accessToken!,
      accessSecret: c.x.accessSecret!,
      baseUrl: c.x.apiBaseUrl,
      timeoutMs: t,
      httpAgent: o.httpAgent,
    });
    const me = (await client.v2.me()).data;
    // The outbox names the account by the user id the access token starts with: it must be this user.
    const tokenUser = /^(\d+)-/.exec(c.x.accessToken!)?.[1];
    if (tokenUser && me.id !== tokenUser) {
      return { problem: `X says the token is @${me.username}'s (id ${me.id}), not user ${tokenUser}'s` };
    }
    return { name: `@${me.username}` };
  },
  async bluesky(c, t) {
    // Without a session (createSession is rate-limited): the DID the handle resolves to on the service. An email
    // identifier names no handle to resolve; the account is named from the settings alone then.
    const handle = c.bluesky.identifier!;
    if (handle.includes('@')) return {};
    const url = `${c.bluesky.service}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`;
    return { name: (await getJson<{ did?: string }>(url, {}, t)).did ?? '?' };
  },
  async mastodon(c, t) {
    const url = `${c.mastodon.baseUrl}/api/v1/accounts/verify_credentials`;
    const me = await getJson<{ acct?: string }>(url, { Authorization: `Bearer ${c.mastodon.accessToken}` }, t);
    return { name: `@${me.acct}@${new URL(c.mastodon.baseUrl!).host}` };
  },
  async telegram(c, t) {
    // The bot (getMe) and the channel it posts to (getChat): both must be the ones the settings name.
    const api = `${c.telegram.apiBaseUrl}/bot${c.telegram.botToken}`;
    type Answer<T> = { result: T };
    const bot = await getJson<Answer<{ username?: string }>>(`${api}/getMe`, {}, t);
    const chatId = encodeURIComponent(c.telegram.chatId!);
    const chat = await getJson<Answer<{ title?: string; username?: string }>>(
      `${api}/getChat?chat_id=${chatId}`,
      {},
      t,
    );
    const channel = chat.result.username ? ` @${chat.result.username}` : '';
    return { name: `"${chat.result.title ?? ''}"${channel}, bot @${bot.result.username ?? '?'}` };
  },
  async threads(c, t) {
    const me = await graph(
      c.threads.apiBaseUrl,
      GRAPH_VERSIONS.threads,
      c.threads.accessToken!,
      '/me?fields=id,username',
      t,
    );
    if (me.id !== c.threads.userId)
      return { problem: mismatch(`@${me.username}`, me.id, 'THREADS_USER_ID', c.threads.userId!) };
    return { name: `@${me.username}` };
  },
  async facebook(c, t) {
    // A Page token's /me is the Page itself.
    const me = await graph(
      c.facebook.apiBaseUrl,
      GRAPH_VERSIONS.facebook,
      c.facebook.pageToken!,
      '/me?fields=id,name',
      t,
    );
    if (me.id !== c.facebook.pageId)
      return { problem: mismatch(`"${me.name}"`, me.id, 'FACEBOOK_PAGE_ID', c.facebook.pageId!) };
    return { name: `"${me.name}"` };
  },
  instagram,
  'instagram-story': instagram,
  async linkedin(c, t) {
    const author = c.linkedin.author!;
    const headers = { Authorization: `Bearer ${c.linkedin.accessToken}` };
    const org = /^urn:li:organization:(\d+)$/.exec(author)?.[1];
    if (org) {
      const versioned = { ...headers, 'LinkedIn-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0' };
      const o = await getJson<{ localizedName?: string }>(
        `${c.linkedin.apiBaseUrl}/rest/organizations/${org}`,
        versioned,
        t,
      );
      return { name: `"${o.localizedName}"` };
    }
    // A member posts as the token's holder: OpenID userinfo's `sub` is the person id.
    const me = await getJson<{ sub?: string; name?: string }>(`${c.linkedin.apiBaseUrl}/v2/userinfo`, headers, t);
    if (`urn:li:person:${me.sub}` !== author)
      return { problem: mismatch(`"${me.name}"`, me.sub, 'LINKEDIN_AUTHOR', author) };
    return { name: `"${me.name}"` };
  },
};

/**
 * The name each enabled platform's account has on the platform: X, Mastodon, Telegram, Threads, Facebook, Instagram
 * and LinkedIn by their credentials; Bluesky by the DID its handle resolves to (opening a session only to ask would
 * spend Bluesky's rate-limited createSession). A platform that does not answer gets a problem, never a guess.
 */
export async function whoAmI(
  c: BotCredentials,
  options: WhoAmIOptions = {},
): Promise<Partial<Record<Platform, Identity>>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const enabled = enabledPlatforms(c).filter((p) => RESOLVERS[p]);
  const answers = await Promise.all(
    enabled.map(async (p): Promise<[Platform, Identity]> => {
      try {
        return [p, await RESOLVERS[p]!(c, timeoutMs, options)];
      } catch (error) {
        return [
          p,
          { problem: `could not confirm the account: ${error instanceof Error ? error.message : String(error)}` },
        ];
      }
    }),
  );
  return Object.fromEntries(answers);
}
