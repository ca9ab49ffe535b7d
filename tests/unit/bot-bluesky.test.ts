// The Bluesky poster: the real @atproto/api agent against a fake PDS on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlueskyPoster, facetsFor } from '../../src/bot/bluesky-poster.ts';
import { composePost } from '../../src/bot/compose.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_BLUESKY_ACCOUNT, type FakeBluesky, startFakeBluesky } from '../fakes/fake-bluesky.ts';
import { makePng } from '../fakes/png.ts';

const story = createStory();
const composed = composePost(story, 'bluesky');
const card = makePng(120, 63);
const link = { url: story.url!, title: story.headline, description: story.quote };

let pds: FakeBluesky;
beforeEach(async () => {
  pds = await startFakeBluesky();
});
afterEach(async () => {
  await pds.close();
});

const poster = (overrides: Partial<Parameters<typeof createBlueskyPoster>[0]> = {}) =>
  createBlueskyPoster({
    service: pds.url,
    identifier: FAKE_BLUESKY_ACCOUNT.handle,
    password: FAKE_BLUESKY_ACCOUNT.password,
    timeoutMs: 5000,
    ...overrides,
  });

describe('Bluesky poster against the fake PDS', () => {
  it('posts a link card with the card as thumbnail and the shortened link pointing at the full URL', async () => {
    const result = await poster().post({ text: composed.text, image: card, alt: 'alt', link });
    expect(result).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^https:\/\/bsky\.app\/profile\/storycard\.test\/post\//),
    });
    expect(pds.state.posts).toHaveLength(1);
    const record = pds.state.posts[0]!.record as {
      text: string;
      embed: { $type: string; external: { uri: string; thumb: { size: number; mimeType: string } } };
      facets: Array<{ index: { byteStart: number; byteEnd: number }; features: Array<{ uri?: string; tag?: string }> }>;
    };
    expect(record.text).toBe(composed.text);
    expect(record.embed.$type).toBe('app.bsky.embed.external');
    expect(record.embed.external).toMatchObject({
      uri: story.url,
      thumb: { size: card.length, mimeType: 'image/png' },
    });
    const linkFacet = record.facets.find((f) => f.features[0]?.uri)!;
    const shown = Buffer.from(record.text).subarray(linkFacet.index.byteStart, linkFacet.index.byteEnd).toString();
    expect(shown).toBe(composed.link.display);
    expect(linkFacet.features[0]!.uri).toBe(story.url);
    expect(record.facets.map((f) => f.features[0]?.tag).filter(Boolean)).toEqual(['OpenAI', 'AI']);
    expect(pds.state.sessions).toBe(1);
  });

  it('posts the card as an image with alt text when asked to', async () => {
    await poster({ embed: 'image' }).post({
      text: composed.text,
      image: card,
      alt: 'The card: headline and quote',
      link,
    });
    const embed = pds.state.posts[0]!.record.embed as { $type: string; images: Array<{ alt: string }> };
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images[0]!.alt).toBe('The card: headline and quote');
  });

  it('refuses a card over 1,000,000 bytes with a clear permanent failure, uploading nothing', async () => {
    const big = makePng(600, 600, { noise: true });
    expect(big.length).toBeGreaterThan(1_000_000);
    const result = await poster().post({ text: composed.text, image: big, alt: 'alt', link });
    expect(result).toMatchObject({ ok: false, kind: 'permanent' });
    if (!result.ok)
      expect(result.message).toMatch(
        /up to 1,000,000 bytes; the card is 1,0\d\d,\d{3} bytes\. Pass a smaller JPEG or PNG/,
      );
    expect(pds.log).toEqual([]);
  });

  it('maps the fault modes to the expected kinds', async () => {
    pds.fault({ mode: '429', resetSeconds: 300 });
    const limited = await poster().post({ text: 'one', link });
    expect(limited).toMatchObject({ ok: false, kind: 'rate_limited', status: 429 });
    if (!limited.ok) expect(limited.retryAt! - Date.now()).toBeGreaterThan(290_000);
    pds.fault({ mode: '503' });
    expect(await poster().post({ text: 'two', link })).toMatchObject({ ok: false, kind: 'ambiguous', status: 503 });
    pds.fault({ mode: '503', on: 'media' });
    expect(await poster().post({ text: 'three', image: card, link })).toMatchObject({ ok: false, kind: 'retryable' });
    // The agent refreshes its session once on a 401 and tries again; a token that stays invalid is permanent.
    pds.fault({ mode: '401', count: 2 });
    expect(await poster().post({ text: 'four', link })).toMatchObject({ ok: false, kind: 'permanent', status: 401 });
    expect(pds.state.posts).toHaveLength(0);
  });

  it('rejects a wrong app password as permanent', async () => {
    const result = await poster({ password: 'wrong-pass-word-xxxx' }).post({ text: 'x', link });
    expect(result).toMatchObject({ ok: false, kind: 'permanent', status: 401 });
  });

  it('finds a post the PDS accepted before the request timed out', async () => {
    pds.fault({ mode: 'timeout-after-accept' });
    const start = Date.now();
    const result = await poster({ timeoutMs: 300 }).post({ text: composed.text, image: card, link });
    expect(result).toMatchObject({ ok: false, kind: 'ambiguous' });
    expect(pds.state.posts).toHaveLength(1);
    expect(await poster().findExisting(composed.text, { since: start })).toEqual({
      status: 'found',
      platformPostId: pds.state.posts[0]!.uri,
      url: `https://bsky.app/profile/storycard.test/post/${pds.state.posts[0]!.rkey}`,
    });
    expect(await poster().findExisting('Some other text')).toEqual({ status: 'absent' });
  });

  it('is retryable when the PDS cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const result = await poster({ service: `http://127.0.0.1:${port}` }).post({ text: 'x', link });
    expect(result).toMatchObject({ ok: false, kind: 'retryable' });
  });
});

describe('facetsFor', () => {
  it('counts facet positions in UTF-8 bytes, after emoji and CJK', () => {
    const text = '速報 🚀 news: https://example.com/a #Tag';
    const [url, tag] = facetsFor(text)!;
    const bytes = Buffer.from(text);
    expect(bytes.subarray(url!.index.byteStart, url!.index.byteEnd).toString()).toBe('https://example.com/a');
    expect(bytes.subarray(tag!.index.byteStart, tag!.index.byteEnd).toString()).toBe('#Tag');
  });

  it('leaves unresolvable @mentions as plain text instead of an invalid facet', () => {
    expect(facetsFor('thanks @someone.bsky.social')).toBeUndefined();
  });
});
