// The X poster: the real twitter-api-v2 client against a fake X API on 127.0.0.1, including every fault mode.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXPoster, rateLimitReset } from '../../src/bot/x-poster.ts';
import { plainHttpAgent } from '../../src/runtime/http-agent.ts';
import { FAKE_X_CREDENTIALS, type FakeX, startFakeX } from '../fakes/fake-x.ts';
import { makePng } from '../fakes/png.ts';

const card = makePng(120, 63);
const text =
  'Sam Altman rejects Musk’s bid & jokes about Twitter\n\nhttps://example.com/tech/altman-rejects-musk-openai-bid\n#OpenAI';
const alt = 'Sam Altman rejects Musk’s bid. “No thank you.” — Sam Altman';

let x: FakeX;
beforeEach(async () => {
  x = await startFakeX();
});
afterEach(async () => {
  await x.close();
});

const poster = (overrides: Partial<Parameters<typeof createXPoster>[0]> = {}) =>
  createXPoster({ ...FAKE_X_CREDENTIALS, httpAgent: plainHttpAgent(), baseUrl: x.url, timeoutMs: 5000, ...overrides });

describe('X poster against the fake X API', () => {
  it('posts one tweet with one image and its alt text', async () => {
    const result = await poster().post({ text, image: card, alt });
    expect(result).toMatchObject({ ok: true });
    expect(x.state.posts).toHaveLength(1);
    const [post] = x.state.posts;
    expect(post).toMatchObject({ text, altTexts: [alt] });
    expect(post!.mediaIds).toHaveLength(1);
    const media = x.state.media[post!.mediaIds[0]!]!;
    expect(media).toMatchObject({ mediaType: 'image/png', totalBytes: card.length, finalized: true });
    expect(media.sha256).toBe(createHash('sha256').update(card).digest('hex'));
    if (result.ok) {
      expect(result.platformPostId).toBe(post!.id);
      expect(result.url).toBe(`https://x.com/i/web/status/${post!.id}`);
    }
    // Chunked v2 upload, alt text, then the post: all through the rewritten base URL.
    expect(x.log.map((r) => r.path.replace(/\d{6,}/, ':id'))).toEqual([
      '/2/media/upload/initialize',
      '/2/media/upload/:id/append',
      '/2/media/upload/:id/finalize',
      '/2/media/metadata',
      '/2/tweets',
    ]);
  });

  it('is refused with a permanent failure when the OAuth signature is wrong', async () => {
    const result = await poster({ accessSecret: 'wrong' }).post({ text, image: card, alt });
    expect(result).toMatchObject({ ok: false, kind: 'permanent', status: 401 });
    expect(x.state.posts).toHaveLength(0);
  });

  it('maps a 429 to rate_limited with the reset X reported', async () => {
    x.fault({ mode: '429', resetSeconds: 600 });
    const before = Date.now();
    const result = await poster().post({ text, image: card, alt });
    expect(result).toMatchObject({ ok: false, kind: 'rate_limited', status: 429 });
    if (!result.ok) expect(result.retryAt! - before).toBeGreaterThan(590_000);
    expect(x.state.posts).toHaveLength(0);
  });

  it('waits for the 24-hour user limit, not the 15-minute window, when the day is used up', async () => {
    x.fault({ mode: '429-user-day', resetSeconds: 20 * 3600 });
    const result = await poster().post({ text, image: card, alt });
    expect(result).toMatchObject({ ok: false, kind: 'rate_limited' });
    if (!result.ok) expect(result.retryAt! - Date.now()).toBeGreaterThan(19 * 3600_000);
  });

  it('maps 503 on the post to ambiguous and 503 during upload to retryable', async () => {
    x.fault({ mode: '503' });
    expect(await poster().post({ text, image: card, alt })).toMatchObject({
      ok: false,
      kind: 'ambiguous',
      status: 503,
    });
    x.fault({ mode: '503', on: 'media' });
    expect(await poster().post({ text, image: card, alt })).toMatchObject({
      ok: false,
      kind: 'retryable',
      status: 503,
    });
    expect(x.state.posts).toHaveLength(0);
  });

  it('maps 401 to permanent, naming what X said', async () => {
    x.fault({ mode: '401' });
    const result = await poster().post({ text, image: card, alt });
    expect(result).toMatchObject({ ok: false, kind: 'permanent', status: 401 });
    if (!result.ok) expect(result.message).toContain('Unauthorized');
  });

  it('maps a repeated text to duplicate, and findExisting then confirms the first post', async () => {
    const first = await poster().post({ text, image: card, alt });
    const again = await poster().post({ text, image: card, alt });
    expect(again).toMatchObject({ ok: false, kind: 'duplicate', status: 403 });
    if (!again.ok) expect(again.message).toContain('duplicate content');
    expect(x.state.posts).toHaveLength(1);
    const found = await poster().findExisting(text);
    expect(found).toMatchObject({ status: 'found', platformPostId: first.ok ? first.platformPostId : 'missing' });
  });

  it('maps the forced duplicate 403 to duplicate; findExisting says absent when nothing was posted', async () => {
    x.fault({ mode: 'duplicate' });
    expect(await poster().post({ text, image: card, alt })).toMatchObject({ ok: false, kind: 'duplicate' });
    expect(await poster().findExisting(text)).toEqual({ status: 'absent' });
  });

  it('finds a post X accepted before the request timed out', async () => {
    x.fault({ mode: 'timeout-after-accept' });
    const start = Date.now();
    const result = await poster({ timeoutMs: 300 }).post({ text, image: card, alt });
    expect(result).toMatchObject({ ok: false, kind: 'ambiguous' });
    if (!result.ok) expect(result.message).toMatch(/timeout/i);
    expect(x.state.posts).toHaveLength(1);
    const found = await poster().findExisting(text, { since: start });
    expect(found).toEqual({
      status: 'found',
      platformPostId: x.state.posts[0]!.id,
      url: `https://x.com/i/web/status/${x.state.posts[0]!.id}`,
    });
  });

  it('treats a connection dropped after X accepted as ambiguous', async () => {
    x.fault({ mode: 'reset-after-accept' });
    expect(await poster().post({ text, image: card, alt })).toMatchObject({ ok: false, kind: 'ambiguous' });
    expect(await poster().findExisting(text)).toMatchObject({ status: 'found' });
  });

  it('treats a 503 sent after X created the post as ambiguous, and the check finds it', async () => {
    x.fault({ mode: '503-after-accept' });
    expect(await poster().post({ text, image: card, alt })).toMatchObject({
      ok: false,
      kind: 'ambiguous',
      status: 503,
    });
    expect(x.state.posts).toHaveLength(1);
    expect(await poster().findExisting(text)).toMatchObject({ status: 'found', platformPostId: x.state.posts[0]!.id });
  });

  it('is retryable when X cannot be reached at all', async () => {
    const url = x.url;
    await x.close();
    const result = await createXPoster({ ...FAKE_X_CREDENTIALS, httpAgent: plainHttpAgent(), baseUrl: url }).post({
      text,
    });
    expect(result).toMatchObject({ ok: false, kind: 'retryable' });
    x = await startFakeX();
  });

  it('does not mistake a different post for ours', async () => {
    await poster().post({ text: 'Another story entirely https://example.com/other' });
    expect(await poster().findExisting(text)).toEqual({ status: 'absent' });
  });
});

describe('rateLimitReset', () => {
  it('falls back to a minute when X sent no reset header', () => {
    expect(rateLimitReset({}, 1_000)).toBe(61_000);
  });
});
