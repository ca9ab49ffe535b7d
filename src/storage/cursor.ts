// The page cursor of every list (stories, outbox): the last row's (createdAt, id), opaque to clients, and a bad one
// is a 400 naming `cursor`, never a D1 error.
import { StorycardError } from '../errors.ts';

export function encodeCursor(createdAt: string, id: string): string {
  return btoa(JSON.stringify([createdAt, id])).replace(/=+$/, '');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(atob(cursor)) as unknown;
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) return v as [string, string];
  } catch {
    // fall through to the error below
  }
  const message = `cursor: expected the nextCursor of a previous page, received ${JSON.stringify(cursor)}`;
  throw new StorycardError('invalid_request', message, {
    issues: [
      { path: 'cursor', expected: 'the nextCursor of a previous page', received: JSON.stringify(cursor), message },
    ],
  });
}
