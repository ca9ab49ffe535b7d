// Posts to a Facebook Page through the Graph API over fetch: the card uploaded to /{page-id}/photos with the text as
// its caption and alt text; a lost answer is adopted by listing the Page's posts.
import { GRAPH_VERSIONS } from '../config.ts';
import { classifyGraphError, graphClient, graphLookup } from './graph.ts';
import { failure, type Poster, type PostInput, type PostResult } from './types.ts';

export interface FacebookPosterOptions {
  pageId: string;
  /** A Page access token (pages_manage_posts, pages_read_engagement). */
  pageToken: string;
  /** Default https://graph.facebook.com (or a fake); the pinned API version is appended. */
  apiBaseUrl?: string;
  /** Per-request timeout; an upload that times out is 'ambiguous'. Default 30 s. */
  timeoutMs?: number;
}

/**
 * Why /photos and not a /feed link post: a photo post carries our card itself, whatever Facebook's crawler has cached
 * for the share page (a link post's picture is Facebook's copy of og:image, fetched once and kept), it needs no public
 * PUBLIC_BASE_URL, and it takes alt text. The caption carries the link, which Facebook makes clickable.
 */
export function createFacebookPoster(options: FacebookPosterOptions): Poster {
  const base = `${options.apiBaseUrl ?? 'https://graph.facebook.com'}/${GRAPH_VERSIONS.facebook}`;
  const client = graphClient(base, options.pageToken, options.timeoutMs ?? 30_000);
  const page = `/${options.pageId}`;
  const postUrl = (id: string) => `https://www.facebook.com/${id}`;

  return {
    platform: 'facebook',

    async post({ text, image, imageType = 'image/png', alt, fence }: PostInput): Promise<PostResult> {
      if (!image) return failure('permanent', 'Facebook photo posts carry the card, and there is none');
      const form = new FormData();
      form.set(
        'source',
        new Blob([new Uint8Array(image)], { type: imageType }),
        imageType === 'image/jpeg' ? 'card.jpg' : 'card.png',
      );
      form.set('caption', text);
      form.set('published', 'true');
      if (alt) form.set('alt_text_custom', alt);
      await fence?.();
      try {
        // One request uploads and publishes: its answer is the only word on whether the post exists.
        const res = await client.post<{ id: string; post_id?: string }>(`${page}/photos`, form);
        const id = res.post_id ?? `${options.pageId}_${res.id}`;
        return { ok: true, platformPostId: id, url: postUrl(id) };
      } catch (error) {
        return classifyGraphError('Facebook', 'photo upload', error, true);
      }
    },

    findExisting: graphLookup(
      'Facebook',
      client,
      `${page}/posts`,
      { text: 'message', url: 'permalink_url', time: 'created_time' },
      postUrl,
    ),
  };
}
