// A fake of Meta's Graph APIs on 127.0.0.1: Threads (containers, threads_publish, the account's threads), a Facebook
// Page (/photos uploads, the Page's posts) or Instagram (JPEG containers, STORIES, media_publish, media and stories),
// with Graph's error bodies and throttling headers.
import { type FakeRequest, type FakeServer, type Fault, parseMultipart, type Reply, serve } from './http.ts';
import { type ImageInfo, imageInfo } from './image-size.ts';

export const FAKE_THREADS = { userId: '17841400000000001', token: 'fake-threads-access-token', version: 'v1.0' };
export const FAKE_FACEBOOK = { pageId: '104000000000001', token: 'fake-facebook-page-token', version: 'v23.0' };
export const FAKE_INSTAGRAM = { userId: '17841400000000777', token: 'fake-instagram-access-token', version: 'v23.0' };
/** Who each fake account is, as the Graph API names it (GET /me, GET /{id}?fields=…). */
export const FAKE_GRAPH_NAMES = { threads: 'storycard_threads', facebook: 'Storycard Page', instagram: 'storycard_ig' };

export interface FakeGraphPost {
  id: string;
  text: string;
  /**
   * Threads and Instagram: the image_url they were given (and, with `fetchCards`, what they fetched there); Facebook:
   * the uploaded bytes' size and format.
   */
  imageUrl?: string;
  image?: ImageInfo;
  alt?: string;
  /** Instagram: IMAGE (feed) or STORIES. */
  mediaType?: string;
  createdAt: number;
}

export interface FakeGraphState {
  /** Threads containers: made by POST /threads, published at most once. */
  containers: Record<
    string,
    { text: string; imageUrl: string; image?: ImageInfo; alt?: string; mediaType?: string; published?: string }
  >;
  posts: FakeGraphPost[];
}

export type FakeGraph = FakeServer & { state: FakeGraphState };

const graphError = (status: number, code: number, message: string, extra: object = {}): Reply => ({
  status,
  body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEfFake', ...extra } },
});

/** Threads counts emoji as their UTF-8 bytes. */
const threadsLength = (text: string) => {
  let n = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text))
    n += /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment) ? Buffer.byteLength(segment) : 1;
  return n;
};

export interface FakeGraphOptions {
  port?: number;
  faults?: Fault[];
  /**
   * Fetch each container's image_url as Threads and Instagram do (a container whose card cannot be fetched, or is not
   * an image, ends in ERROR). Off by default: the worker tests give URLs nobody serves.
   */
  fetchCards?: boolean;
}

