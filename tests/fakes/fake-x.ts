// A fake X API v2 on 127.0.0.1: the media upload, alt text, post and timeline endpoints the bot uses, with X's error shapes.
import { createHash } from 'node:crypto';
import {
  type FakeRequest,
  type FakeServer,
  type Fault,
  nextId,
  parseJson,
  parseMultipart,
  type Reply,
  serve,
} from './http.ts';
import { type OAuth1Credentials, verifyOAuth1 } from './oauth1.ts';
import { isPng } from './png.ts';

export const FAKE_X_CREDENTIALS: OAuth1Credentials = {
  appKey: 'fake-app-key',
  appSecret: 'fake-app-secret',
  // X access tokens start with the user's id.
  accessToken: '1234567890-fake-access-token',
  accessSecret: 'fake-access-secret',
};

export interface FakeXMedia {
  id: string;
  mediaType: string;
  totalBytes: number;
  received: number;
  sha256: string;
  finalized: boolean;
  altText?: string;
}

export interface FakeXPost {
  id: string;
  text: string;
  mediaIds: string[];
  /** Alt text of each attached media, in order. */
  altTexts: Array<string | undefined>;
  createdAt: string;
}

export interface FakeXState {
  user: { id: string; username: string; name: string };
  media: Record<string, FakeXMedia>;
  posts: FakeXPost[];
}

export interface FakeXOptions {
  port?: number;
  faults?: Fault[];
  credentials?: OAuth1Credentials;
}

