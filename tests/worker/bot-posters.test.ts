// The Bluesky (@atproto/api) and Mastodon (masto) posters inside workerd, against Node fakes on 127.0.0.1.
import { describe, expect, inject, it } from 'vitest';
import { createBlueskyPoster } from '../../src/bot/bluesky-poster.ts';
import { composePost } from '../../src/bot/compose.ts';
import { createMastodonPoster } from '../../src/bot/mastodon-poster.ts';
import { postInputFor } from '../../src/bot/posters.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_BLUESKY_ACCOUNT, type FakeBlueskyState } from '../fakes/fake-bluesky.ts';
import { FAKE_MASTODON_TOKEN, type FakeMastodonState } from '../fakes/fake-mastodon.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const state = async <T>(url: string) => (await (await fetch(`${url}/__state`)).json()) as T;

describe('posters inside workerd', () => {
  it('posts to Bluesky with a link card and link facet', async () => {
    const url = inject('fakeBlueskyUrl');
    const story = createStory({ headline: `Workerd on Bluesky ${crypto.randomUUID()}` });
    const text = composePost(story, 'bluesky').text;
    const poster = createBlueskyPoster({
      service: url,
      identifier: FAKE_BLUESKY_ACCOUNT.handle,
      password: FAKE_BLUESKY_ACCOUNT.password,
    });
    expect(await poster.post(postInputFor(story, text, { bytes: png }, 'row-1'))).toMatchObject({ ok: true });
    const post = (await state<FakeBlueskyState>(url)).posts.find((p) => p.text === text);
    expect(post?.record).toMatchObject({ embed: { $type: 'app.bsky.embed.external', external: { uri: story.url } } });
    expect(await poster.findExisting(text)).toMatchObject({ status: 'found', platformPostId: post!.uri });
  });

  it('posts to Mastodon with a described image, once per Idempotency-Key', async () => {
    const url = inject('fakeMastodonUrl');
    const story = createStory({ headline: `Workerd on Mastodon ${crypto.randomUUID()}` });
    const text = composePost(story, 'mastodon').text;
    const poster = createMastodonPoster({ url, accessToken: FAKE_MASTODON_TOKEN });
    const key = crypto.randomUUID();
    const first = await poster.post(postInputFor(story, text, { bytes: png }, key));
    const again = await poster.post(postInputFor(story, text, { bytes: png }, key));
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    const mine = (await state<FakeMastodonState>(url)).statuses.filter((s) => s.text === text);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.descriptions[0]).toContain('Workerd on Mastodon');
  });
});
