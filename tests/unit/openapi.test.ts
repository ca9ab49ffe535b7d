// /openapi.json as a client generator reads it: a valid OpenAPI 3 document (checked against the official schema by
// @seriousme/openapi-schema-validator), built from the routes' own definitions.
import { OpenAPIHono } from '@hono/zod-openapi';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/routes/context.ts';
import { mountApi } from '../../src/routes/openapi.ts';

async function document() {
  const app = new OpenAPIHono<AppEnv>();
  app.use(async (c, next) => {
    c.set('baseUrl', 'https://cards.example.com');
    await next();
  });
  mountApi(app);
  const res = await app.request('/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3 document, every $ref resolving', async () => {
    const result = await new Validator().validate(await document());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('names its schemas as components and marks the public pages as needing no token', async () => {
    const doc = (await document()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['StoryWrite', 'StoryArticleWrite', 'StoryResponse', 'StoryList', 'Error', 'PostEdit']),
    );
    for (const path of ['/healthz', '/s/{slug}', '/cards/{hash}/{file}', '/card.png'])
      expect(doc.paths[path]?.get?.security, path).toEqual([]);
    expect(doc.paths['/api/stories']?.get?.security).toBeUndefined(); // the document's default: bearer
  });
});
