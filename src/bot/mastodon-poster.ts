// Posts to Mastodon through masto: the card as media with a description, the status with an Idempotency-Key.
import {
  createRestAPIClient,
  MastoDeserializeError,
  MastoHttpError,
  MastoTimeoutError,
  MastoUnexpectedError,
} from 'masto';
import { decodeEntities, htmlToText, samePost } from './match.ts';
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

export interface MastodonPosterOptions {
  /** The instance, e.g. https://mastodon.social (or a fake). */
  url: string;
  accessToken: string;
  visibility?: 'public' | 'unlisted' | 'private';
  /** Per-request timeout; a status create that times out is 'ambiguous'. Default 20 s. */
  timeoutMs?: number;
}

export function createMastodonPoster(options: MastodonPosterOptions): Poster {
  const client = createRestAPIClient({
    url: options.url,
    accessToken: options.accessToken,
    timeout: options.timeoutMs ?? 20_000,
  });
  let accountId: string | undefined;

  return {
    platform: 'mastodon',

    async post({
      text,
      image,
      imageType = 'image/png',
      alt,
      idempotencyKey,
      lang,
      fence,
    }: PostInput): Promise<PostResult> {
      let mediaId: string | undefined;
      try {
        if (image) {
          // Images are processed while uploading; skipPolling spares masto's one-second status poll.
          const media = await client.v2.media.create({
            // Copy into a plain ArrayBuffer-backed view: Blob refuses views over a SharedArrayBuffer.
            file: new Blob([new Uint8Array(image)], { type: imageType }),
            ...(alt ? { description: Array.from(alt).slice(0, 1500).join('') } : {}),
            skipPolling: true,
          });
          mediaId = media.id;
        }
      } catch (error) {
        return classifyMastodonError(error, 'media');
      }
      await fence?.();
      try {
        // The same Idempotency-Key within an hour returns the status already made instead of a second one.
        const status = await client.v1.statuses.create(
          {
            status: text,
            visibility: options.visibility ?? 'public',
            // Mastodon takes an ISO 639 code, not a full BCP 47 tag (pt-BR → pt).
            ...(lang ? { language: lang.split('-')[0]!.toLowerCase() } : {}),
            ...(mediaId ? { mediaIds: [mediaId] } : {}),
          },
          idempotencyKey ? { requestInit: { headers: { 'Idempotency-Key': idempotencyKey } } } : undefined,
        );
        return { ok: true, platformPostId: status.id, url: status.url ?? status.uri };
      } catch (error) {
        return classifyMastodonError(error, 'post');
      }
    },

    async findExisting(text: string, { since, link }: LookupOptions = {}): Promise<LookupResult> {
      try {
        accountId ??= (await client.v1.accounts.verifyCredentials()).id;
        let maxId: string | undefined;
        // Newest first, page by page (max_id), back to the first attempt (less a little clock skew).
        for (let page = 0; page < LOOKUP_MAX_PAGES; page++) {
          const statuses = await client.v1.accounts
            .$select(accountId)
            .statuses.list({ limit: 40, excludeReblogs: true, ...(maxId ? { maxId } : {}) });
          for (const s of statuses) {
            if (since && Date.parse(s.createdAt) < since - 5 * 60_000) return { status: 'absent' };
            const links = [...s.content.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
            if (s.card?.url) links.push(s.card.url);
            if (samePost({ text: htmlToText(s.content), links }, { text, link }))
              return { status: 'found', platformPostId: s.id, url: s.url ?? s.uri };
          }
          maxId = statuses.at(-1)?.id;
          if (!maxId || statuses.length < 40) return { status: 'absent' };
        }
        const message = `more than ${LOOKUP_MAX_PAGES} pages of Mastodon statuses since the first attempt; cannot tell`;
        return { status: 'unknown', failure: failure('retryable', message) };
      } catch (error) {
        return { status: 'unknown', failure: classifyMastodonError(error, 'lookup') };
      }
    },
  };
}

/** masto's errors → PostFailure; only the status create can have published something. Other errors are thrown. */
export function classifyMastodonError(error: unknown, step: 'media' | 'post' | 'lookup'): PostFailure {
  const unsure = step === 'post' ? 'ambiguous' : 'retryable';
  if (error instanceof MastoHttpError) {
    const status = error.statusCode;
    const message = `Mastodon answered ${status} to the ${step} request: ${error.message}`;
    if (status === 429) {
      const reset = Date.parse((error.cause as Response | undefined)?.headers?.get('x-ratelimit-reset') ?? '');
      return failure('rate_limited', message, { status, retryAt: Number.isNaN(reset) ? Date.now() + 60_000 : reset });
    }
    if (status === 422 && /not finished processing/i.test(error.message))
      return failure('retryable', message, { status });
    if (status >= 500) return failure(unsure, message, { status });
    if (status === 408) return failure('retryable', message, { status });
    return failure('permanent', message, { status });
  }
  // A non-JSON answer (an nginx error page when the app is down) or no answer in time. masto 7.12 reads an HTML
  // error page as `undefined` and then fails destructuring it (masto.js issue 1424): that TypeError is this case too.
  const htmlErrorPage = error instanceof TypeError && /destructure property 'error'/.test(error.message);
  if (
    error instanceof MastoUnexpectedError ||
    error instanceof MastoTimeoutError ||
    error instanceof MastoDeserializeError ||
    htmlErrorPage
  ) {
    const what = htmlErrorPage ? 'an HTML error page instead of JSON (is the instance down?)' : error.message;
    return failure(unsure, `Mastodon gave no usable answer to the ${step} request: ${what}`);
  }
  if (error instanceof TypeError && error.message === 'fetch failed') {
    const code = (error.cause as { code?: string } | undefined)?.code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
      return failure('retryable', `Mastodon could not be reached for the ${step} request: ${code}`);
    }
    return failure(unsure, `Mastodon did not answer the ${step} request: ${code ?? error.message}`);
  }
  throw error;
}
