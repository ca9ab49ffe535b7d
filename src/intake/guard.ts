// Input checks for extraction: reject empty, binary and oversized input with clear errors before any parsing.
import { StorycardError } from '../errors.ts';

/** Articles larger than this are refused (413): real article pages are well under 1 MB. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export interface ExtractInput {
  text?: string | undefined;
  html?: string | undefined;
  url?: string | undefined;
}

export type CheckedInput = { kind: 'html' | 'text'; content: string; url?: string | undefined };

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** Share of characters that are control characters other than tab/newline/CR (binary data is full of them). */
function controlShare(s: string): number {
  const sample = s.slice(0, 8192);
  if (sample.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / sample.length;
}

/** Plain text that is really HTML (pasted page source) is read as HTML. */
const looksLikeHtml = (s: string): boolean =>
  /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<meta\s|<body[\s>])/i.test(s) ||
  // A pasted fragment: starts with a tag and closes a block element (<article><h1>…</h1><p>…</p>).
  (/^\s*<[a-z]/i.test(s) && /<\/(p|h1|article|div|blockquote)>/i.test(s.slice(0, 20000)));

/** Validate one extraction input; throws StorycardError naming the field and what was wrong. */
export function checkInput(input: ExtractInput): CheckedInput {
  const field = input.html !== undefined ? 'html' : 'text';
  const content = input.html ?? input.text;
  if (content === undefined) {
    throw new StorycardError(
      'invalid_request',
      'article: expected `text` or `html` with the article, received nothing',
    );
  }
  if (typeof content !== 'string') {
    throw new StorycardError('invalid_request', `${field}: expected a string, received ${typeof content}`);
  }
  const bytes = utf8Length(content);
  if (bytes > MAX_INPUT_BYTES) {
    throw new StorycardError(
      'payload_too_large',
      `${field}: expected at most ${MAX_INPUT_BYTES} bytes (2 MB) of article, received ${bytes} bytes`,
    );
  }
  if (content.trim() === '') {
    throw new StorycardError(
      'invalid_request',
      `${field}: expected article ${field === 'html' ? 'HTML' : 'text'}, received ${content.length === 0 ? 'an empty string' : 'only whitespace'}`,
    );
  }
  if (content.includes('\u0000') || controlShare(content) > 0.05) {
    throw new StorycardError(
      'invalid_request',
      `${field}: expected UTF-8 article text, received binary data (NUL or control bytes)`,
    );
  }
  let url: string | undefined;
  if (input.url !== undefined && input.url.trim() !== '') {
    url = input.url.trim();
    let ok = false;
    try {
      const u = new URL(url);
      ok = u.protocol === 'http:' || u.protocol === 'https:';
    } catch {}
    if (!ok) {
      throw new StorycardError(
        'invalid_request',
        `url: expected an absolute http(s) URL, received ${JSON.stringify(url.slice(0, 80))}`,
      );
    }
  }
  const kind = field === 'html' || looksLikeHtml(content) ? 'html' : 'text';
  return { kind, content, url };
}
