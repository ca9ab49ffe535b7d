// Posts to X through twitter-api-v2 (OAuth 1.0a user context): upload the card, set its alt text, post the text.
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  type IClientSettings,
  type ITwitterApiClientPlugin,
  TwitterApi,
} from 'twitter-api-v2';
import { decodeEntities, samePost } from './match.ts';
import {
  failure,
  LOOKUP_MAX_PAGES,
  type LookupOptions,
  type LookupResult,
  type Poster,
  type PostFailure,
  type PostResult,
} from './types.ts';

export interface XCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

export interface XPosterOptions extends XCredentials {
  /** X_API_BASE_URL: where both X hosts (api and upload) are reached; default https://api.x.com. */
  baseUrl?: string;
  /** Per-request socket timeout; a create request that times out is 'ambiguous'. Default 20 s. */
  timeoutMs?: number;
  /** For a plain-http baseUrl (a local fake): the runtime's http Agent (src/runtime/http-agent.ts). */
  httpAgent?: object | undefined;
}

export const X_DEFAULT_BASE_URL = 'https://api.x.com';
const X_HOSTS = new Set(['api.x.com', 'upload.x.com', 'api.twitter.com', 'upload.twitter.com']);

/**
 * twitter-api-v2 has no base-URL option, so this plugin rewrites its X hosts to `baseUrl` (a fake X in tests),
 * keeps v2's JSON body mode (which the library would otherwise infer from the host), and sets the timeout.
 */
export function xTransportPlugin(baseUrl: string, timeoutMs: number): ITwitterApiClientPlugin {
  const base = new URL(baseUrl);
  const prefix = base.href.replace(/\/$/, '');
  const rewrite = base.href !== `${X_DEFAULT_BASE_URL}/`;
  return {
    onBeforeRequestConfig({ url, params }) {
      params.timeout ??= timeoutMs;
      if (!rewrite || !X_HOSTS.has(url.hostname)) return;
      if (!params.forceBodyMode && url.pathname.startsWith('/2/')) params.forceBodyMode = 'json';
      params.url = prefix + url.pathname + url.search;
    },
  };
}

export function createXClient(options: XPosterOptions): TwitterApi {
  const baseUrl = options.baseUrl ?? X_DEFAULT_BASE_URL;
  const { appKey, appSecret, accessToken, accessSecret } = options;
  const plainHttp = new URL(baseUrl).protocol === 'http:';
  if (plainHttp && !options.httpAgent) {
    throw new Error(`X_API_BASE_URL: ${baseUrl} is plain http, which needs the runtime's http Agent (httpAgent)`);
  }
  return new TwitterApi(
    { appKey, appSecret, accessToken, accessSecret },
    {
      plugins: [xTransportPlugin(baseUrl, options.timeoutMs ?? 20_000)],
      // The library calls node:https' request(); a plain-http target (the local fake) needs an http Agent.
      httpAgent: plainHttp ? (options.httpAgent as IClientSettings['httpAgent']) : undefined,
    },
  );
}

export function createXPoster(options: XPosterOptions): Poster {
  const client = createXClient(options).readWrite;
  // X access tokens are "<user id>-<secret>", which saves a /2/users/me call; fall back to it otherwise.
  let userId: string | undefined = /^(\d+)-/.exec(options.accessToken)?.[1];

  return {
    platform: 'x',

    async post({ text, image, imageType = 'image/png', alt, fence }): Promise<PostResult> {
      let mediaId: string | undefined;
      try {
        if (image) {
          mediaId = await client.v2.uploadMedia(Buffer.from(image), {
            media_type: imageType,
            media_category: 'tweet_image',
          });
          if (alt)
            await client.v2.createMediaMetadata(mediaId, {
              alt_text: { text: Array.from(alt).slice(0, 1000).join('') },
            });
        }
      } catch (error) {
        return classifyXError(error, 'media');
      }
      // The upload may have been slow: renew the lease (or stop, if another attempt took over) before posting.
      await fence?.();
      try {
        const res = await client.v2.tweet(text, mediaId ? { media: { media_ids: [mediaId] } } : {});
        return { ok: true, platformPostId: res.data.id, url: `https://x.com/i/web/status/${res.data.id}` };
      } catch (error) {
        return classifyXError(error, 'post');
      }
    },

    async findExisting(text: string, { since, link }: LookupOptions = {}): Promise<LookupResult> {
      try {
        userId ??= (await client.v2.me()).data.id;
        let next: string | undefined;
        // Page back to the first attempt (start_time), so a post made any time during the lease window is seen.
        for (let page = 0; page < LOOKUP_MAX_PAGES; page++) {
          const res = await client.v2.userTimeline(userId, {
            max_results: 100,
            exclude: ['replies', 'retweets'],
            'tweet.fields': ['created_at', 'entities'],
            // A little slack for clock skew between us and X.
            ...(since ? { start_time: new Date(since - 5 * 60_000).toISOString() } : {}),
            ...(next ? { pagination_token: next } : {}),
          });
          for (const tweet of res.tweets) {
            const urls = tweet.entities?.urls ?? [];
            let stored = tweet.text;
            for (const u of urls) stored = stored.replace(u.url, u.expanded_url ?? u.url);
            // X appends a t.co link for attached media; what is left of t.co after expanding entities is that link.
            stored = decodeEntities(stored.replace(/\s*https:\/\/t\.co\/\w+$/, ''));
            if (samePost({ text: stored, links: urls.map((u) => u.expanded_url ?? u.url) }, { text, link })) {
              return { status: 'found', platformPostId: tweet.id, url: `https://x.com/i/web/status/${tweet.id}` };
            }
          }
          next = res.meta?.next_token;
          if (!next) return { status: 'absent' };
        }
        const message = `more than ${LOOKUP_MAX_PAGES} pages of X posts since the first attempt; cannot tell`;
        return { status: 'unknown', failure: failure('retryable', message) };
      } catch (error) {
        return { status: 'unknown', failure: classifyXError(error, 'lookup') };
      }
    },
  };
}

