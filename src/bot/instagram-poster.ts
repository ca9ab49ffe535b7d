// Posts to an Instagram professional account through the Graph API over fetch: a media container from the card's
// public JPEG URL (the portrait card for the feed, the story card with media_type=STORIES), then media_publish.
import { GRAPH_VERSIONS } from '../config.ts';
import { awaitContainer, classifyGraphError, graphClient, graphLookup, permalinkOf } from './graph.ts';
import {
  failure,
  type LookupOptions,
  type LookupResult,
  type Poster,
  type PostFailure,
  type PostInput,
  type PostResult,
} from './types.ts';

export interface InstagramPosterOptions {
  userId: string;
  accessToken: string;
  /** Default https://graph.facebook.com (or a fake); the pinned API version is appended. */
  apiBaseUrl?: string;
  /** The feed (portrait card, caption, alt text) or a Story (story card; Stories show no caption). */
  kind: 'feed' | 'story';
  timeoutMs?: number;
  /** How often and how long to wait for a container to be FINISHED. Default 2 s × 15. */
  pollMs?: number;
  polls?: number;
}

/** What an editor reads on a held Story. */
export const INSTAGRAM_STORY_MAY_HAVE_POSTED =
  'may have posted: Instagram did not answer media_publish for this Story, and a Story has no caption to find it ' +
  'by. Look at the account’s Stories: approve to post it, skip if it is there';

export function createInstagramPoster(options: InstagramPosterOptions): Poster {
  const base = `${options.apiBaseUrl ?? 'https://graph.facebook.com'}/${GRAPH_VERSIONS.instagram}`;
  const client = graphClient(base, options.accessToken, options.timeoutMs ?? 20_000);
  const user = `/${options.userId}`;
  const story = options.kind === 'story';
  const polling = { polls: options.polls, pollMs: options.pollMs };
  const status = (container: string) =>
    client.get<{ status_code?: string; status?: string }>(`/${container}`, { fields: 'status_code,status' });
  const postUrl = (id: string) => `https://www.instagram.com/p/${id}/`;
  const published = async (id: string): Promise<PostResult> => ({
    ok: true,
    platformPostId: id,
    url: (await permalinkOf(client, id)) ?? postUrl(id),
  });
  const feedLookup = graphLookup(
    'Instagram',
    client,
    `${user}/media`,
    { text: 'caption', url: 'permalink', time: 'timestamp' },
    postUrl,
  );

  return {
    platform: story ? 'instagram-story' : 'instagram',

    async post({ text, imageUrl, alt, fence }: PostInput): Promise<PostResult> {
      if (!imageUrl) {
        return failure(
          'permanent',
          'Instagram fetches the card by URL and this card has none: post to Instagram from the Worker, with PUBLIC_BASE_URL its public origin',
        );
      }
      let container: string;
      try {
        const params: Record<string, string> = { image_url: imageUrl };
        if (story) params.media_type = 'STORIES';
        else {
          params.caption = text;
          if (alt) params.alt_text = alt;
        }
        container = (await client.post<{ id: string }>(`${user}/media`, params)).id;
        const waited = await awaitContainer(
          {
            ...polling,
            network: 'Instagram',
            container,
            imageUrl,
            statusField: 'status_code',
            fields: 'status_code,status',
            fence,
          },
          client,
        );
        if (waited) return waited;
      } catch (error) {
        return classifyGraphError('Instagram', 'container', error, false);
      }
      // The container is the idempotency point: it publishes at most once, and it says whether it has.
      for (let tries = 0; ; tries++) {
        await fence?.();
        try {
          const res = await client.post<{ id: string }>(`${user}/media_publish`, { creation_id: container });
          return await published(res.id);
        } catch (error) {
          const lost: PostFailure = classifyGraphError('Instagram', 'publish', error, true);
          if (lost.kind !== 'ambiguous' || tries > 0) return lost;
          // Not published (FINISHED, not PUBLISHED): publishing the same container again cannot make a second post.
          const now = await status(container).catch(() => undefined);
          if (now?.status_code !== 'FINISHED') return lost;
        }
      }
    },

    async findExisting(text: string, lookup: LookupOptions = {}): Promise<LookupResult> {
      // A Story shows no caption, so nothing on the account says which story it carried: an editor decides.
      if (story) return { status: 'unknowable', message: INSTAGRAM_STORY_MAY_HAVE_POSTED };
      // The caption names the site, not the link: match the words alone (they carry the headline).
      return feedLookup(text, { since: lookup.since });
    },
  };
}
