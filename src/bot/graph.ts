// Meta's Graph APIs (Threads, Facebook Pages, Instagram) over plain fetch: one request helper, one error classifier, the
// container wait, the permalink, and one lookup over an account's list.
import { linksIn, samePost } from './match.ts';
import {
  failure,
  LOOKUP_MAX_PAGES,
  type LookupOptions,
  type LookupResult,
  type PostFailure,
  type PostInput,
} from './types.ts';

/** A Graph error body: `{error: {message, type, code, error_subcode, is_transient}}`. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_msg?: string;
}

/** A Graph answer that was not a success: its status, its error, and the rate-limit headers. */
export class GraphError extends Error {
  override name = 'GraphError';
  readonly status: number;
  readonly body: GraphErrorBody;
  readonly headers: Headers;
  constructor(status: number, body: GraphErrorBody, headers: Headers) {
    super(body.error_user_msg ?? body.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** No usable answer (a timeout, a dropped connection, a page that is not JSON). */
export class GraphNoAnswer extends Error {
  override name = 'GraphNoAnswer';
}

export interface GraphClient {
  get<T>(path: string, query?: Record<string, string>): Promise<T>;
  post<T>(path: string, body: Record<string, string> | FormData): Promise<T>;
}

/** `base` already carries the pinned version (https://graph.facebook.com/v23.0). The token goes in a header, never a URL. */
export function graphClient(base: string, accessToken: string, timeoutMs: number): GraphClient {
  const call = async <T>(url: string, init: RequestInit): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(url, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new GraphNoAnswer(error instanceof Error ? error.message : String(error));
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new GraphNoAnswer(`HTTP ${res.status} with a body that is not JSON`);
    }
    const err = (json as { error?: GraphErrorBody } | null)?.error;
    if (!res.ok || err) throw new GraphError(res.status, err ?? {}, res.headers);
    return json as T;
  };
  return {
    get: (path, query = {}) => call(`${base}${path}?${new URLSearchParams(query)}`, { method: 'GET' }),
    post: (path, body) =>
      call(`${base}${path}`, {
        method: 'POST',
        body: body instanceof FormData ? body : new URLSearchParams(body),
      }),
  };
}

/** Graph's throttling codes: app (4), user (17), page/Threads (32, 613), business use case (80001–80014). */
const THROTTLED = new Set([4, 17, 32, 613]);
const isThrottled = (code: number | undefined) =>
  code !== undefined && (THROTTLED.has(code) || (code >= 80_001 && code <= 80_014));

/**
 * When a throttled account may call again: Retry-After, or the longest `estimated_time_to_regain_access` (minutes)
 * in the usage headers Graph sends, or an hour (Graph's windows are rolling hours).
 */
export function graphRetryAt(headers: Headers, now = Date.now()): number {
  const after = Number(headers.get('retry-after'));
  if (after > 0) return now + after * 1000;
  let minutes = 0;
  for (const name of ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    for (const m of raw.matchAll(/"estimated_time_to_regain_access"\s*:\s*(\d+)/g))
      minutes = Math.max(minutes, Number(m[1]));
  }
  return now + (minutes > 0 ? minutes * 60_000 : 3600_000);
}

/**
 * A Graph failure → PostFailure. `publishes`: the request that makes the post, where no answer (or a 5xx) means it may
 * exist ('ambiguous'); before it, nothing can have been published ('retryable').
 */
export function classifyGraphError(network: string, step: string, error: unknown, publishes: boolean): PostFailure {
  const unsure = publishes ? 'ambiguous' : 'retryable';
  if (error instanceof GraphNoAnswer)
    return failure(unsure, `${network} gave no usable answer to the ${step} request: ${error.message}`);
  if (!(error instanceof GraphError)) throw error;
  const { status, body } = error;
  const code = body.code;
  const message = `${network} answered ${status}${code !== undefined ? ` (code ${code})` : ''} to the ${step} request: ${error.message}`;
  if (status === 429 || isThrottled(code))
    return failure('rate_limited', message, { status, retryAt: graphRetryAt(error.headers) });
  if (status >= 500 || body.is_transient || code === 1 || code === 2) return failure(unsure, message, { status });
  // 190: the token expired or was revoked; 10/200-299: a permission is missing. Retrying cannot help.
  return failure('permanent', message, { status });
}

interface Page<T> {
  data: T[];
  paging?: { cursors?: { after?: string }; next?: string };
}

/**
 * Newest first, page by page, back to the first attempt (less five minutes of clock skew): the post with the same
 * words and link, or absent, or unknown after LOOKUP_MAX_PAGES pages.
 */
export async function findInList<T>(
  network: string,
  client: GraphClient,
  path: string,
  query: Record<string, string>,
  read: (item: T) => { id: string; text: string; url: string; at: number },
  text: string,
  { since, link }: LookupOptions,
): Promise<LookupResult> {
  try {
    let after: string | undefined;
    for (let page = 0; page < LOOKUP_MAX_PAGES; page++) {
      const res = await client.get<Page<T>>(path, { ...query, limit: '100', ...(after ? { after } : {}) });
      for (const item of res.data) {
        const post = read(item);
        if (since && post.at < since - 5 * 60_000) return { status: 'absent' };
        if (samePost({ text: post.text, links: linksIn(post.text) }, { text, link }))
          return { status: 'found', platformPostId: post.id, url: post.url };
      }
      after = res.paging?.cursors?.after;
      if (!after || !res.paging?.next || res.data.length === 0) return { status: 'absent' };
    }
    const message = `more than ${LOOKUP_MAX_PAGES} pages of ${network} posts since the first attempt; cannot tell`;
    return { status: 'unknown', failure: failure('retryable', message) };
  } catch (error) {
    return { status: 'unknown', failure: classifyGraphError(network, 'lookup', error, false) };
  }
}

/** Graph's times look like 2026-12-06T18:40:03+0000; epoch ms (0 when missing or unreadable). */
export function graphTime(s: string | undefined): number {
  const t = Date.parse((s ?? '').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(t) ? 0 : t;
}

/** What a Graph network calls the fields of a post in its list: Threads `text`/`permalink`/`timestamp` and so on. */
export interface ListFields {
  text: string;
  url: string;
  time: string;
}

/**
 * A Graph poster's findExisting: the account's list at `path` (`/{id}/threads`, `/{page-id}/posts`, `/{ig-user}/media`)
 * read with the network's field names; `postUrl` for an item without a permalink.
 */
export function graphLookup(
  network: string,
  client: GraphClient,
  path: string,
  fields: ListFields,
  postUrl: (id: string) => string,
): (text: string, lookup?: LookupOptions) => Promise<LookupResult> {
  type Item = { id: string } & Record<string, string | undefined>;
  const query = { fields: `id,${fields.text},${fields.url},${fields.time}` };
  return (text, lookup = {}) =>
    findInList<Item>(
      network,
      client,
      path,
      query,
      (item) => ({
        id: item.id,
        text: item[fields.text] ?? '',
        url: item[fields.url] ?? postUrl(item.id),
        at: graphTime(item[fields.time]),
      }),
      text,
      lookup,
    );
}

/** The permalink of a published post, or undefined: the post exists either way, so a failed read is no failure. */
export const permalinkOf = (client: GraphClient, id: string): Promise<string | undefined> =>
  client
    .get<{ permalink?: string }>(`/${id}`, { fields: 'permalink' })
    .then((r) => r.permalink)
    .catch(() => undefined);

export interface ContainerWait {
  network: string;
  container: string;
  imageUrl: string;
  /** Threads answers `status` (with `error_message`), Instagram `status_code`. */
  statusField: 'status' | 'status_code';
  /** The fields asked for: the status field and whatever explains an error. */
  fields: string;
  polls?: number;
  pollMs?: number;
  fence?: PostInput['fence'];
}

/**
 * Threads and Instagram fetch and process the card after making the container; publishing before FINISHED fails.
 * Undefined once FINISHED; a permanent failure for ERROR or EXPIRED; retryable while still processing after `polls`
 * (default 15) waits of `pollMs` (default 2 s). Graph errors are thrown for the caller's classifier.
 */
export async function awaitContainer(w: ContainerWait, client: GraphClient): Promise<PostFailure | undefined> {
  for (let i = 0; ; i++) {
    const s = await client.get<Record<string, string | undefined>>(`/${w.container}`, { fields: w.fields });
    const status = s[w.statusField];
    if (status === 'FINISHED') return undefined;
    if (status === 'ERROR' || status === 'EXPIRED') {
      return failure('permanent', `${w.network} could not use the card at ${w.imageUrl}: ${s.error_message ?? status}`);
    }
    if (i + 1 >= (w.polls ?? 15)) return failure('retryable', `${w.network} is still processing the card (${status})`);
    await w.fence?.();
    await new Promise((r) => setTimeout(r, w.pollMs ?? 2000));
  }
}