/**
 * X's answers → PostFailure. `step` matters: a lost answer to the create request may hide a published post
 * (ambiguous), while a lost answer during media upload or lookup published nothing (retryable).
 * Anything that is not an X API error is a bug, and is thrown.
 */
export function classifyXError(error: unknown, step: 'media' | 'post' | 'lookup'): PostFailure {
  const unsure = step === 'post' ? 'ambiguous' : 'retryable';
  if (error instanceof ApiResponseError) {
    const status = error.code;
    const detail = describe(error);
    const message = `X answered ${status} to the ${step} request: ${detail}`;
    if (status === 429) return failure('rate_limited', message, { status, retryAt: rateLimitReset(error.headers) });
    if (status === 403 && /duplicate content/i.test(detail)) return failure('duplicate', message, { status });
    if (status === 401 || status === 403) return failure('permanent', message, { status });
    if (status >= 500) return failure(unsure, message, { status });
    if (status === 408 || status === 409) return failure('retryable', message, { status });
    return failure('permanent', message, { status });
  }
  if (error instanceof ApiPartialResponseError) {
    return failure(unsure, `X's answer to the ${step} request was cut off: ${error.message}`);
  }
  if (error instanceof ApiRequestError) {
    // twitter-api-v2 1.29 stores the socket error under `_options.error` while its `requestError` getter reads
    // `_options.requestError`, so the getter comes back empty: read both.
    const hidden = (error as unknown as { _options?: { error?: Error } })._options?.error;
    const cause = (error.requestError ?? hidden ?? new Error(error.message)) as Error & { code?: string };
    // The request never reached X: nothing can have been published.
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(cause.code ?? '')) {
      return failure('retryable', `X could not be reached for the ${step} request: ${cause.code}`);
    }
    return failure(unsure, `X did not answer the ${step} request: ${cause.message}`);
  }
  throw error;
}

function describe(error: ApiResponseError): string {
  const data = error.data as { detail?: string; title?: string; errors?: Array<{ message?: string }> } | undefined;
  const parts = [data?.title, data?.detail, ...(data?.errors ?? []).map((e) => e.message)].filter(Boolean);
  return parts.length ? parts.join(': ') : error.message;
}

/** When to try again after a 429: the latest reset among the exhausted windows (15-minute, app day, user day). */
export function rateLimitReset(headers: Record<string, string | string[] | undefined>, now = Date.now()): number {
  const h = (k: string) => {
    const v = headers[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const resets: number[] = [];
  for (const [remaining, reset] of [
    ['x-rate-limit-remaining', 'x-rate-limit-reset'],
    ['x-app-limit-24hour-remaining', 'x-app-limit-24hour-reset'],
    ['x-user-limit-24hour-remaining', 'x-user-limit-24hour-reset'],
  ] as const) {
    if (h(remaining) === '0' && Number(h(reset)) > 0) resets.push(Number(h(reset)) * 1000);
  }
  if (resets.length === 0 && Number(h('x-rate-limit-reset')) > 0) resets.push(Number(h('x-rate-limit-reset')) * 1000);
  return resets.length ? Math.max(...resets) : now + 60_000;
}
