// The app as a whole: health, OpenAPI from the zod schemas, JSON errors for unknown routes, settings and base URL.

import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { registry as templates } from '../../templates/index.ts';
import { api, call, createStory, storyInput } from './helpers.ts';

const noRender = createApp({
  templates,
  renderCard: async () => {
    throw new Error('these tests never render');
  },
  renderSvg: async () => {
    throw new Error('these tests never draw');
  },
});

describe('app', () => {
  it('GET /healthz reports D1 reachable', async () => {
    const res = await call('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, d1: 'ok' });
  });

  it('GET /openapi.json describes the stories API with the schemas the handlers validate with', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, unknown>>;
      components: {
        schemas: Record<string, { properties: Record<string, { maxLength?: number }>; required?: string[] }>;
      };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.servers[0]?.url).toBe('https://cards.example.com');
    expect(Object.keys(doc.paths['/api/stories']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/stories/{id}']!)).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
    // The outbox's query parameters come from the same schema its handler validates with.
    const postsGet = doc.paths['/api/posts']!.get as { parameters: { name: string; schema: { enum?: string[] } }[] };
    expect(postsGet.parameters.find((p) => p.name === 'state')?.schema.enum).toEqual(
      expect.arrayContaining(['dead', 'review', 'skipped']),
    );
    // The editor's routes (review mode) are described too.
    expect(Object.keys(doc.paths['/api/posts/{id}']!)).toEqual(expect.arrayContaining(['get', 'patch']));
    for (const p of ['/api/posts/{id}/approve', '/api/posts/{id}/skip', '/api/posts/{id}/retry'])
      expect(Object.keys(doc.paths[p]!), p).toContain('post');
    expect(doc.paths['/api/posts/today']).toHaveProperty('get');
    const write = doc.components.schemas.StoryWrite!;
    expect(write.required).toContain('headline');
    expect(Object.keys(write.properties)).toEqual(
      expect.arrayContaining(['headline', 'quote', 'url', 'template', 'theme']),
    );
    const response = doc.components.schemas.StoryResponse!;
    expect(response.required).toEqual(expect.arrayContaining(['id', 'slug', 'shareUrl', 'cardUrl', 'story']));
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await call('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('without PUBLIC_BASE_URL, builds URLs from the request origin (and http pages get no og:image:secure_url)', async () => {
    const s = await createStory();
    const local = { ...env, PUBLIC_BASE_URL: '' };
    const res = await noRender.request(
      `http://127.0.0.1:8787/s/${s.slug}`,
      { headers: { 'User-Agent': 'Twitterbot/1.0' } },
      local,
      createExecutionContext(),
    );
    const html = await res.text();
    expect(html).toContain(`<meta property="og:image" content="http://127.0.0.1:8787/cards/`);
    expect(html).not.toContain('og:image:secure_url');
  });

  it('keeps the API closed when API_TOKEN is unset', async () => {
    const open = { ...env, API_TOKEN: '' };
    const res = await noRender.request(
      'https://cards.example.com/api/stories',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(storyInput()) },
      open,
      createExecutionContext(),
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('API_TOKEN is not set') });
  });

  it('turns an unexpected failure into a 500 that leaks nothing, and logs it', async () => {
    const broken = { ...env, DB: undefined as unknown as D1Database };
    // The operator's log gets the whole error (and this test's output none of it).
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await noRender.request('https://cards.example.com/s/anything', {}, broken, createExecutionContext());
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('internal');
    expect(JSON.stringify(body)).not.toMatch(/at |\.ts|TypeError|prepare/);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^GET \/s\/anything failed \(request [\w-]+\): TypeError/));
    log.mockRestore();
  });

  it('answers a corrupted stored story with 500 internal and a request id, logged once with its stack', async () => {
    const s = await createStory();
    // A row no client wrote: the fault is ours, so it must not come back as the client's bad JSON.
    await env.DB.prepare('UPDATE stories SET story = ? WHERE id = ?').bind('{"headline": "cut off', s.id).run();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await api(`/${s.id}`);
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: string; message: string; requestId: string };
      expect(Object.keys(body).sort()).toEqual(['error', 'message', 'requestId']);
      expect(body.error).toBe('internal');
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.message).toContain(body.requestId);
      expect(res.headers.get('X-Request-Id')).toBe(body.requestId);
      expect(JSON.stringify(body)).not.toMatch(/ at |\.ts\b|SyntaxError|JSON/);
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]?.[0]);
      expect(line).toContain(`GET /api/stories/${s.id} failed (request ${body.requestId}): SyntaxError`);
      expect(line).toMatch(/\n\s+at /); // the stack, for the operator
    } finally {
      log.mockRestore();
    }
  });

  it('names every answer with X-Request-Id, and keeps a well-formed one the client sent', async () => {
    const res = await call('/healthz', { headers: { 'X-Request-Id': 'cms-retry-42' } });
    expect(res.headers.get('X-Request-Id')).toBe('cms-retry-42');
    expect((await call('/healthz')).headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('fails loudly, naming the setting, when a setting is malformed', async () => {
    const bad = { ...env, BOT_MODE: 'sometimes' };
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await noRender.request('https://cards.example.com/healthz', {}, bad, createExecutionContext());
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: 'misconfigured', message: expect.stringContaining('BOT_MODE') });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('BOT_MODE'));
    log.mockRestore();
  });
});
