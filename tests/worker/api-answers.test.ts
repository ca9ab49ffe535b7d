// What the API answers is what /openapi.json says it answers: each route's real JSON, read back through the schema
// its createRoute documents, with no field missing, none renamed and none undocumented (strict objects).
import { expect, inject, it } from 'vitest';
import { z } from 'zod';
import { PostListSchema, PostResponseSchema, PostsTodaySchema } from '../../src/routes/posts.ts';
import { StoryListSchema, StoryWrittenSchema } from '../../src/routes/schemas.ts';
import { botEnv, callWith, postStory } from './outbox-harness.ts';

/** The schema with every object in it closed: a key the handler adds without documenting it fails. */
function closed<T extends z.ZodType>(schema: T): z.ZodType {
  if (schema instanceof z.ZodObject)
    return z.strictObject(
      Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, closed(v as z.ZodType)])),
    );
  if (schema instanceof z.ZodArray) return z.array(closed(schema.element as z.ZodType));
  if (schema instanceof z.ZodOptional) return closed(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return closed(schema.unwrap() as z.ZodType).nullable();
  return schema;
}

async function answers(schema: z.ZodType, res: Response, status = 200) {
  const body = await res.json();
  const checked = closed(schema).safeParse(body);
  if (res.status !== status || !checked.success)
    throw new Error(`${res.url}: ${res.status} ${JSON.stringify(body)}\n${checked.error?.message ?? ''}`);
}

/** The component /openapi.json names for a route's answer. */
async function documented(e: Env, method: string, path: string, status: number): Promise<string | undefined> {
  const doc = (await (await callWith(e, '/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>
    >;
  };
  return doc.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema.$ref;
}

it('answers stories and posts exactly as the OpenAPI document describes them', async () => {
  const e = botEnv({ x: inject('quietFakes').x }, { BOT_MODE: 'review' });
  const refs = {
    'get /api/stories/{id}': 'StoryWritten',
    'get /api/stories': 'StoryList',
    'get /api/posts': 'PostList',
    'get /api/posts/{id}': 'Post',
    'patch /api/posts/{id}': 'Post',
    'get /api/posts/today': 'PostsToday',
    'post /api/posts/{id}/skip': 'Post',
  };
  for (const [route, id] of Object.entries(refs)) {
    const [method, path] = route.split(' ') as [string, string];
    expect(await documented(e, method, path, 200), route).toBe(`#/components/schemas/${id}`);
  }
  const { status, body } = await postStory(e, { headline: `Answers as documented ${crypto.randomUUID().slice(0, 8)}` });
  if (status !== 201) throw new Error(`POST /api/stories: ${status}`);
  await answers(StoryWrittenSchema, await callWith(e, `/api/stories/${body.id}`));
  // A story with characters no font covers: its warnings are documented too, field for field.
  const boxes = await postStory(e, { headline: `Answers in ᏣᎳᎩ ${crypto.randomUUID().slice(0, 8)}` });
  await answers(StoryWrittenSchema, await callWith(e, `/api/stories/${boxes.body.id}`));
  await answers(StoryListSchema, await callWith(e, '/api/stories?limit=2'));

  const list = await callWith(e, `/api/posts?storyId=${body.id}`);
  const page = (await list.clone().json()) as { items: { id: string; text: string }[] };
  await answers(PostListSchema, list);
  const post = page.items[0]!;
  await answers(PostResponseSchema, await callWith(e, `/api/posts/${post.id}`));
  const text = `${post.text} (edited)`;
  await answers(
    PostResponseSchema,
    await callWith(e, `/api/posts/${post.id}`, { method: 'PATCH', body: JSON.stringify({ text }) }),
  );
  await answers(PostsTodaySchema, await callWith(e, '/api/posts/today'));
  await answers(PostResponseSchema, await callWith(e, `/api/posts/${post.id}/skip`, { method: 'POST' }));
});
