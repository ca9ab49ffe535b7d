// Posts to Bluesky through @atproto/api: app-password session, card as a blob, link card or image embed, link facets.
import { AtpAgent, type BlobRef, RichText, XRPCError } from '@atproto/api';
import { sameText } from './match.ts';
import {
  failure,
  type LookupOptions,
  type LookupResult,
  type Poster,
  type PostFailure,
  type PostInput,
  type PostResult,
} from './types.ts';

export interface BlueskyPosterOptions {
  /** The account's PDS (or a fake); default https://bsky.social. */
  service?: string;
  /** Handle or DID. */
  identifier: string;
  /** An app password, not the account password. */
  password: string;
  /** How the card goes with the post: a link card with the card as thumbnail (default), or an image with alt text. */
  embed?: 'link-card' | 'image';
  /** Per-request timeout; a createRecord that times out is 'ambiguous'. Default 20 s. */
  timeoutMs?: number;
}

/** Bluesky's lexicon caps images and link-card thumbnails at 1,000,000 bytes. */
export const BLUESKY_MAX_IMAGE_BYTES = 1_000_000;

export function createBlueskyPoster(options: BlueskyPosterOptions): Poster {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const agent = new AtpAgent({
    service: options.service ?? 'https://bsky.social',
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        signal: init?.signal
          ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs),
      }),
  });
  // One session per poster: createSession is rate-limited (30 per 5 minutes), so keep the poster, not the login.
  let login: Promise<unknown> | undefined;
  const session = async () => {
    login ??= agent.login({ identifier: options.identifier, password: options.password }).catch((e: unknown) => {
      login = undefined;
      throw e;
    });
    await login;
    return agent.session!;
  };
  const postUrl = (uri: string) => {
    const [, , did, , rkey] = uri.split('/');
    return `https://bsky.app/profile/${agent.session?.handle ?? did}/post/${rkey}`;
  };

  return {
    platform: 'bluesky',

    async post(input: PostInput): Promise<PostResult> {
      const { text, image, imageType = 'image/png', alt = '', link, lang } = input;
      if (image && image.length > BLUESKY_MAX_IMAGE_BYTES) {
        return failure(
          'permanent',
          `Bluesky takes images and link-card thumbnails up to ${BLUESKY_MAX_IMAGE_BYTES.toLocaleString('en')} bytes; the card is ${image.length.toLocaleString('en')} bytes. Pass a smaller JPEG or PNG.`,
        );
      }
      let blob: BlobRef | undefined;
      try {
        await session();
        if (image) blob = (await agent.uploadBlob(image, { encoding: imageType })).data.blob;
      } catch (error) {
        return classifyBlueskyError(error, 'media');
      }
      const useLinkCard = link && (options.embed ?? 'link-card') === 'link-card';
      const embed = useLinkCard
        ? {
            $type: 'app.bsky.embed.external',
            external: {
              uri: link.url,
              title: link.title,
              description: link.description ?? '',
              ...(blob ? { thumb: blob } : {}),
            },
          }
        : blob
          ? { $type: 'app.bsky.embed.images', images: [{ image: blob, alt }] }
          : undefined;
      try {
        const res = await agent.post({
          text,
          facets: facetsFor(text, link?.url),
          ...(lang ? { langs: [lang] } : {}),
          ...(embed ? { embed } : {}),
        });
        return { ok: true, platformPostId: res.uri, url: postUrl(res.uri) };
      } catch (error) {
        return classifyBlueskyError(error, 'post');
      }
    },

    async findExisting(text: string, { since }: LookupOptions = {}): Promise<LookupResult> {
      try {
        const { did } = await session();
        const res = await agent.com.atproto.repo.listRecords({
          repo: did,
          collection: 'app.bsky.feed.post',
          limit: 25,
        });
        for (const r of res.data.records) {
          const value = r.value as { text?: string; createdAt?: string };
          if (since && value.createdAt && Date.parse(value.createdAt) < since - 5 * 60_000) continue;
          if (value.text === text || (value.text !== undefined && sameText(value.text, text))) {
            return { status: 'found', platformPostId: r.uri, url: postUrl(r.uri) };
          }
        }
        return { status: 'absent' };
      } catch (error) {
        return { status: 'unknown', failure: classifyBlueskyError(error, 'lookup') };
      }
    },
  };
}

type Facet = NonNullable<RichText['facets']>[number];

/**
 * Link and hashtag facets, found without network lookups. Mentions would need a handle → DID lookup, so they stay
 * plain text. When the text shows the story link shortened ("example.com/tech/altman-..."), its facet points at the
 * full URL.
 */
export function facetsFor(text: string, linkUrl?: string): Facet[] | undefined {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  let facets = (rt.facets ?? []).filter((f) => !f.features.some((x) => x.$type === 'app.bsky.richtext.facet#mention'));
  if (linkUrl && !text.includes(linkUrl)) {
    const display = shortDisplayIn(text, linkUrl);
    if (display) {
      const byteStart = rt.unicodeText.utf16IndexToUtf8Index(display.start);
      const byteEnd = rt.unicodeText.utf16IndexToUtf8Index(display.end);
      facets = facets.filter((f) => f.index.byteEnd <= byteStart || f.index.byteStart >= byteEnd);
      facets.push({
        $type: 'app.bsky.richtext.facet',
        index: { byteStart, byteEnd },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: linkUrl }],
      });
      facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
    }
  }
  return facets.length ? facets : undefined;
}

/** Where the text shows `url` without its scheme, possibly cut short with "..." (as composePost writes it). */
function shortDisplayIn(text: string, url: string): { start: number; end: number } | undefined {
  const bare = url.replace(/^https?:\/\//, '');
  for (const m of text.matchAll(/[^\s]+/g)) {
    const word = m[0];
    const stem = word.endsWith('...') ? word.slice(0, -3) : word;
    if (stem.length > 0 && (word === bare || (word.endsWith('...') && bare.startsWith(stem)))) {
      return { start: m.index, end: m.index + word.length };
    }
  }
  return undefined;
}

/** XRPC errors → PostFailure; only createRecord can have published something. Non-XRPC errors are bugs: thrown. */
export function classifyBlueskyError(error: unknown, step: 'media' | 'post' | 'lookup'): PostFailure {
  const unsure = step === 'post' ? 'ambiguous' : 'retryable';
  if (!(error instanceof XRPCError)) throw error;
  const status = error.status;
  const message =
    status < 100
      ? `Bluesky did not answer the ${step} request: ${error.message}`
      : `Bluesky answered ${status} to the ${step} request: ${error.error ?? ''} ${error.message}`.replace(/\s+/g, ' ');
  if (status === 429) {
    const reset = Number(error.headers?.['ratelimit-reset']);
    return failure('rate_limited', message, { status, retryAt: reset > 0 ? reset * 1000 : Date.now() + 60_000 });
  }
  if (status === 401 || status === 403 || status === 400 || status === 413)
    return failure('permanent', message, { status });
  if (status >= 500) return failure(unsure, message, { status });
  // Status 1 ("Unknown"): no HTTP answer. A refused connection never reached the PDS; anything else might have.
  const cause = (error.cause as { cause?: { code?: string } } | undefined)?.cause;
  if (cause?.code === 'ECONNREFUSED' || cause?.code === 'ENOTFOUND') return failure('retryable', message);
  return failure(status < 100 ? unsure : 'retryable', message, status >= 100 ? { status } : {});
}
