// POST /studio/api/posts inside workerd: the studio's bot-post mock-ups get each network's text from the bot's own
// composePost (twitter-text and all, running in the Worker) and the card its poster sends; bad drafts are a 4xx.
import { describe, expect, it } from 'vitest';
import { composePost } from '../../src/bot/compose.ts';
import { DEMO_STORY, parseStory } from '../../src/story/schema.ts';
import type { BotPostPreview } from '../../src/studio/bot-posts-wire.ts';
import { call, TOKEN } from './helpers.ts';

const posts = (body: unknown, token: string | null = TOKEN) =>
  call('/studio/api/posts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('POST /studio/api/posts', () => {
  it("answers each network's exact post text and the card its poster sends", async () => {
    const res = await posts({ ...DEMO_STORY, template: 'quote' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { posts: BotPostPreview[] };
    const story = parseStory(DEMO_STORY);
    expect(body.posts.map((p) => [p.platform, p.text, p.card.size])).toEqual([
      ['telegram', composePost(story, 'telegram').text, 'og'],
      ['threads', composePost(story, 'threads').text, 'og'],
      ['facebook', composePost(story, 'facebook').text, 'og'],
      ['instagram', composePost(story, 'instagram').text, 'portrait'],
      ['instagram-story', composePost(story, 'instagram-story').text, 'story'],
      ['linkedin', composePost(story, 'linkedin').text, 'og'],
    ]);
    // This Worker has no network's credentials: each mock-up says what the server lacks to post there.
    const missing = Object.fromEntries(body.posts.map((p) => [p.platform, p.missing]));
    expect(missing.telegram).toEqual(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_CHAT_ID']);
    expect(missing['instagram-story']).toContain('INSTAGRAM_STORIES=on');
    expect(body.posts.find((p) => p.platform === 'instagram')?.card).toEqual({
      size: 'portrait',
      width: 1080,
      height: 1350,
      wanted: 'portrait',
    });
  });

  it('refuses a draft the bot could not post with a 400 naming the field, and a missing token with a 401', async () => {
    const { url: _url, ...noLink } = DEMO_STORY;
    const res = await posts(noLink);
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      message: string;
      issues: { path: string; expected: string; received: string }[];
    };
    expect(body.message).toBe('url: expected an absolute http(s) URL to post, received nothing');
    expect(body.issues[0]).toMatchObject({ path: 'url', received: 'nothing' });
    const bad = await posts({ ...DEMO_STORY, headline: '' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('headline');
    expect((await posts(DEMO_STORY, null)).status).toBe(401);
  });
});
