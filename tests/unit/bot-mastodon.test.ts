// The Mastodon poster: the real masto client against a fake Mastodon on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composePost } from '../../src/bot/compose.ts';
import { createMastodonPoster } from '../../src/bot/mastodon-poster.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_MASTODON_TOKEN, type FakeMastodon, startFakeMastodon } from '../fakes/fake-mastodon.ts';
import { makePng } from '../fakes/png.ts';

const composed = composePost(createStory(), 'mastodon');
const card = makePng(120, 63);
const alt = 'Sam Altman rejects Musk’s bid. “No thank you.”';

let masto: FakeMastodon;
beforeEach(async () => {
  masto = await startFakeMastodon();
});
afterEach(async () => {
  await masto.close();
});

const poster = (overrides: Partial<Parameters<typeof createMastodonPoster>[0]> = {}) =>
  createMastodonPoster({ url: masto.url, accessToken: FAKE_MASTODON_TOKEN, timeoutMs: 5000, ...overrides });

describe('Mastodon poster against the fake Mastodon', () => {
  it('posts one status with one image and its description', async () => {
    const result = await poster().post({ text: composed.text, image: card, alt, idempotencyKey: 'outbox-1' });
    expect(result).toMatchObject({ ok: true });
    expect(masto.state.statuses).toHaveLength(1);
    expect(masto.state.statuses[0]).toMatchObject({ text: composed.text, descriptions: [alt], visibility: 'public' });
    const media = masto.state.media[masto.state.statuses[0]!.mediaIds[0]!]!;
    expect(media).toMatchObject({ mimeType: 'image/png', size: card.length });
    if (result.ok) expect(result.url).toBe(`${masto.url}/@storycard/${masto.state.statuses[0]!.id}`);
  });

  it('makes no second status when the same Idempotency-Key is sent again', async () => {
    const first = await poster().post({ text: composed.text, image: card, alt, idempotencyKey: 'outbox-7' });
    const again = await poster().post({ text: composed.text, image: card, alt, idempotencyKey: 'outbox-7' });
    expect(masto.state.statuses).toHaveLength(1);
    expect(again).toEqual(first);
    expect(masto.state.statuses[0]!.idempotencyKey).toBe('outbox-7');
  });

  it('after a timeout once the status was made, the retry with the same key returns it, and findExisting sees it', async () => {
    masto.fault({ mode: 'timeout-after-accept' });
    const lost = await poster({ timeoutMs: 300 }).post({ text: composed.text, image: card, alt, idempotencyKey: 'k' });
    expect(lost).toMatchObject({ ok: false, kind: 'ambiguous' });
    expect(await poster().findExisting(composed.text)).toMatchObject({
      status: 'found',
      platformPostId: masto.state.statuses[0]!.id,
    });
    expect(await poster().post({ text: composed.text, image: card, alt, idempotencyKey: 'k' })).toMatchObject({
      ok: true,
      platformPostId: masto.state.statuses[0]!.id,
    });
    expect(masto.state.statuses).toHaveLength(1);
  });

  it('maps the fault modes to the expected kinds', async () => {
    masto.fault({ mode: '429', resetSeconds: 120 });
    const limited = await poster().post({ text: 'a' });
    expect(limited).toMatchObject({ ok: false, kind: 'rate_limited', status: 429 });
    if (!limited.ok) expect(limited.retryAt! - Date.now()).toBeGreaterThan(110_000);
    masto.fault({ mode: '503' });
    const down = await poster().post({ text: 'b' });
    expect(down).toMatchObject({ ok: false, kind: 'ambiguous' });
    if (!down.ok) expect(down.message).toContain('HTML error page');
    masto.fault({ mode: '503', on: 'media' });
    expect(await poster().post({ text: 'c', image: card })).toMatchObject({ ok: false, kind: 'retryable' });
    masto.fault({ mode: '401' });
    expect(await poster().post({ text: 'd' })).toMatchObject({ ok: false, kind: 'permanent', status: 401 });
    expect(masto.state.statuses).toHaveLength(0);
  });

  it('reports a text over the limit as permanent, naming the limit', async () => {
    const result = await poster().post({ text: 'word '.repeat(120) });
    expect(result).toMatchObject({ ok: false, kind: 'permanent', status: 422 });
    if (!result.ok) expect(result.message).toContain('character limit of 500');
  });

  it('does not mistake a different status for ours', async () => {
    await poster().post({ text: 'Other news https://example.com/other' });
    expect(await poster().findExisting(composed.text)).toEqual({ status: 'absent' });
  });
});
