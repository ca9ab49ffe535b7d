// Posts to a Telegram channel through grammY's Bot API client: the card as the photo, the text as its caption.
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { failure, type LookupResult, type Poster, type PostFailure, type PostInput, type PostResult } from './types.ts';

export interface TelegramPosterOptions {
  /** The bot's token from @BotFather; the bot must be an administrator of the channel who may post. */
  botToken: string;
  /** The channel: @username, or its numeric id (-100…). */
  chatId: string;
  /** The Bot API's root (default https://api.telegram.org, or a fake). */
  apiBaseUrl?: string;
  /** Per-request timeout; a sendPhoto that times out may have posted. Default 20 s. */
  timeoutMs?: number;
}

/** What an editor reads on a held Telegram post. */
export const TELEGRAM_MAY_HAVE_POSTED =
  'may have posted: Telegram did not answer the sendPhoto request, and a bot can neither read its channel nor send ' +
  'an idempotency key, so nothing is posted again on a guess. Look at the channel: approve to post it, skip if it is there';

export function createTelegramPoster(options: TelegramPosterOptions): Poster {
  const api = new Api(options.botToken, {
    apiRoot: options.apiBaseUrl ?? 'https://api.telegram.org',
    timeoutSeconds: Math.ceil((options.timeoutMs ?? 20_000) / 1000),
  });

  return {
    platform: 'telegram',

    async post({ text, image, imageType = 'image/png', fence }: PostInput): Promise<PostResult> {
      if (!image) return failure('permanent', 'Telegram posts carry the card as a photo, and there is no card');
      await fence?.();
      try {
        const filename = imageType === 'image/jpeg' ? 'card.jpg' : 'card.png';
        // No parse_mode: the caption is plain text, so a headline with < or * is shown as written.
        const message = await api.sendPhoto(options.chatId, new InputFile(image, filename), { caption: text });
        return {
          ok: true,
          platformPostId: String(message.message_id),
          url: messageUrl(message.chat, message.message_id),
        };
      } catch (error) {
        return classifyTelegramError(error);
      }
    },

    // A bot cannot list a channel's messages, and the Bot API takes no idempotency key: there is nothing to look at.
    async findExisting(): Promise<LookupResult> {
      return { status: 'unknowable', message: TELEGRAM_MAY_HAVE_POSTED };
    },
  };
}

/** https://t.me/<username>/<id> for a public channel; https://t.me/c/<id without -100>/<id> for a private one. */
function messageUrl(chat: { id: number; username?: string }, messageId: number): string {
  if (chat.username) return `https://t.me/${chat.username}/${messageId}`;
  return `https://t.me/c/${String(chat.id).replace(/^-100/, '')}/${messageId}`;
}

/**
 * grammY's errors → PostFailure. An answer from Telegram says what happened; no answer (a timeout, a dropped
 * connection, a page that is not the Bot API's JSON) means the photo may be in the channel: 'ambiguous', which the
 * outbox turns into a hold for an editor, never a blind retry.
 */
export function classifyTelegramError(error: unknown): PostFailure {
  if (error instanceof GrammyError) {
    const status = error.error_code;
    const message = `Telegram answered ${status} to sendPhoto: ${error.description}`;
    if (status === 429) {
      const after = error.parameters.retry_after ?? 60;
      return failure('rate_limited', message, { status, retryAt: Date.now() + after * 1000 });
    }
    // A 5xx from the Bot API's front servers says nothing about whether the message was sent.
    if (status >= 500) return failure('ambiguous', message, { status });
    return failure('permanent', message, { status });
  }
  if (error instanceof HttpError) {
    return failure('ambiguous', `Telegram gave no usable answer to sendPhoto: ${error.message}`);
  }
  throw error;
}
