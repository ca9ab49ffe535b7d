// The stories API inside workerd against local D1: auth, validation errors, idempotent writes, paging, delete.
import { describe, expect, it } from 'vitest';
import { api, call, createStory, type StoryBody, storyInput, TOKEN } from './helpers.ts';

describe('auth', () => {
  it('answers 401 without a token and 403 with a wrong one, with JSON errors', async () => {
    const none = await call('/api/stories');
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(await none.json()).toMatchObject({
      error: 'unauthorized',
      message: expect.stringContaining('Authorization'),
    });

    const basic = await call('/api/stories', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);

    const wrong = await call('/api/stories', { headers: { Authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: 'forbidden' });

    const prefix = await call('/api/stories', { headers: { Authorization: `Bearer ${TOKEN.slice(0, -1)}` } });
    expect(prefix.status).toBe(403);
  });
});

describe('POST /api/stories', () => {
  it('creates a story: 201 with id, readable slug, absolute share and card URLs, the normalised story', async () => {
    const input = storyInput({ headline: '  Ünïcode   headline:\u200B “quoted” & more  ' });
    const res = await api('', 'POST', input);
    expect(res.status).toBe(201);
    const body = (await res.json()) as StoryBody;
    expect(res.headers.get('Location')).toBe(`https://cards.example.com/api/stories/${body.id}`);
    // The headline's own letters, marks kept (NFC), lower-cased; percent-encoded in the share URL.
    expect(body.slug).toMatch(/^ünïcode-headline-quoted-more-[a-z0-9]{6}$/);
    expect(body.shareUrl).toBe(`https://cards.example.com/s/${encodeURIComponent(body.slug)}`);
    expect(body.cardUrl).toMatch(/^https:\/\/cards\.example\.com\/cards\/[0-9a-f]{20}\/og\.png$/);
    expect(body.cardUrls.x).toBe(body.cardUrl.replace('/og.png', '/x.png'));
    expect(body.story.headline).toBe('Ünïcode headline: “quoted” & more');

    const got = await api(`/${body.id}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(body);
  });

  it('keeps slugs ≤ 60 characters plus suffix, and unique for one headline', async () => {
    const headline = 'A very long headline '.repeat(10);
    const a = await createStory({ headline });
    const b = await createStory({ headline });
    expect(a.slug).not.toBe(b.slug);
    expect(a.slug.length).toBeLessThanOrEqual(60 + 7);
    expect(a.slug.startsWith('a-very-long-headline-a-very-long-headline')).toBe(true);
  });

  it('is idempotent per canonical article URL: a repeat (tracking params, fragment) answers 200 with the same story', async () => {
    const first = await createStory({ url: 'https://news.example.org/same?id=7' });
    const again = await api(
      '',
      'POST',
      storyInput({ url: 'https://NEWS.example.org/same?utm_source=x&id=7#top', headline: 'Other' }),
    );
    expect(again.status).toBe(200);
    const body = (await again.json()) as StoryBody;
    expect(body.id).toBe(first.id);
    expect(body.story.headline).toBe(first.story.headline);
  });

  it('400 names each bad field with what was expected and received', async () => {
    const res = await api('', 'POST', { headline: '', quote: 42, url: 'ftp://x', publishedAt: 'yesterday' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: string;
      issues: { path: string; expected: string; received: string }[];
    };
    expect(body.error).toBe('invalid_story');
    const paths = body.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['headline', 'publishedAt', 'quote', 'url']);
    const url = body.issues.find((i) => i.path === 'url')!;
    expect(url.expected).toContain('http(s) URL');
    expect(url.received).toContain('ftp://x');
  });

  it('400 when the story has no article URL (a story is shared by it)', async () => {
    const { url: _url, ...noUrl } = storyInput();
    const res = await api('', 'POST', noUrl);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ issues: [{ path: 'url', received: 'nothing' }] });
  });

  it('400 for an unknown template, naming the known ones', async () => {
    const res = await api('', 'POST', { ...storyInput(), template: 'nope' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string; expected: string }[] };
    expect(body.error).toBe('unknown_template');
    expect(body.issues[0]?.path).toBe('template');
    expect(body.issues[0]?.expected).toContain('quote');
  });

  it('400 for bad JSON, an empty body, and a body that is not an object', async () => {
    const bad = await api('', 'POST', '{"headline": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_json' });
    const empty = await api('', 'POST', '');
    expect(empty.status).toBe(400);
    const arr = await api('', 'POST', '[1,2]');
    expect(arr.status).toBe(400);
    expect(await arr.json()).toMatchObject({
      error: 'invalid_story',
      issues: [{ path: '(story)', received: 'an array' }],
    });
  });

  it('415 for a body that is not JSON', async () => {
    const res = await api('', 'POST', 'headline=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('413 for bodies over 64 KB, whether or not Content-Length says so', async () => {
    const big = JSON.stringify({ ...storyInput(), padding: 'x'.repeat(70_000) });
    const declared = await api('', 'POST', big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: 'payload_too_large' });

    // A streamed body has no Content-Length: the bytes themselves are counted.
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const streamed = await api('', 'POST', undefined, { 'Content-Type': 'application/json' });
    expect(streamed.status).toBe(400); // no body at all: that is bad JSON, not too large
    const chunked = await call('/api/stories', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: stream,
    });
    expect(chunked.status).toBe(413);
  });
});

describe('GET/PUT/DELETE /api/stories/:id', () => {
  it('PUT replaces the story, keeps the slug, moves the card address, and is idempotent', async () => {
    const created = await createStory();
    const next = { ...storyInput({ url: created.story.url as string }), headline: 'A corrected headline' };
    const put1 = await api(`/${created.id}`, 'PUT', next);
    expect(put1.status).toBe(200);
    const body1 = (await put1.json()) as StoryBody;
    expect(body1.slug).toBe(created.slug);
    expect(body1.story.headline).toBe('A corrected headline');
    expect(body1.cardUrl).not.toBe(created.cardUrl);

    const put2 = await api(`/${created.id}`, 'PUT', next);
    expect(await put2.json()).toEqual(body1);
  });

  it('PUT to another story’s article URL is a 409; to an unknown id a 404', async () => {
    const a = await createStory();
    const b = await createStory();
    const clash = await api(`/${b.id}`, 'PUT', storyInput({ url: a.story.url as string }));
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ error: 'conflict', message: expect.stringContaining('url') });
    const missing = await api('/no-such-id', 'PUT', storyInput());
    expect(missing.status).toBe(404);
  });

  it('GET and DELETE of an unknown id are 404 JSON; DELETE removes the story and its share page', async () => {
    expect((await api('/nope')).status).toBe(404);
    expect(await (await api('/nope', 'DELETE')).json()).toMatchObject({ error: 'not_found' });
    const s = await createStory();
    const del = await api(`/${s.id}`, 'DELETE');
    expect(del.status).toBe(204);
    expect((await api(`/${s.id}`)).status).toBe(404);
    expect((await call(`/s/${s.slug}`)).status).toBe(404);
  });
});

describe('GET /api/stories', () => {
  it('pages newest first with a cursor until nextCursor is null, each story once', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await createStory({ headline: `Paged ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: StoryBody[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of made) expect(seen).toContain(id);
    // Newest first: the last one made comes before the first one made.
    expect(seen.indexOf(made[4]!)).toBeLessThan(seen.indexOf(made[0]!));
  });

  it('400 for a bad limit or cursor, naming the parameter', async () => {
    const limit = await api('?limit=1000');
    expect(limit.status).toBe(400);
    expect(await limit.json()).toMatchObject({ error: 'invalid_request', issues: [{ path: 'limit' }] });
    const cursor = await api('?cursor=garbage!');
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toMatchObject({ issues: [{ path: 'cursor' }] });
  });
});
