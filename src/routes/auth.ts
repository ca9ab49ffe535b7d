// Bearer-token auth for the API: 401 without credentials, 403 with wrong ones, compared in constant time.
import { createMiddleware } from 'hono/factory';
import { StorycardError } from '../errors.ts';
import { constantTimeEqual } from '../story/sign.ts';
import type { AppEnv } from './context.ts';

export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  const expected = c.var.config.apiToken;
  if (!expected) {
    // Never an open API: an unset token locks it rather than opening it.
    throw new StorycardError('unauthorized', 'the API is disabled: API_TOKEN is not set on the server');
  }
  const header = c.req.header('Authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) {
    c.header('WWW-Authenticate', 'Bearer realm="storycard"');
    throw new StorycardError(
      'unauthorized',
      header
        ? 'Authorization: expected "Bearer <API_TOKEN>", received another scheme'
        : 'Authorization: expected "Bearer <API_TOKEN>", received no Authorization header',
    );
  }
  if (!(await constantTimeEqual(match[1], expected))) {
    throw new StorycardError('forbidden', 'Authorization: the bearer token is not the API_TOKEN');
  }
  await next();
});
