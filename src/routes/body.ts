// Reading a JSON request body safely: content type (415), size from header and from the bytes themselves (413), JSON (400).
import type { Context } from 'hono';
import { StorycardError } from '../errors.ts';
import { readCapped } from '../streams.ts';

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (max: number, received: string) =>
  new StorycardError('payload_too_large', `body: expected at most ${max} bytes, received ${received}`);

/** Parse a JSON body of at most 64 KB (or `maxBytes`). Content-Length is checked first, then the bytes actually sent, since a header can lie. */
export async function readJsonBody(c: Context, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  return (await readJsonBodySized(c, maxBytes)).value;
}

/** The same, with the size of the raw body as sent: limits apply to what arrived, not to what it parses into. */
export async function readJsonBodySized(
  c: Context,
  maxBytes = MAX_BODY_BYTES,
  request: Pick<Request, 'body'> = c.req.raw,
): Promise<{ value: unknown; bytes: number; text: string }> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new StorycardError(
      'unsupported_media_type',
      `Content-Type: expected application/json, received ${type ? JSON.stringify(type) : 'none'}`,
    );
  }
  const bytes = await readBodyBytes(c, maxBytes, request);
  if (!bytes) throw invalidJson('an empty body');
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  if (!text.trim()) throw invalidJson('an empty body');
  try {
    return { value: JSON.parse(text), bytes: bytes.byteLength, text };
  } catch (e) {
    throw invalidJson(`text that is not JSON (${(e as Error).message})`);
  }
}

/** The raw body, at most `maxBytes` (413 beyond, by Content-Length or by counting); null when there is none. */
export async function readBodyBytes(
  c: Context,
  maxBytes: number,
  request: Pick<Request, 'body'> = c.req.raw,
): Promise<Uint8Array | null> {
  const declared = Number(c.req.header('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes, `${declared} bytes (Content-Length)`);
  const body = request.body;
  if (!body) return null;
  const read = await readCapped(body, maxBytes);
  if (!read.ok) throw tooLarge(maxBytes, `more than that (${read.read} bytes read so far)`);
  return read.bytes;
}

function invalidJson(received: string): StorycardError {
  return new StorycardError('invalid_json', `body: expected a JSON object, received ${received}`, {
    issues: [
      {
        path: '(body)',
        expected: 'a JSON object',
        received,
        message: `body: expected a JSON object, received ${received}`,
      },
    ],
  });
}
