// The public API's route declarations: one OpenAPIHono per resource, whose createRoute definitions validate
// parameters, queries and JSON bodies, type the handlers and produce /openapi.json; failures keep our error shape.
import { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { type ErrorCode, StorycardError } from '../errors.ts';
import { toFieldIssues } from '../story/schema.ts';
import { MAX_BODY_BYTES, readJsonBodySized } from './body.ts';
import type { AppEnv } from './context.ts';
import { ErrorSchema } from './schemas.ts';

/**
 * A validation failure as the API has always answered it: `code` with every bad field named in `issues`, what was
 * expected and what was received (src/story/schema.ts), never the validator's own wording.
 */
export function failWith(code: ErrorCode = 'invalid_request') {
  return (result: HookResult): undefined => {
    if (result.success) return;
    throw invalidInput(code, result.error, result.data);
  };
}

/** What a validator hands its hook: on failure, the input as received beside the zod error. */
export type HookResult = { target: string; data?: unknown } & (
  | { success: true }
  | { success: false; error: z.ZodError }
);

export function invalidInput(code: ErrorCode, error: z.ZodError, input: unknown): StorycardError {
  const issues = toFieldIssues(error, input);
  return new StorycardError(code, issues.map((i) => i.message).join('; '), { issues });
}

/** A router for one resource of the API; its routes are documented in /openapi.json where app.ts mounts it. */
export const apiRouter = (hook: (result: HookResult) => undefined = failWith()) =>
  new OpenAPIHono<AppEnv>({ defaultHook: hook });

/**
 * A JSON body read our way before the route's validator sees it: Content-Type (415), size by header and by the bytes
 * actually sent (413), JSON (400), each with its own message. We read a clone (Request.clone(), a tee of the
 * stream), so the validator reads the original through Hono's public API, and only once ours has found it within
 * the limit and JSON.
 */
export const jsonBody = (maxBytes = MAX_BODY_BYTES) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await readJsonBodySized(c, maxBytes, c.req.raw.clone());
    await next();
  });

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad JSON or a bad field; `issues` names each field, what was expected and what was received.',
  401: 'No bearer token.',
  403: 'Wrong bearer token.',
  404: 'No such story.',
  405: 'A known path with another method: the Allow header names the methods it has.',
  409: 'Another story already has this article URL.',
  413: 'Body too large: a story over 64 KB, or an article over 2 MB.',
  415: 'Content-Type is not application/json.',
  422: 'The card would go over the render budget (at most 300 emoji, 1,300 characters drawn); `issues` names the field.',
};

const errorContent = { 'application/json': { schema: ErrorSchema } };

/** The error answers of a route, each `{error, message, issues?}`; `text` overrides a description. */
export function errors(codes: number[], text: Record<number, string> = {}) {
  return Object.fromEntries(
    codes.map((code) => [code, { description: text[code] ?? ERROR_TEXT[code] ?? 'Error', content: errorContent }]),
  );
}

/** A JSON answer documented by its schema. */
export const jsonOf = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
