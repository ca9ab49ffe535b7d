// From settings to posts: the posters parseConfig's credentials enable, each posting one story with its card once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { altText, composeAll } from '../../src/bot/compose.ts';
import { createPosters, enabledPlatforms, postInputFor } from '../../src/bot/posters.ts';
import { parseConfig } from '../../src/config.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_BLUESKY_ACCOUNT, type FakeBluesky, startFakeBluesky } from '../fakes/fake-bluesky.ts';
import { FAKE_MASTODON_TOKEN, type FakeMastodon, startFakeMastodon } from '../fakes/fake-mastodon.ts';
import { FAKE_X_CREDENTIALS, type FakeX, startFakeX } from '../fakes/fake-x.ts';
import { makePng } from '../fakes/png.ts';

let x: FakeX;
let bsky: FakeBluesky;
let masto: FakeMastodon;
beforeAll(async () => {
  [x, bsky, masto] = await Promise.all([startFakeX(), startFakeBluesky(), startFakeMastodon()]);
});
afterAll(async () => {
  await Promise.all([x.close(), bsky.close(), masto.close()]);
});

const settings = () => ({
  X_APP_KEY: FAKE_X_CREDENTIALS.appKey,
  X_APP_SECRET: FAKE_X_CREDENTIALS.appSecret,
  X_ACCESS_TOKEN: FAKE_X_CREDENTIALS.accessToken,
  X_ACCESS_SECRET: FAKE_X_CREDENTIALS.accessSecret,
  X_API_BASE_URL: `${x.url}/`,
  BLUESKY_SERVICE: bsky.url,
  BLUESKY_IDENTIFIER: FAKE_BLUESKY_ACCOUNT.handle,
  BLUESKY_APP_PASSWORD: FAKE_BLUESKY_ACCOUNT.password,
  MASTODON_BASE_URL: masto.url,
  MASTODON_ACCESS_TOKEN: FAKE_MASTODON_TOKEN,
});

describe('enabledPlatforms', () => {
  it('enables a platform only when all of its credentials are set', () => {
    expect(enabledPlatforms(parseConfig({}))).toEqual([]);
    expect(enabledPlatforms(parseConfig({ ...settings(), X_ACCESS_SECRET: '' }))).toEqual(['bluesky', 'mastodon']);
    expect(enabledPlatforms(parseConfig(settings()))).toEqual(['x', 'bluesky', 'mastodon']);
  });
});

describe('createPosters + postInputFor', () => {
  it('posts one story to every platform with its card, alt text and language', async () => {
    const story = createStory({ lang: 'en-GB' });
    const texts = composeAll(story);
    const card = makePng(1200, 630);
    const posters = createPosters(parseConfig(settings()), { timeoutMs: 5000 });
    // The platforms with fakes in this file; the others have their own (tests/worker/<network>-poster.test.ts).
    for (const platform of ['x', 'bluesky', 'mastodon'] as const) {
      const result = await posters[platform]!.post(
        postInputFor(story, texts[platform].text, { bytes: card }, `row-${platform}`),
      );
      expect(result, platform).toMatchObject({ ok: true });
    }
    expect(x.state.posts).toEqual([expect.objectContaining({ text: texts.x.text, altTexts: [altText(story)] })]);
    expect(bsky.state.posts).toHaveLength(1);
    expect(bsky.state.posts[0]!.record).toMatchObject({ text: texts.bluesky.text, langs: ['en-GB'] });
    expect(masto.state.statuses).toEqual([
      expect.objectContaining({
        text: texts.mastodon.text,
        descriptions: [altText(story)],
        language: 'en',
        idempotencyKey: 'row-mastodon',
      }),
    ]);
  });
});
