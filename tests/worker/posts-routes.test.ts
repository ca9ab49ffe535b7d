// GET /api/posts and POST /api/posts/:id/retry: Bearer auth, filters with clear 400s, retry of a dead post.
import { describe, expect, inject, it } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { call } from './helpers.ts';
import { botEnv, callWith, clock, depsFor, type PostView, postStory, postsOf } from './outbox-harness.ts';

const e = () => botEnv({ x: inject('quietFakes').x });

describe('/api/posts', () => {
  it('is Bearer-authenticated like the stories API', async () => {
    expect((await call('/api/posts')).status).toBe(401);
    const wrong = await call('/api/posts', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: 'forbidden' });
    expect((await call('/api/posts/x/retry', { method: 'POST' })).status).toBe(401);
  });

  it('lists posts newest first, filters by state and story, pages with a cursor, and names bad parameters', async () => {
    const en = botEnv({ x: inject('quietFakes').x }, { BOT_MODE: 'dry-run' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await postStory(en, { headline: `Listed story number ${i}` })).body.id);
    const page1 = await callWith(en, '/api/posts?state=dry-run&limit=2');
    expect(page1.status).toBe(200);
    const p1 = (await page1.json()) as { items: PostView[]; nextCursor: string | null };
    expect(p1.items).toHaveLength(2);
    expect(p1.items.every((p) => p.state === 'dry-run')).toBe(true);
    expect(p1.nextCursor).toBeTruthy();
    const p2 = (await (await callWith(en, `/api/posts?state=dry-run&limit=2&cursor=${p1.nextCursor}`)).json()) as {
      items: PostView[];
    };
    expect(p2.items.map((p) => p.id)).not.toContain(p1.items[0]!.id);
    for (const id of ids)
      expect(await postsOf(en, id)).toMatchObject([{ storyId: id, platform: 'x', state: 'dry-run' }]);

    const bad = await callWith(en, '/api/posts?state=sent');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string; message: string; issues: { path: string }[] };
    expect(body.error).toBe('invalid_request');
    expect(body.issues[0]!.path).toBe('state');
    expect(body.message).toContain('sent');
    expect((await callWith(en, '/api/posts?cursor=garbage')).status).toBe(400);
    expect((await callWith(en, '/api/posts/no-such-id')).status).toBe(404);
  });

  it('retries a dead post: queued again now with a fresh budget, and it posts', async () => {
    const en = e();
    const { body } = await postStory(en, { headline: `Retried after a bad token ${crypto.randomUUID().slice(0, 8)}` });
    const [row] = await postsOf(en, body.id);
    // A wrong access secret: the fake X answers 401 to the signature, as X would.
    const wrongSecret = botEnv({ x: inject('quietFakes').x }, { X_ACCESS_SECRET: 'not-the-secret' });
    expect(await processRow(row!.id, depsFor(wrongSecret, Date.now))).toMatchObject({ kind: 'dead' });
    expect((await postsOf(en, body.id))[0]).toMatchObject({ state: 'dead', lastError: expect.stringContaining('401') });

    const res = await callWith(en, `/api/posts/${row!.id}/retry`, { method: 'POST' });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id: row!.id, state: 'queued', attempts: 0 });
    expect(await processRow(row!.id, depsFor(en, Date.now))).toMatchObject({ kind: 'posted' });
    const posted = (await postsOf(en, body.id))[0]!;
    expect(posted).toMatchObject({ state: 'posted', attempts: 1 });

    const again = await callWith(en, `/api/posts/${row!.id}/retry`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toContain('already posted');
    const off = await callWith(botEnv({}, { BOT_MODE: 'off' }), `/api/posts/${row!.id}/retry`, { method: 'POST' });
    expect(off.status).toBe(409);
    expect(((await off.json()) as { message: string }).message).toContain('BOT_MODE');
    expect((await callWith(en, '/api/posts/nope/retry', { method: 'POST' })).status).toBe(404);
  });

  it('shows a waiting post’s next attempt and last error', async () => {
    const en = e();
    const { body } = await postStory(en, { headline: `Capped for today ${crypto.randomUUID().slice(0, 8)}` });
    const capped = botEnv({ x: inject('quietFakes').x }, { X_DAILY_CAP: '0' });
    const [row] = await postsOf(en, body.id);
    const c = clock();
    expect(await processRow(row!.id, depsFor(capped, c.now))).toMatchObject({ kind: 'wait' });
    const shown = (await postsOf(en, body.id))[0]!;
    expect(shown.state).toBe('queued');
    expect(shown.lastError).toMatch(/daily cap of 0 x posts reached/);
    expect(Date.parse(shown.nextAttemptAt!)).toBeGreaterThan(c.t);
  });
});
