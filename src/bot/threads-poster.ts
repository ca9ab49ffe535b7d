// Posts to Threads through its Graph API over fetch: an IMAGE container (the card's public URL, text, alt text), then
// threads_publish; a lost answer is adopted by listing the account's threads.
import { GRAPH_VERSIONS } from '../config.ts';
import { awaitContainer, classifyGraphError, graphClient, graphLookup, permalinkOf } from './graph.ts';
import { failure, type Poster, type PostInput, type PostResult } from './types.ts';

export interface ThreadsPosterOptions {
  userId: string;
  accessToken: string;
  /** Default https://graph.threads.net (or a fake); the pinned API version is appended. */
  apiBaseUrl?: string;
  /** Per-request timeout; a publish that times out is 'ambiguous'. Default 20 s. */
  timeoutMs?: number;
  /** How often and how long to wait for a container to be FINISHED before publishing. Default 2 s × 15. */
  pollMs?: number;
  polls?: number;
}

/** Threads' own limit on alt text. */
const ALT_MAX = 1000;

export function createThreadsPoster(options: ThreadsPosterOptions): Poster {
  const base = `${options.apiBaseUrl ?? 'https://graph.threads.net'}/${GRAPH_VERSIONS.threads}`;
  const client = graphClient(base, options.accessToken, options.timeoutMs ?? 20_000);
  const user = `/${options.userId}`;
  const polling = { polls: options.polls, pollMs: options.pollMs };
  const postUrl = (id: string) => `https://www.threads.com/post/${id}`;

  return {
    platform: 'threads',

    async post({ text, imageUrl, alt, fence }: PostInput): Promise<PostResult> {
      if (!imageUrl) {
        return failure(
          'permanent',
          'Threads fetches the card from its public URL, and there is none: set PUBLIC_BASE_URL',
        );
      }
      // 1. The container: nothing is published yet, so any failure here is safe to retry.
      let container: string;
      try {
        const params: Record<string, string> = { media_type: 'IMAGE', image_url: imageUrl, text };
        if (alt) params.alt_text = Array.from(alt).slice(0, ALT_MAX).join('');
        container = (await client.post<{ id: string }>(`${user}/threads`, params)).id;
        // 2. Threads fetches and processes the image; publishing before FINISHED fails.
        const waited = await awaitContainer(
          {
            ...polling,
            network: 'Threads',
            container,
            imageUrl,
            statusField: 'status',
            fields: 'status,error_message',
            fence,
          },
          client,
        );
        if (waited) return waited;
      } catch (error) {
        return classifyGraphError('Threads', 'container', error, false);
      }
      // 3. Publishing: a container publishes at most once, but its answer can be lost.
      await fence?.();
      let id: string;
      try {
        id = (await client.post<{ id: string }>(`${user}/threads_publish`, { creation_id: container })).id;
      } catch (error) {
        return classifyGraphError('Threads', 'publish', error, true);
      }
      return { ok: true, platformPostId: id, url: (await permalinkOf(client, id)) ?? postUrl(id) };
    },

    findExisting: graphLookup(
      'Threads',
      client,
      `${user}/threads`,
      { text: 'text', url: 'permalink', time: 'timestamp' },
      postUrl,
    ),
  };
}