export async function startFakeGraph(
  network: 'threads' | 'facebook' | 'instagram',
  options: FakeGraphOptions = {},
): Promise<FakeGraph> {
  const me = { threads: FAKE_THREADS, facebook: FAKE_FACEBOOK, instagram: FAKE_INSTAGRAM }[network];
  const owner =
    network === 'facebook' ? FAKE_FACEBOOK.pageId : network === 'threads' ? FAKE_THREADS.userId : FAKE_INSTAGRAM.userId;
  const state: FakeGraphState = { containers: {}, posts: [] };
  let counter = 0;
  const nextId = () => `${Date.now()}${String(++counter).padStart(4, '0')}`;
  /** What the platform's own fetch of image_url found: the image, or why the container fails. */
  const fetchCard = async (url: string): Promise<{ image?: ImageInfo; error?: string }> => {
    if (!options.fetchCards) return {};
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (!res.ok) return { error: `fetching ${url} answered ${res.status}` };
      const image = imageInfo(new Uint8Array(await res.arrayBuffer()));
      return image.format === 'other' ? { error: `${url} is not an image` } : { image };
    } catch (error) {
      return { error: `fetching ${url} failed: ${String(error)}` };
    }
  };
  const fetchErrors: Record<string, string> = {};
  /** Containers whose card is still being fetched: IN_PROGRESS, not yet publishable (the platforms fetch after answering). */
  const fetching = new Set<string>();
  const startFetch = (id: string, url: string) => {
    if (!options.fetchCards) return;
    fetching.add(id);
    void fetchCard(url).then((fetched) => {
      fetching.delete(id);
      const container = state.containers[id];
      if (fetched.error) fetchErrors[id] = fetched.error;
      else if (container && fetched.image) container.image = fetched.image;
    });
  };

  const faultReply = (fault: Fault): Reply | undefined => {
    if (fault.mode === '429') {
      // Graph throttling: an error code (4: app, 32: page, 613: calls) and usage headers saying when access returns.
      const minutes = Math.ceil((fault.resetSeconds ?? 3600) / 60);
      const usage = {
        [owner]: [{ type: 'pages', call_count: 100, total_time: 100, estimated_time_to_regain_access: minutes }],
      };
      return {
        ...graphError(400, 32, 'Page request limit reached', { is_transient: true }),
        headers: { 'x-business-use-case-usage': JSON.stringify(usage) },
      };
    }
    if (fault.mode === '503') return graphError(503, 2, 'Service temporarily unavailable', { is_transient: true });
    if (fault.mode === '190') {
      return graphError(400, 190, 'Error validating access token: Session has expired on Sunday, 06-Dec-26.', {
        error_subcode: 463,
      });
    }
    return undefined;
  };

  const params = (r: FakeRequest): Record<string, string> => {
    const out: Record<string, string> = Object.fromEntries(r.url.searchParams);
    const type = String(r.headers['content-type'] ?? '');
    if (type.startsWith('application/x-www-form-urlencoded'))
      Object.assign(out, Object.fromEntries(new URLSearchParams(r.body.toString('utf8'))));
    return out;
  };

  const list = (r: FakeRequest, item: (p: FakeGraphPost) => object, posts = state.posts): Reply => {
    const limit = Math.min(100, Number(r.url.searchParams.get('limit') ?? 25));
    const newest = [...posts].reverse();
    const after = r.url.searchParams.get('after');
    const start = after ? newest.findIndex((p) => p.id === Buffer.from(after, 'base64url').toString()) + 1 : 0;
    const page = newest.slice(start, start + limit);
    const more = start + limit < newest.length;
    const cursor = (p: FakeGraphPost | undefined) => (p ? Buffer.from(p.id).toString('base64url') : undefined);
    return {
      status: 200,
      body: {
        data: page.map(item),
        paging: {
          cursors: { before: cursor(page[0]), after: cursor(page.at(-1)) },
          ...(more ? { next: `${r.url.origin}${r.path}?after=${cursor(page.at(-1))}` } : {}),
        },
      },
    };
  };
  const time = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, '+0000');

  /**
   * threads_publish and media_publish: a container publishes once (publishing it again is refused, never a second
   * post), and only once its card was fetched; each network says so in its own error.
   */
  const publish = (creationId: string, refusals: { notReady: Reply; again: Reply }): Reply => {
    const container = state.containers[creationId];
    if (!container) return graphError(400, 100, 'Param creation_id is not a valid media container');
    if (fetching.has(creationId) || fetchErrors[creationId]) return refusals.notReady;
    if (container.published) return refusals.again;
    const id = nextId();
    container.published = id;
    state.posts.push({
      id,
      text: container.text,
      imageUrl: container.imageUrl,
      ...(container.image ? { image: container.image } : {}),
      alt: container.alt,
      ...(container.mediaType ? { mediaType: container.mediaType } : {}),
      createdAt: Date.now(),
    });
    return { status: 200, body: { id } };
  };

  const threads = (r: FakeRequest, path: string[]): Reply => {
    const p = params(r);
    const [first, second] = path;
    if (r.method === 'POST' && first === owner && second === 'threads') {
      if (p.media_type !== 'IMAGE' && p.media_type !== 'TEXT')
        return graphError(400, 100, 'Param media_type is invalid');
      if (p.media_type === 'IMAGE' && !/^https?:\/\//.test(p.image_url ?? '')) {
        return graphError(400, 100, 'Param image_url is required and must be a public URL');
      }
      if (threadsLength(p.text ?? '') > 500)
        return graphError(400, 100, 'Param text must be at most 500 characters long.');
      if (p.alt_text && [...p.alt_text].length > 1000)
        return graphError(400, 100, 'Param alt_text must be at most 1000 characters long.');
      const id = nextId();
      state.containers[id] = {
        text: p.text ?? '',
        imageUrl: p.image_url ?? '',
        ...(p.alt_text ? { alt: p.alt_text } : {}),
      };
      if (p.media_type === 'IMAGE') startFetch(id, p.image_url ?? '');
      return { status: 200, body: { id } };
    }
    if (r.method === 'POST' && first === owner && second === 'threads_publish') {
      return publish(p.creation_id ?? '', {
        notReady: graphError(400, 24, 'The media is not ready for publishing', { error_subcode: 4279001 }),
        again: graphError(400, 10, 'The media has already been published', { error_subcode: 4279009 }),
      });
    }
    if (r.method === 'GET' && first === owner && second === 'threads') {
      return list(r, (t) => ({
        id: t.id,
        text: t.text,
        media_type: 'IMAGE',
        permalink: `https://www.threads.com/@storycard/post/C${t.id}`,
        timestamp: time(t.createdAt),
      }));
    }
    if (r.method === 'GET' && first && !second) {
      const container = state.containers[first];
      if (container && fetching.has(first)) return { status: 200, body: { id: first, status: 'IN_PROGRESS' } };
      const failed = fetchErrors[first];
      if (container && failed) return { status: 200, body: { id: first, status: 'ERROR', error_message: failed } };
      if (container)
        return { status: 200, body: { id: first, status: container.published ? 'PUBLISHED' : 'FINISHED' } };
      const post = state.posts.find((t) => t.id === first);
      if (post)
        return { status: 200, body: { id: first, permalink: `https://www.threads.com/@storycard/post/C${first}` } };
    }
    return graphError(400, 100, `Unsupported ${r.method} request to ${r.path}`);
  };

  const facebook = (r: FakeRequest, path: string[]): Reply => {
    const [first, second] = path;
    if (r.method === 'POST' && first === owner && second === 'photos') {
      let form: ReturnType<typeof parseMultipart>;
      try {
        form = parseMultipart(r);
      } catch {
        return graphError(400, 324, 'Requires upload file');
      }
      const source = form.get('source');
      if (!source?.data.length) return graphError(400, 324, 'Requires upload file');
      const image = imageInfo(source.data);
      if (image.format === 'other')
        return graphError(400, 1366046, 'Photos should be JPG, PNG, GIF, TIFF, HEIF or WebP');
      if (source.data.length > 10 * 1024 * 1024) return graphError(400, 100, 'Photo is larger than 10 MB');
      const caption = form.get('caption')?.data.toString('utf8') ?? '';
      if (caption.length > 63_206) return graphError(400, 100, 'Param caption must be at most 63206 characters long.');
      const photoId = nextId();
      const id = `${owner}_${nextId()}`;
      const alt = form.get('alt_text_custom')?.data.toString('utf8');
      state.posts.push({ id, text: caption, image, ...(alt ? { alt } : {}), createdAt: Date.now() });
      return { status: 200, body: { id: photoId, post_id: id } };
    }
    if (r.method === 'GET' && first === owner && (second === 'posts' || second === 'feed')) {
      return list(r, (p) => ({
        id: p.id,
        message: p.text,
        created_time: time(p.createdAt),
        permalink_url: `https://www.facebook.com/${p.id.replace('_', '/posts/')}`,
      }));
    }
    return graphError(400, 100, `Unsupported ${r.method} request to ${r.path}`);
  };

  const instagram = (r: FakeRequest, path: string[]): Reply => {
    const p = params(r);
    const [first, second] = path;
    if (r.method === 'POST' && first === owner && second === 'media') {
      const url = p.image_url ?? '';
      if (!/^https?:\/\//.test(url))
        return graphError(400, 100, 'Param image_url is required and must be a public URL');
      // Instagram takes JPEG only for images.
      if (!/\.jpe?g$/i.test(new URL(url).pathname)) {
        return graphError(400, 9004, 'Only photo or video can be accepted as media type.', {
          error_subcode: 2207052,
          error_user_msg: 'The image format is not supported: only JPEG',
        });
      }
      if (p.media_type && p.media_type !== 'STORIES') return graphError(400, 100, 'Param media_type is invalid');
      if (p.media_type === 'STORIES' && p.caption) return graphError(400, 100, 'Stories take no caption');
      const caption = p.caption ?? '';
      if (caption.length > 2200) return graphError(400, 100, 'Param caption must be at most 2200 characters long.');
      if ((caption.match(/#\w/g) ?? []).length > 30)
        return graphError(400, 100, 'A caption takes at most 30 hashtags.');
      const id = nextId();
      state.containers[id] = {
        text: caption,
        imageUrl: url,
        mediaType: p.media_type ?? 'IMAGE',
        ...(p.alt_text ? { alt: p.alt_text } : {}),
      };
      startFetch(id, url);
      return { status: 200, body: { id } };
    }
    if (r.method === 'POST' && first === owner && second === 'media_publish') {
      return publish(p.creation_id ?? '', {
        notReady: graphError(400, 9007, 'Media ID is not available', { error_subcode: 2207027 }),
        again: graphError(400, 9007, 'The media has already been published', { error_subcode: 2207027 }),
      });
    }
    if (r.method === 'GET' && first === owner && (second === 'media' || second === 'stories')) {
      const feed = second === 'media';
      return list(
        r,
        (m) => ({
          id: m.id,
          caption: m.text,
          permalink: `https://www.instagram.com/p/C${m.id}/`,
          timestamp: time(m.createdAt),
        }),
        state.posts.filter((m) => (m.mediaType === 'STORIES') !== feed),
      );
    }
    if (r.method === 'GET' && first && !second) {
      const container = state.containers[first];
      if (container && fetching.has(first)) return { status: 200, body: { id: first, status_code: 'IN_PROGRESS' } };
      if (container && fetchErrors[first]) return { status: 200, body: { id: first, status_code: 'ERROR' } };
      if (container)
        return { status: 200, body: { id: first, status_code: container.published ? 'PUBLISHED' : 'FINISHED' } };
      if (state.posts.some((m) => m.id === first)) {
        return { status: 200, body: { id: first, permalink: `https://www.instagram.com/p/C${first}/` } };
      }
    }
    return graphError(400, 100, `Unsupported ${r.method} request to ${r.path}`);
  };

  /**
   * Who the token is: GET /me (Threads: the user; a Facebook Page token: the Page) and GET /{owner}?fields=…, with
   * Threads' and Instagram's `username`, a Page's `name`.
   */
  const identity = (r: FakeRequest, path: string[]): Reply | undefined => {
    const [first, second] = path;
    if (r.method !== 'GET' || second || (first !== 'me' && first !== owner)) return undefined;
    if (first === 'me' && network === 'instagram') return undefined; // an Instagram account is read by its id
    const name = FAKE_GRAPH_NAMES[network];
    return { status: 200, body: network === 'facebook' ? { id: owner, name } : { id: owner, username: name } };
  };

  const handle = async (r: FakeRequest): Promise<Reply> => {
    const auth = String(r.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : (r.url.searchParams.get('access_token') ?? '');
    if (token !== me.token) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    const [version, ...path] = r.path.split('/').filter(Boolean);
    if (version !== me.version)
      return graphError(400, 2635, `${version} is not the version this fake speaks (${me.version})`);
    const who = identity(r, path);
    if (who) return who;
    if (network === 'instagram') return instagram(r, path);
    return network === 'threads' ? threads(r, path) : facebook(r, path);
  };

  const server = await serve({
    port: options.port,
    faults: options.faults,
    classify: (r) => {
      if (r.method !== 'POST') return 'other';
      if (/\/(threads_publish|photos|media_publish)$/.test(r.path)) return 'post';
      return /\/(threads|media)$/.test(r.path) ? 'media' : 'other';
    },
    faultReply,
    handle,
    state,
  });
  return Object.assign(server, { state });
}
