// Posts to LinkedIn over plain fetch: the card through the Images API (initializeUpload, then PUT the bytes), then a
// post through the Posts API with the commentary and alt text; a lost answer is adopted from the author's posts.
import { LINKEDIN_VERSION } from '../config.ts';
import { linksIn, samePost } from './match.ts';
import {
  failure,
  LOOKUP_MAX_PAGES,
  type LookupOptions,
  type LookupResult,
  type Poster,
  type PostFailure,
  type PostInput,
  type PostResult,
} from './types.ts';

export interface LinkedInPosterOptions {
  accessToken: string;
  /** urn:li:organization:… or urn:li:person:… */
  author: string;
  /** Default https://api.linkedin.com (or a fake). */
  apiBaseUrl?: string;
  timeoutMs?: number;
}

/**
 * Why not linkedin-api-client (0.3.0, LinkedIn's own): measured, it bundles to 212 kB minified (75 kB gzip: axios,
 * lodash, qs), needs Node's `util`, has no image upload, and builds every URL on https://api.linkedin.com, so
 * LINKEDIN_API_BASE_URL could not point it at a fake. Three JSON requests and a PUT are this file instead.
 */
export function createLinkedInPoster(options: LinkedInPosterOptions): Poster {
  const base = options.apiBaseUrl ?? 'https://api.linkedin.com';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers = {
    Authorization: `Bearer ${options.accessToken}`,
    'LinkedIn-Version': LINKEDIN_VERSION,
    'X-Restli-Protocol-Version': '2.0.0',
  };
  const call = async (url: string, init: RequestInit, step: string, publishes = false): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(url, {
        ...init,
        headers: { ...headers, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw failure(publishes ? 'ambiguous' : 'retryable', `LinkedIn gave no answer to the ${step} request: ${why}`);
    }
    if (res.ok) return res;
    throw await classifyLinkedIn(res, step, publishes);
  };
  const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}/`;

  return {
    platform: 'linkedin',

    async post({ text, image, imageType = 'image/png', alt, link, fence }: PostInput): Promise<PostResult> {
      let imageUrn: string | undefined;
      try {
        if (image) {
          const init = await call(
            `${base}/rest/images?action=initializeUpload`,
            {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ initializeUploadRequest: { owner: options.author } }),
            },
            'image upload',
          );
          const { value } = (await init.json()) as { value: { uploadUrl: string; image: string } };
          await fence?.();
          await call(
            value.uploadUrl,
            { method: 'PUT', headers: { 'Content-Type': imageType }, body: new Uint8Array(image) },
            'image upload',
          );
          imageUrn = value.image;
        }
        await fence?.();
        const body = {
          author: options.author,
          commentary: escapeLittleText(text),
          visibility: 'PUBLIC',
          distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
          ...(imageUrn
            ? { content: { media: { id: imageUrn, title: link?.title ?? '', ...(alt ? { altText: alt } : {}) } } }
            : {}),
          lifecycleState: 'PUBLISHED',
          isReshareDisabledByAuthor: false,
        };
        const res = await call(
          `${base}/rest/posts`,
          { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
          'post',
          true,
        );
        const urn = res.headers.get('x-restli-id') ?? res.headers.get('x-linkedin-id') ?? '';
        return { ok: true, platformPostId: urn, url: postUrl(urn) };
      } catch (error) {
        if (isFailure(error)) return error;
        throw error;
      }
    },

    async findExisting(text: string, { since, link }: LookupOptions = {}): Promise<LookupResult> {
      try {
        for (let page = 0; page < LOOKUP_MAX_PAGES; page++) {
          const query = new URLSearchParams({
            q: 'author',
            count: '100',
            start: String(page * 100),
            sortBy: 'CREATED',
          });
          const res = await call(
            `${base}/rest/posts?author=${encodeURIComponent(options.author)}&${query}`,
            { method: 'GET', headers: { 'X-RestLi-Method': 'FINDER' } },
            'lookup',
          );
          const { elements } = (await res.json()) as {
            elements: Array<{ id: string; commentary?: string; createdAt?: number }>;
          };
          for (const p of elements) {
            if (since && (p.createdAt ?? 0) < since - 5 * 60_000) return { status: 'absent' };
            const words = unescapeLittleText(p.commentary ?? '');
            if (samePost({ text: words, links: linksIn(words) }, { text, link }))
              return { status: 'found', platformPostId: p.id, url: postUrl(p.id) };
          }
          if (elements.length < 100) return { status: 'absent' };
        }
        const message = `more than ${LOOKUP_MAX_PAGES} pages of LinkedIn posts since the first attempt; cannot tell`;
        return { status: 'unknown', failure: failure('retryable', message) };
      } catch (error) {
        if (isFailure(error))
          return {
            status: 'unknown',
            failure: { ...error, kind: error.kind === 'permanent' ? 'permanent' : 'retryable' },
          };
        throw error;
      }
    },
  };
}

const isFailure = (e: unknown): e is PostFailure =>
  typeof e === 'object' && e !== null && (e as PostFailure).ok === false;

/** LinkedIn's commentary is "little text": these characters must be escaped, or the post is cut at the first one. */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
export const escapeLittleText = (s: string) => s.replace(RESERVED, (c) => `\\${c}`);
export const unescapeLittleText = (s: string) => s.replace(/\\([\\|{}@[\]()<>#*_~])/g, '$1');

/** LinkedIn's error answer → PostFailure. Its daily limits reset at midnight UTC and it sends no reset header. */
async function classifyLinkedIn(res: Response, step: string, publishes: boolean): Promise<PostFailure> {
  const body = (await res.json().catch(() => ({}))) as { message?: string; serviceErrorCode?: number };
  const status = res.status;
  const message = `LinkedIn answered ${status} to the ${step} request: ${body.message ?? res.statusText}`;
  if (status === 429) {
    const after = Number(res.headers.get('retry-after'));
    const d = new Date();
    const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    return failure('rate_limited', message, { status, retryAt: after > 0 ? Date.now() + after * 1000 : midnight });
  }
  if (status >= 500) return failure(publishes ? 'ambiguous' : 'retryable', message, { status });
  return failure('permanent', message, { status });
}
