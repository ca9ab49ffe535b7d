// A fake Mastodon server on 127.0.0.1: media upload with description, statuses honouring Idempotency-Key, and listings.
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

export const FAKE_MASTODON_TOKEN = 'fake-mastodon-access-token';

export interface FakeMastodonStatus {
  id: string;
  text: string;
  mediaIds: string[];
  /** The description of each attached media, in order. */
  descriptions: Array<string | undefined>;
  visibility: string;
  language?: string;
  idempotencyKey?: string;
  createdAt: string;
}

export interface FakeMastodonState {
  account: { id: string; username: string; acct: string };
  media: Record<string, { id: string; mimeType: string; size: number; description?: string; attached: boolean }>;
  statuses: FakeMastodonStatus[];
}

export type FakeMastodon = FakeServer & { state: FakeMastodonState };

const LIMIT = 500;
const URL_WEIGHT = 23;

export async function startFakeMastodon(options: { port?: number; faults?: Fault[] } = {}): Promise<FakeMastodon> {
  const state: FakeMastodonState = {
    account: { id: '109876543210', username: 'storycard', acct: 'storycard' },
    media: {},
    statuses: [],
  };
  // Mastodon keeps Idempotency-Key → status for an hour, per account.
  const byKey = new Map<string, string>();
  let origin = 'http://127.0.0.1';

  const faultReply = (fault: Fault): Reply | undefined => {
    if (fault.mode === '429') {
      const reset = new Date(Date.now() + (fault.resetSeconds ?? 60) * 1000).toISOString();
      return {
        status: 429,
        body: { error: 'Too many requests' },
        headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      };
    }
    if (fault.mode === '401') return { status: 401, body: { error: 'The access token is invalid' } };
    // What a Mastodon behind nginx sends when Puma is down: an HTML page, not JSON.
    if (fault.mode === '503') {
      return {
        status: 503,
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>',
      };
    }
    return undefined;
  };

  const statusJson = (s: FakeMastodonStatus) => ({
    id: s.id,
    uri: `${origin}/users/${state.account.username}/statuses/${s.id}`,
    url: `${origin}/@${state.account.username}/${s.id}`,
    created_at: s.createdAt,
    content: toHtml(s.text),
    visibility: s.visibility,
    account: accountJson(),
    media_attachments: s.mediaIds.map((id) => mediaJson(id)),
    mentions: [],
    tags: [],
    emojis: [],
  });
  const accountJson = () => ({
    ...state.account,
    display_name: 'storycard',
    url: `${origin}/@${state.account.username}`,
  });
  const mediaJson = (id: string) => {
    const m = state.media[id]!;
    return {
      id,
      type: 'image',
      url: `${origin}/system/media/${id}.png`,
      preview_url: `${origin}/system/media/${id}-small.png`,
      remote_url: null,
      description: m.description ?? null,
      blurhash: 'UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH',
    };
  };

  const handle = async (r: FakeRequest): Promise<Reply> => {
    origin = `http://${r.headers.host}`;
    if (r.headers.authorization !== `Bearer ${FAKE_MASTODON_TOKEN}`) {
      return { status: 401, body: { error: 'The access token is invalid' } };
    }
    if (r.method === 'GET' && r.path === '/api/v1/accounts/verify_credentials') {
      return { status: 200, body: accountJson() };
    }
    if (r.method === 'POST' && r.path === '/api/v2/media') {
      const form = parseMultipart(r);
      const file = form.get('file');
      if (!file?.data.length) return { status: 422, body: { error: 'Validation failed: File must be present' } };
      const mimeType = file.contentType ?? 'application/octet-stream';
      if (!mimeType.startsWith('image/'))
        return { status: 422, body: { error: `Validation failed: File has an unsupported type ${mimeType}` } };
      const description = form.get('description')?.data.toString('utf8');
      if (description && [...description].length > 1500) {
        return {
          status: 422,
          body: { error: 'Validation failed: Description is too long (maximum is 1500 characters)' },
        };
      }
      const id = nextId();
      state.media[id] = { id, mimeType, size: file.data.length, description, attached: false };
      return { status: 200, body: mediaJson(id) };
    }
    if (r.method === 'POST' && r.path === '/api/v1/statuses') {
      const key = r.headers['idempotency-key'];
      const known = typeof key === 'string' ? byKey.get(key) : undefined;
      if (known) return { status: 200, body: statusJson(state.statuses.find((s) => s.id === known)!) };
      const b = parseJson(r);
      const text = b?.status;
      const mediaIds = ((b?.media_ids ?? []) as unknown[]).map(String);
      if (typeof text !== 'string' || (!text.trim() && mediaIds.length === 0)) {
        return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
      }
      const length = countMastodon(text);
      if (length > LIMIT) {
        return { status: 422, body: { error: `Validation failed: Text character limit of ${LIMIT} exceeded` } };
      }
      for (const id of mediaIds) {
        if (!state.media[id]) return { status: 422, body: { error: 'Validation failed: media not found' } };
        if (state.media[id].attached)
          return { status: 422, body: { error: 'Validation failed: media already attached' } };
      }
      for (const id of mediaIds) state.media[id]!.attached = true;
      const status: FakeMastodonStatus = {
        id: nextId(),
        text,
        mediaIds,
        descriptions: mediaIds.map((id) => state.media[id]?.description),
        visibility: typeof b?.visibility === 'string' ? b.visibility : 'public',
        ...(typeof b?.language === 'string' ? { language: b.language } : {}),
        ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
        createdAt: new Date().toISOString(),
      };
      state.statuses.push(status);
      if (typeof key === 'string') byKey.set(key, status.id);
      return { status: 200, body: statusJson(status) };
    }
    const list = r.path.match(/^\/api\/v1\/accounts\/(\d+)\/statuses$/);
    if (r.method === 'GET' && list) {
      if (list[1] !== state.account.id) return { status: 404, body: { error: 'Record not found' } };
      const limit = Math.min(Number(r.url.searchParams.get('limit') ?? 20), 40);
      // Newest first; max_id pages back (statuses older than that id), as Mastodon's Link header would point.
      const maxId = r.url.searchParams.get('max_id');
      const older = [...state.statuses].reverse().filter((st) => !maxId || BigInt(st.id) < BigInt(maxId));
      const page = older.slice(0, limit);
      const headers: Record<string, string> = {};
      if (page.length === limit && older.length > limit) {
        headers.link = `<${origin}${r.path}?limit=${limit}&max_id=${page.at(-1)!.id}>; rel="next"`;
      }
      return { status: 200, body: page.map(statusJson), headers };
    }
    return { status: 404, body: { error: 'Record not found' } };
  };

  const server = await serve({
    port: options.port,
    faults: options.faults,
    state,
    faultReply,
    handle,
    classify: (r) =>
      r.method === 'POST' && r.path === '/api/v1/statuses' ? 'post' : r.path === '/api/v2/media' ? 'media' : 'other',
  });
  return Object.assign(server, { state });
}

const URL_RE = /https?:\/\/[^\s]+/g;

function countMastodon(text: string): number {
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...seg.segment(text.replace(URL_RE, 'x'.repeat(URL_WEIGHT)))].length;
}

/** Mastodon's rendering of a plain-text status: paragraphs, <br />, and links with the shortened display spans. */
function toHtml(text: string): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const link = (url: string) => {
    const bare = url.replace(/^https?:\/\//, '');
    const scheme = url.slice(0, url.length - bare.length);
    const shown = bare.slice(0, 30);
    const rest = bare.slice(30);
    return `<a href="${esc(url)}" target="_blank" rel="nofollow noopener"><span class="invisible">${esc(scheme)}</span><span class="${rest ? 'ellipsis' : ''}">${esc(shown)}</span><span class="invisible">${esc(rest)}</span></a>`;
  };
  return text
    .split(/\n{2,}/)
    .map((para) => {
      let out = '';
      let last = 0;
      for (const m of para.matchAll(URL_RE)) {
        out += esc(para.slice(last, m.index));
        out += link(m[0]);
        last = m.index + m[0].length;
      }
      out += esc(para.slice(last));
      return `<p>${out.replace(/\n/g, '<br />')}</p>`;
    })
    .join('');
}
