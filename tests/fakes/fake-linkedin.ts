// A fake LinkedIn API on 127.0.0.1: Images API (initializeUpload, then a PUT of the bytes), Posts API (create with
// x-restli-id, find by author), the versioned headers it requires, and its error bodies.
import { type FakeRequest, type FakeServer, type Fault, parseJson, type Reply, serve } from './http.ts';
import { type ImageInfo, imageInfo } from './image-size.ts';

export const FAKE_LINKEDIN = {
  token: 'fake-linkedin-access-token',
  author: 'urn:li:organization:2414183',
  /** The organization's name, and the member who holds the token (OpenID userinfo). */
  name: 'Storycard News',
  member: { sub: 'yrZCpj2Z12', name: 'Ida Berg' },
};

export interface FakeLinkedInPost {
  id: string;
  /** The commentary as sent (little text, escaped) and as shown (unescaped). */
  commentary: string;
  shown: string;
  image?: ImageInfo;
  altText?: string;
  createdAt: number;
}

export interface FakeLinkedInState {
  images: Record<string, ImageInfo | null>;
  posts: FakeLinkedInPost[];
}

export type FakeLinkedIn = FakeServer & { state: FakeLinkedInState };

const error = (status: number, message: string, serviceErrorCode = 100): Reply => ({
  status,
  body: { status, serviceErrorCode, code: status === 429 ? 'TOO_MANY_REQUESTS' : 'ERROR', message },
});

export async function startFakeLinkedIn(options: { port?: number; faults?: Fault[] } = {}): Promise<FakeLinkedIn> {
  const state: FakeLinkedInState = { images: {}, posts: [] };
  let n = 0;
  const next = () => `${Date.now()}${String(++n).padStart(4, '0')}`;

  const faultReply = (fault: Fault): Reply | undefined => {
    if (fault.mode === '429') {
      return {
        ...error(429, 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.'),
        headers: { 'retry-after': String(fault.resetSeconds ?? 3600) },
      };
    }
    if (fault.mode === '503') return error(503, 'Service Unavailable');
    if (fault.mode === '401') return error(401, 'Invalid access token', 65600);
    return undefined;
  };

  const handle = async (r: FakeRequest): Promise<Reply> => {
    if (r.headers.authorization !== `Bearer ${FAKE_LINKEDIN.token}`) return error(401, 'Invalid access token', 65600);
    if (r.method === 'PUT' && r.path.startsWith('/upload/')) {
      const urn = decodeURIComponent(r.path.slice('/upload/'.length));
      if (!(urn in state.images)) return { status: 404, body: '' };
      state.images[urn] = imageInfo(r.body);
      return { status: 201 };
    }
    // OpenID Connect userinfo: the member the token belongs to (unversioned, like the rest of /v2).
    if (r.method === 'GET' && r.path === '/v2/userinfo') {
      return { status: 200, body: { sub: FAKE_LINKEDIN.member.sub, name: FAKE_LINKEDIN.member.name } };
    }
    if (!/^\d{6}$/.test(String(r.headers['linkedin-version'] ?? ''))) {
      return error(426, 'A version header (LinkedIn-Version: YYYYMM) is required');
    }
    if (r.method === 'POST' && r.path === '/rest/images' && r.url.searchParams.get('action') === 'initializeUpload') {
      const owner = (parseJson(r)?.initializeUploadRequest as { owner?: string } | undefined)?.owner;
      if (owner !== FAKE_LINKEDIN.author) return error(403, `Not enough permissions to upload for ${owner}`);
      const urn = `urn:li:image:D${next()}`;
      state.images[urn] = null;
      const uploadUrl = `http://${r.headers.host}/upload/${encodeURIComponent(urn)}`;
      return { status: 200, body: { value: { uploadUrlExpiresAt: Date.now() + 3600_000, uploadUrl, image: urn } } };
    }
    if (r.method === 'POST' && r.path === '/rest/posts') {
      const body = parseJson(r) ?? {};
      if (body.author !== FAKE_LINKEDIN.author)
        return error(403, `Not enough permissions to post as ${String(body.author)}`);
      const commentary = String(body.commentary ?? '');
      if (commentary.length > 3000) return error(422, 'commentary is longer than 3000 characters');
      const media = (body.content as { media?: { id?: string; altText?: string } } | undefined)?.media;
      if (media?.id && !state.images[media.id]) return error(422, `${media.id} was not uploaded`);
      // Little text: an unescaped reserved character ends the text LinkedIn shows.
      const cut = commentary.search(/(?<!\\)[|{}@[\]()<>#*_~]/);
      const shown = (cut === -1 ? commentary : commentary.slice(0, cut)).replace(/\\(.)/g, '$1');
      const id = `urn:li:share:${next()}`;
      state.posts.push({
        id,
        commentary,
        shown,
        ...(media?.id ? { image: state.images[media.id]! } : {}),
        ...(media?.altText ? { altText: media.altText } : {}),
        createdAt: Date.now(),
      });
      return { status: 201, headers: { 'x-restli-id': id } };
    }
    const org = /^\/rest\/organizations\/(\d+)$/.exec(r.path);
    if (r.method === 'GET' && org) {
      if (`urn:li:organization:${org[1]}` !== FAKE_LINKEDIN.author) return error(403, 'Not enough permissions');
      return { status: 200, body: { id: Number(org[1]), localizedName: FAKE_LINKEDIN.name, vanityName: 'storycard' } };
    }
    if (r.method === 'GET' && r.path === '/rest/posts' && r.url.searchParams.get('q') === 'author') {
      const start = Number(r.url.searchParams.get('start') ?? 0);
      const count = Number(r.url.searchParams.get('count') ?? 10);
      const mine = [...state.posts].reverse().filter(() => r.url.searchParams.get('author') === FAKE_LINKEDIN.author);
      return {
        status: 200,
        body: {
          elements: mine.slice(start, start + count).map((p) => ({
            id: p.id,
            author: FAKE_LINKEDIN.author,
            commentary: p.commentary,
            createdAt: p.createdAt,
            publishedAt: p.createdAt,
            lifecycleState: 'PUBLISHED',
          })),
          paging: { start, count, total: mine.length },
        },
      };
    }
    return error(404, `No route for ${r.method} ${r.path}`);
  };

  const server = await serve({
    port: options.port,
    faults: options.faults,
    classify: (r) =>
      r.path === '/rest/posts' && r.method === 'POST'
        ? 'post'
        : r.path === '/rest/images' || r.path.startsWith('/upload/')
          ? 'media'
          : 'other',
    faultReply,
    handle,
    state,
  });
  return Object.assign(server, { state });
}
