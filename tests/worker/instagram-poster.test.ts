// Instagram through the outbox inside workerd, against a fake Graph API on 127.0.0.1: the portrait card (feed) and
// the story card (Stories) as JPEG by URL, a caption without a link, alt text, faults, and lost answers.
import { describe, expect, inject, it } from 'vitest';
import { altText } from '../../src/bot/compose.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_INSTAGRAM, type FakeGraphState } from '../fakes/fake-graph.ts';
import { imageInfo } from '../fakes/image-size.ts';
import { kinds, networkHarness, unique } from '../helpers/network-poster.ts';
import {
  botEnv,
  callWith,
  clock,
  depsFor,
  drive,
  fakeState,
  fault,
  type PostView,
  postStory,
  postsOf,
} from './outbox-harness.ts';

const fake = () => inject('networkFakes').instagram;
const settings = (stories = 'on') => ({
  INSTAGRAM_USER_ID: FAKE_INSTAGRAM.userId,
  INSTAGRAM_ACCESS_TOKEN: FAKE_INSTAGRAM.token,
  INSTAGRAM_API_BASE_URL: fake(),
  INSTAGRAM_STORIES: stories,
});
const { storyRows } = networkHarness(settings, ['instagram', 'instagram-story']);
const e = (stories = 'on') => botEnv({}, settings(stories));

async function rows(what: string) {
  const { rows: all, body } = await storyRows(unique(what, 'at the museum'));
  return {
    feed: all.find((r) => r.platform === 'instagram')!,
    story: all.find((r) => r.platform === 'instagram-story')!,
    body,
  };
}
const state = () => fakeState<FakeGraphState>(fake());
const feedPosts = async (text: string) =>
  (await state()).posts.filter((p) => p.mediaType === 'IMAGE' && p.text === text);
const storiesOf = async (cardHash: string) =>
  (await state()).posts.filter((p) => p.mediaType === 'STORIES' && p.imageUrl?.includes(cardHash));
const view = async (row: PostView) => (await postsOf(e(), row.storyId)).find((r) => r.id === row.id)!;
const hashOf = (imageUrl: string) => /\/cards\/([0-9a-f]{20})\//.exec(imageUrl)![1]!;
const cardAt = async (url: string) =>
  imageInfo(new Uint8Array(await (await callWith(e(), new URL(url).pathname)).arrayBuffer()));

describe('Instagram', () => {
  it('feed: the portrait card as JPEG, a caption naming the site instead of a link, alt text; Stories: the story card', async () => {
    const { feed, story, body } = await rows('Night at the museum');
    const c = clock();
    expect(kinds(await drive(feed.id, depsFor(e(), c.now), c))).toEqual(['posted']);
    expect(kinds(await drive(story.id, depsFor(e(), c.now), c))).toEqual(['posted']);

    const [post, ...more] = await feedPosts(feed.text);
    expect(more).toHaveLength(0);
    expect(post!.imageUrl).toMatch(/^https:\/\/cards\.example\.com\/cards\/[0-9a-f]{20}\/portrait\.jpg$/);
    expect(await cardAt(post!.imageUrl!)).toMatchObject({ format: 'jpeg', width: 1080, height: 1350 });
    expect(post!.text).not.toMatch(/https?:\/\//);
    expect(post!.text).toContain('news.example.org');
    expect(post!.alt).toBe(altText(createStory(body.story)));
    expect(await view(feed)).toMatchObject({ state: 'posted', platformPostId: post!.id });

    const stories = await storiesOf(hashOf(post!.imageUrl!));
    expect(stories).toHaveLength(1);
    expect(stories[0]!.imageUrl).toMatch(/\/story\.jpg$/);
    expect(await cardAt(stories[0]!.imageUrl!)).toMatchObject({ format: 'jpeg', width: 1080, height: 1920 });
    expect(stories[0]!.text).toBe('');
    expect(await view(story)).toMatchObject({ state: 'posted', platformPostId: stories[0]!.id });
  });

  it('Stories only when INSTAGRAM_STORIES=on', async () => {
    const { body } = await postStory(e('off'), { headline: `No story ${crypto.randomUUID().slice(0, 8)}` });
    expect((await postsOf(e('off'), body.id)).map((r) => r.platform)).toEqual(['instagram']);
  });

  it('feed, lost media_publish answer: the account’s media show it, and it is adopted', async () => {
    const { feed } = await rows('Lost feed answer');
    const c = clock();
    await fault(fake(), { mode: 'timeout-after-accept' });
    const outcomes = await drive(feed.id, depsFor(e(), c.now), c);
    expect(kinds(outcomes)).toEqual(['wait', 'posted']);
    expect(outcomes[1]).toMatchObject({ found: true });
    expect(await feedPosts(feed.text)).toHaveLength(1);
  });

  it('feed, 503 on media_publish with nothing published: the container says so and is published once', async () => {
    const { feed } = await rows('Publish refused');
    const c = clock();
    await fault(fake(), { mode: '503' });
    expect(kinds(await drive(feed.id, depsFor(e(), c.now), c))).toEqual(['posted']);
    expect(await feedPosts(feed.text)).toHaveLength(1);
    expect(Object.values((await state()).containers).filter((k) => k.text === feed.text)).toHaveLength(1);
  });

  it('Story, lost media_publish answer: no caption to find it by, so it waits for an editor, once', async () => {
    const { feed, story } = await rows('Lost story answer');
    const c = clock();
    expect(kinds(await drive(feed.id, depsFor(e(), c.now), c))).toEqual(['posted']);
    const hash = hashOf((await feedPosts(feed.text))[0]!.imageUrl!);
    await fault(fake(), { mode: 'timeout-after-accept' });
    expect(kinds(await drive(story.id, depsFor(e(), c.now), c))).toEqual(['wait', 'held']);
    expect(await view(story)).toMatchObject({ state: 'review', lastError: expect.stringContaining('may have posted') });
    expect(await storiesOf(hash)).toHaveLength(1);
  });

  it('throttled on the container: waits for the reported time, then posts once', async () => {
    const { feed } = await rows('Throttled');
    const c = clock();
    await fault(fake(), { mode: '429', on: 'media', resetSeconds: 20 * 60 });
    const first = await drive(feed.id, depsFor(e(), c.now), c);
    expect(kinds(first)).toEqual(['wait', 'posted']);
    expect((first[0] as { at: number }).at - Date.now()).toBeGreaterThan(19 * 60_000);
    expect(await feedPosts(feed.text)).toHaveLength(1);
  });
});
