// Posts to Bluesky through @atproto/api: app-password session, card as a blob, link card or image embed, link facets,
// each post written at its outbox row's own record key so a retry can never make a second one.
import { AtpAgent, type BlobRef, RichText, XRPCError } from '@atproto/api';
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
      const { text, image, imageType = 'image/png', alt = '', link, lang, recordKey, fence } = input;
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
      await fence?.();
      const record = {
        $type: POST,
        text,
        facets: facetsFor(text, link?.url),
        ...(lang ? { langs: [lang] } : {}),
        ...(embed ? { embed } : {}),
        createdAt: new Date().toISOString(),
      };
      try {
        const { did } = await session();
        // createRecord at the row's key: a second attempt finds the key taken (the PDS refuses it) instead of
        // making a second post. agent.post would pick a fresh random key each time.
        const res = recordKey
          ? await agent.com.atproto.repo.createRecord({ repo: did, collection: POST, rkey: recordKey, record })
          : await agent.post(record);
        const uri = 'data' in res ? res.data.uri : res.uri;
        return { ok: true, platformPostId: uri, url: postUrl(uri) };
      } catch (error) {
        // Refused, or no answer: if the record is at our key, it is our post (from this attempt or an earlier one).
        const mine = recordKey ? await recordAt(recordKey).catch(() => null) : null;
        if (mine) return { ok: true, platformPostId: mine, url: postUrl(mine) };
        return classifyBlueskyError(error, 'post');
      }
    },

    async findExisting(text: string, { since, link, recordKey }: LookupOptions = {}): Promise<LookupResult> {
      try {
        // Every attempt wrote at this key: the record there is the answer, whatever its text.
        if (recordKey) {
          const uri = await recordAt(recordKey);
          return uri ? { status: 'found', platformPostId: uri, url: postUrl(uri) } : { status: 'absent' };
        }
        const { did } = await session();
        let cursor: string | undefined;
        // Newest first, page by page, back to the first attempt (less a little clock skew).
        for (let page = 0; page < LOOKUP_MAX_PAGES; page++) {
          const res = await agent.com.atproto.repo.listRecords({
            repo: did,
            collection: POST,
            limit: 100,
            ...(cursor ? { cursor } : {}),
          });
          for (const r of res.data.records) {
            const value = r.value as BskyPostValue;
            if (since && value.createdAt && Date.parse(value.createdAt) < since - 5 * 60_000)
              return { status: 'absent' };
            if (value.text !== undefined && samePost({ text: value.text, links: linksOf(value) }, { text, link })) {
              return { status: 'found', platformPostId: r.uri, url: postUrl(r.uri) };
            }
          }
          cursor = res.data.cursor;
          if (!cursor || res.data.records.length === 0) return { status: 'absent' };
        }
        const message = `more than ${LOOKUP_MAX_PAGES} pages of Bluesky posts since the first attempt; cannot tell`;
        return { status: 'unknown', failure: failure('retryable', message) };
      } catch (error) {
        return { status: 'unknown', failure: classifyBlueskyError(error, 'lookup') };
      }
    },
  };

  /** The record at our key (its AT URI), or null when there is none. Other failures are thrown. */
  async function recordAt(rkey: string): Promise<string | null> {
    const { did } = await session();
    try {
      const res = await agent.com.atproto.repo.getRecord({ repo: did, collection: POST, rkey });
      return res.data.uri;
    } catch (error) {
      if (error instanceof XRPCError && error.status === 400 && /RecordNotFound/i.test(error.error ?? '')) return null;
      throw error;
    }
  }
}

const POST = 'app.bsky.feed.post' as const;

type BskyPostValue = {
  text?: string;
  createdAt?: string;
  embed?: { external?: { uri?: string } };
  facets?: Array<{ features?: Array<{ uri?: string }> }>;
};

/** Every link a stored post carries: its link card, its link facets, and links written out in the text. */
const linksOf = (v: BskyPostValue): string[] => [
  ...(v.embed?.external?.uri ? [v.embed.external.uri] : []),
  ...(v.facets ?? []).flatMap((f) => (f.features ?? []).flatMap((x) => (x.uri ? [x.uri] : []))),
  ...linksIn(v.text ?? ''),
];

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