export type FakeX = FakeServer & { state: FakeXState };

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const problem = (status: number, title: string, detail: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { title, detail, type: 'about:blank', status },
  headers,
});
const invalid = (message: string): Reply => ({
  status: 400,
  body: {
    errors: [{ message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  },
});
const DUPLICATE = problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');

export async function startFakeX(options: FakeXOptions = {}): Promise<FakeX> {
  const creds = options.credentials ?? FAKE_X_CREDENTIALS;
  const state: FakeXState = {
    user: { id: creds.accessToken.split('-')[0]!, username: 'storycard_bot', name: 'storycard bot' },
    media: {},
    posts: [],
  };
  const chunks = new Map<string, Buffer[]>();

  const faultReply = (fault: Fault): Reply | undefined => {
    const reset = String(Math.ceil(Date.now() / 1000) + (fault.resetSeconds ?? 60));
    switch (fault.mode) {
      case '429':
        return problem(429, 'Too Many Requests', 'Too Many Requests', {
          'x-rate-limit-limit': '100',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': reset,
        });
      case '429-user-day':
        // The 24-hour user cap: the 15-minute window still has room, the day does not.
        return problem(429, 'Too Many Requests', 'Too Many Requests', {
          'x-rate-limit-limit': '100',
          'x-rate-limit-remaining': '99',
          'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 900),
          'x-user-limit-24hour-limit': '17',
          'x-user-limit-24hour-remaining': '0',
          'x-user-limit-24hour-reset': reset,
        });
      case '503':
        return problem(503, 'Service Unavailable', 'Service Unavailable');
      case '401':
        return problem(401, 'Unauthorized', 'Unauthorized');
      case 'duplicate':
        return DUPLICATE;
      default:
        return undefined;
    }
  };

  const handle = async (r: FakeRequest): Promise<Reply> => {
    const form =
      r.method === 'POST' && String(r.headers['content-type']).startsWith('application/x-www-form-urlencoded');
    const why = verifyOAuth1(
      r.method,
      r.url,
      r.headers.authorization,
      creds,
      form ? new URLSearchParams(r.body.toString()) : undefined,
    );
    if (why) return problem(401, 'Unauthorized', `Unauthorized (${why})`);

    const p = r.path;
    if (r.method === 'POST' && p === '/2/media/upload/initialize') {
      const b = parseJson(r);
      if (!b) return invalid('expected a JSON body');
      const type = String(b.media_type ?? '');
      const total = Number(b.total_bytes);
      if (!IMAGE_TYPES.has(type)) return invalid(`media_type: unsupported ${type}`);
      if (!(total > 0) || total > MAX_IMAGE_BYTES) return invalid(`total_bytes: must be 1..${MAX_IMAGE_BYTES}`);
      const id = nextId();
      state.media[id] = { id, mediaType: type, totalBytes: total, received: 0, sha256: '', finalized: false };
      chunks.set(id, []);
      return { status: 200, body: { data: { id, media_key: `3_${id}`, expires_after_secs: 86400 } } };
    }
    const append = p.match(/^\/2\/media\/upload\/(\d+)\/(append|finalize)$/);
    if (r.method === 'POST' && append) {
      const m = state.media[append[1]!];
      if (!m) return invalid('media_id: not found');
      if (append[2] === 'append') {
        const form = parseMultipart(r);
        const buf = form.get('media')?.data;
        if (!buf || !form.has('segment_index')) return invalid('expected media and segment_index');
        chunks.get(m.id)!.push(buf);
        m.received += buf.length;
        return { status: 200, body: { data: { expires_at: Math.floor(Date.now() / 1000) + 86400 } } };
      }
      if (m.received !== m.totalBytes) return invalid(`media: received ${m.received} of ${m.totalBytes} bytes`);
      const bytes = Buffer.concat(chunks.get(m.id)!);
      if (m.mediaType === 'image/png' && !isPng(bytes)) return invalid('media: the bytes are not a PNG');
      m.finalized = true;
      m.sha256 = createHash('sha256').update(bytes).digest('hex');
      return {
        status: 200,
        body: { data: { id: m.id, media_key: `3_${m.id}`, size: m.totalBytes, expires_after_secs: 86400 } },
      };
    }
    if (r.method === 'POST' && p === '/2/media/metadata') {
      const b = parseJson(r);
      const id = String(b?.id ?? '');
      const alt = (b?.metadata as { alt_text?: { text?: unknown } } | undefined)?.alt_text?.text;
      const m = state.media[id];
      if (!m?.finalized) return invalid('id: media not found or not finalized');
      if (typeof alt !== 'string' || alt.length === 0 || alt.length > 1000) return invalid('alt_text: 1..1000 chars');
      m.altText = alt;
      return { status: 200, body: { data: { id, associated_metadata: { alt_text: { text: alt } } } } };
    }
    if (r.method === 'POST' && p === '/2/tweets') {
      const b = parseJson(r);
      const text = b?.text;
      if (typeof text !== 'string' || !text.trim()) return invalid('text: required');
      const ids = ((b?.media as { media_ids?: unknown } | undefined)?.media_ids ?? []) as unknown[];
      if (!Array.isArray(ids) || ids.length > 4) return invalid('media.media_ids: at most 4');
      for (const id of ids)
        if (!state.media[String(id)]?.finalized) return invalid(`media_ids: ${String(id)} not found`);
      if (state.posts.some((t) => t.text === text)) return DUPLICATE;
      const id = nextId();
      const mediaIds = ids.map(String);
      state.posts.push({
        id,
        text,
        mediaIds,
        altTexts: mediaIds.map((m) => state.media[m]?.altText),
        createdAt: new Date().toISOString(),
      });
      return { status: 201, body: { data: { id, text: asX(text, mediaIds).text, edit_history_tweet_ids: [id] } } };
    }
    if (r.method === 'GET' && p === '/2/users/me') return { status: 200, body: { data: state.user } };
    const timeline = p.match(/^\/2\/users\/(\d+)\/tweets$/);
    if (r.method === 'GET' && timeline) {
      if (timeline[1] !== state.user.id) return problem(404, 'Not Found Error', 'Could not find user');
      const max = Number(r.url.searchParams.get('max_results') ?? 10);
      if (!(max >= 5 && max <= 100)) return invalid('max_results: must be between 5 and 100');
      const since = r.url.searchParams.get('start_time');
      const token = r.url.searchParams.get('pagination_token');
      // Newest first; the pagination token (opaque to clients) is where the next page starts.
      const all = state.posts.filter((t) => !since || t.createdAt >= since).reverse();
      const from = token ? Number(Buffer.from(token, 'base64url').toString()) : 0;
      if (!Number.isInteger(from) || from < 0) return invalid('pagination_token: invalid');
      const next = from + max < all.length ? Buffer.from(String(from + max)).toString('base64url') : undefined;
      const data = all.slice(from, from + max).map((t) => ({
        id: t.id,
        created_at: t.createdAt,
        edit_history_tweet_ids: [t.id],
        ...asX(t.text, t.mediaIds),
      }));
      const meta = data.length
        ? {
            result_count: data.length,
            newest_id: data[0]!.id,
            oldest_id: data.at(-1)!.id,
            ...(next ? { next_token: next } : {}),
          }
        : { result_count: 0 };
      return { status: 200, body: data.length ? { data, meta } : { meta } };
    }
    return problem(404, 'Not Found Error', `no route ${r.method} ${p}`);
  };

  const server = await serve({
    port: options.port,
    faults: options.faults,
    state,
    faultReply,
    handle,
    classify: (r) =>
      r.path === '/2/tweets' && r.method === 'POST' ? 'post' : r.path.startsWith('/2/media') ? 'media' : 'other',
  });
  return Object.assign(server, { state });
}

/** How X shows a stored post: links become t.co links (with entities), media adds one, & < > are escaped. */
function asX(text: string, mediaIds: string[]) {
  const urls: Array<{ start: number; end: number; url: string; expanded_url: string; display_url: string }> = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s]+/g)) {
    out += escapeHtml(text.slice(last, m.index));
    const tco = `https://t.co/${createHash('sha1').update(m[0]).digest('base64url').slice(0, 10)}`;
    const start = [...out].length;
    urls.push({
      start,
      end: start + tco.length,
      url: tco,
      expanded_url: m[0],
      display_url: m[0].replace(/^https?:\/\//, ''),
    });
    out += tco;
    last = m.index + m[0].length;
  }
  out += escapeHtml(text.slice(last));
  if (mediaIds.length) out += ` https://t.co/${mediaIds[0]!.slice(-10)}`;
  return urls.length ? { text: out, entities: { urls } } : { text: out };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
