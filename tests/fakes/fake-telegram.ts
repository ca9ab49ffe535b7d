// A fake Telegram Bot API on 127.0.0.1: sendPhoto to one channel (multipart upload), getMe, getChat, and the Bot API's
// errors.

import { type FakeRequest, type FakeServer, type Fault, parseMultipart, type Reply, serve } from './http.ts';
import { type ImageInfo, imageInfo } from './image-size.ts';

/** A well-formed bot token (the id before the colon is the bot's user id). */
export const FAKE_TELEGRAM_TOKEN = '7123456789:AAFakeTelegramBotTokenForStorycardTests';
export const FAKE_TELEGRAM_CHANNEL = { id: -1001987654321, username: 'storycard_news', title: 'Storycard News' };

export interface FakeTelegramMessage {
  messageId: number;
  chatId: number;
  caption: string;
  photo: ImageInfo & { filename?: string; contentType?: string };
  date: number;
}

export interface FakeTelegramState {
  messages: FakeTelegramMessage[];
}

export type FakeTelegram = FakeServer & { state: FakeTelegramState };

/** Telegram's limits: a caption of 1,024 characters (UTF-16 units after entity parsing), a photo of 10 MB. */
const CAPTION_LIMIT = 1024;
const PHOTO_LIMIT = 10 * 1024 * 1024;

const error = (status: number, description: string, extra: object = {}): Reply => ({
  status,
  body: { ok: false, error_code: status, description, ...extra },
});

export async function startFakeTelegram(options: { port?: number; faults?: Fault[] } = {}): Promise<FakeTelegram> {
  const state: FakeTelegramState = { messages: [] };
  let nextMessageId = 100;

  const faultReply = (fault: Fault): Reply | undefined => {
    if (fault.mode === '429') {
      const after = fault.resetSeconds ?? 60;
      // The Bot API says when in the body (parameters.retry_after, seconds), not in a header.
      return error(429, `Too Many Requests: retry after ${after}`, { parameters: { retry_after: after } });
    }
    // Telegram's front servers answer 502/503 while the Bot API is restarting.
    if (fault.mode === '503') return error(503, 'Service Unavailable');
    if (fault.mode === '502') return error(502, 'Bad Gateway');
    if (fault.mode === '403') return error(403, 'Forbidden: bot is not a member of the channel chat');
    return undefined;
  };

  const chatMatches = (chatId: string) =>
    chatId === `@${FAKE_TELEGRAM_CHANNEL.username}` || chatId === String(FAKE_TELEGRAM_CHANNEL.id);

  const handle = async (r: FakeRequest): Promise<Reply> => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(r.path);
    if (!m) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    if (m[1] !== FAKE_TELEGRAM_TOKEN) return error(401, 'Unauthorized');
    const method = m[2]!.toLowerCase();
    if (method === 'getme') {
      return {
        status: 200,
        body: {
          ok: true,
          result: { id: 7123456789, is_bot: true, first_name: 'storycard', username: 'storycard_bot' },
        },
      };
    }
    if (method === 'getchat') {
      // chat_id in the query or the body (form or JSON), as the Bot API takes it.
      const body = r.body.length ? r.body.toString('utf8') : '';
      const fromBody = body.startsWith('{')
        ? String((JSON.parse(body) as { chat_id?: unknown }).chat_id ?? '')
        : new URLSearchParams(body).get('chat_id');
      const chatId = r.url.searchParams.get('chat_id') ?? fromBody ?? '';
      if (!chatMatches(chatId)) return error(400, 'Bad Request: chat not found');
      return { status: 200, body: { ok: true, result: { ...FAKE_TELEGRAM_CHANNEL, type: 'channel' } } };
    }
    if (method !== 'sendphoto') return error(404, 'Not Found: method not found');
    if (r.method !== 'POST') return error(400, 'Bad Request: use POST with multipart/form-data to upload a photo');
    let form: ReturnType<typeof parseMultipart>;
    try {
      form = parseMultipart(r);
    } catch {
      return error(400, 'Bad Request: there is no photo in the request');
    }
    const chatId = form.get('chat_id')?.data.toString('utf8') ?? '';
    if (!chatId) return error(400, 'Bad Request: chat_id is empty');
    if (!chatMatches(chatId)) return error(400, 'Bad Request: chat not found');
    // The file comes as the `photo` part, or (as the Bot API allows) as a part that `photo=attach://<name>` names.
    const field = form.get('photo');
    const attached = /^attach:\/\/(.+)$/.exec(field?.filename ? '' : (field?.data.toString('utf8') ?? ''));
    const photo = attached ? form.get(attached[1]!) : field;
    if (!photo?.data.length) return error(400, 'Bad Request: there is no photo in the request');
    if (photo.data.length > PHOTO_LIMIT) return error(400, 'Bad Request: PHOTO_INVALID_DIMENSIONS');
    const info = imageInfo(photo.data);
    if (info.format === 'other') return error(400, 'Bad Request: IMAGE_PROCESS_FAILED');
    const caption = form.get('caption')?.data.toString('utf8') ?? '';
    if (caption.length > CAPTION_LIMIT) return error(400, 'Bad Request: message caption is too long');
    const message: FakeTelegramMessage = {
      messageId: nextMessageId++,
      chatId: FAKE_TELEGRAM_CHANNEL.id,
      caption,
      photo: { ...info, filename: photo.filename, contentType: photo.contentType },
      date: Math.floor(Date.now() / 1000),
    };
    state.messages.push(message);
    const chat = { ...FAKE_TELEGRAM_CHANNEL, type: 'channel' };
    return {
      status: 200,
      body: {
        ok: true,
        result: {
          message_id: message.messageId,
          sender_chat: chat,
          chat,
          date: message.date,
          photo: [{ file_id: `AgAC${message.messageId}`, file_unique_id: `AQAD${message.messageId}`, ...size(info) }],
          caption,
        },
      },
    };
  };

  const server = await serve({
    port: options.port,
    faults: options.faults,
    classify: (r) => (/\/sendPhoto$/i.test(r.path) ? 'post' : 'other'),
    faultReply,
    handle,
    state,
  });
  return Object.assign(server, { state });
}

const size = (info: ImageInfo) => ({ width: info.width ?? 0, height: info.height ?? 0, file_size: info.bytes });
