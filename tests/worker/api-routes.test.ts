// The API's routes as declared with createRoute: every route the app answers is in /openapi.json, and bodies and
// queries checked by the route definitions fail exactly as the hand-read ones do ({error, message, issues}).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { registry as templates } from '../../templates/index.ts';
import { api, BASE, call, createStory, storyInput, TOKEN } from './helpers.ts';

const app = createApp({
  templates,
  renderCard: async () => {
    throw new Error('these tests never render');
  },
  renderSvg: async () => {
    throw new Error('these tests never draw');
  },
});

describe('/openapi.json', () => {
  it('documents every route the app answers (the studio’s own routes aside), with its method', async () => {
    const doc = (await (await app.request(`${BASE}/openapi.json`, {}, env)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const answered = app.routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith('/studio'));
    expect(answered.length).toBeGreaterThan(15);
    for (const r of answered) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      if (path === '/openapi.json') continue;
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    }
  });
});

describe('PUT /api/stories/:id, validated by its route definition', () => {
  it('keeps the raw body rules: 415 naming the type, 413 by the bytes, invalid_json', async () => {
    const { id } = await createStory();
    const form = await api(`/${id}`, 'PUT', 'headline=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({
      error: 'unsupported_media_type',
      message: 'Content-Type: expected application/json, received "application/x-www-form-urlencoded"',
    });
    const padded = await api(`/${id}`, 'PUT', `${JSON.stringify(storyInput())}${' '.repeat(100_000)}`);
    expect(padded.status).toBe(413);
    expect(((await padded.json()) as { message: string }).message).toMatch(/^body: expected at most 65536 bytes/);
    const broken = await api(`/${id}`, 'PUT', '{"headline": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: 'invalid_json' });
  });

  it('answers a bad story exactly as POST does: invalid_story, each field named', async () => {
    const { id } = await createStory();
    for (const body of [[1, 2], { headline: '', quote: 5 }, { headline: 'x', theme: { brandColor: 'red' } }]) {
      const posted = await api('', 'POST', body);
      const put = await api(`/${id}`, 'PUT', body);
      expect(put.status, JSON.stringify(body)).toBe(400);
      const answer = await put.json();
      expect(answer).toMatchObject({ error: 'invalid_story' });
      expect(answer).toEqual(await posted.json());
    }
  });
});

describe('queries and other bodies checked by route definitions', () => {
  it('a bad query names the field, as before: invalid_request', async () => {
    const res = await api('?limit=0');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_request',
      issues: [{ path: 'limit', received: '"0" (1 characters)' }],
    });
  });

  it('PATCH /api/posts/:id reads its body our way and names a bad field', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const patch = (body: string, type = 'application/json') =>
      call('/api/posts/some-id', { method: 'PATCH', headers: { ...auth, 'Content-Type': type }, body });
    const typed = await patch('text=hi', 'text/plain');
    expect(typed.status).toBe(415);
    expect(await typed.json()).toMatchObject({ error: 'unsupported_media_type' });
    const wrong = await patch(JSON.stringify({ text: 5 }));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: 'invalid_request',
      issues: [{ path: 'text', received: 'number 5' }],
    });
    const big = await patch(JSON.stringify({ text: 'x'.repeat(70_000) }));
    expect(big.status).toBe(413);
  });
});
