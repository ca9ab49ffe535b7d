// Telegram, Threads and Facebook settings: on when their credentials are set, real hosts by default, Threads refused
// on a loopback PUBLIC_BASE_URL unless its API is a local fake; and each platform's text limit as it counts it.
import { describe, expect, it } from 'vitest';
import { enabledPlatforms, missingCredentials, offForPublicUrl } from '../../src/bot/accounts.ts';
import { composePost } from '../../src/bot/compose.ts';
import { threadsLength } from '../../src/bot/text-length.ts';
import { ConfigError, parseConfig } from '../../src/config.ts';
import { createStory } from '../../src/story/schema.ts';

const TELEGRAM = {
  TELEGRAM_BOT_TOKEN: '7123456789:AAFakeTelegramBotTokenForStorycardTests',
  TELEGRAM_CHAT_ID: '@storycard_news',
};
const THREADS = { THREADS_USER_ID: '17841400000000001', THREADS_ACCESS_TOKEN: 'token' };
const FACEBOOK = { FACEBOOK_PAGE_ID: '104000000000001', FACEBOOK_PAGE_TOKEN: 'token' };

describe('network settings', () => {
  it('a platform is on when its credentials are set, and talks to the real host by default', () => {
    const c = parseConfig({ ...TELEGRAM, ...THREADS, ...FACEBOOK, PUBLIC_BASE_URL: 'https://cards.example.com' });
    expect(enabledPlatforms(c)).toEqual(['telegram', 'threads', 'facebook']);
    expect(c.telegram.apiBaseUrl).toBe('https://api.telegram.org');
    expect(c.threads.apiBaseUrl).toBe('https://graph.threads.net');
    expect(c.facebook.apiBaseUrl).toBe('https://graph.facebook.com');
    expect(enabledPlatforms(parseConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM.TELEGRAM_BOT_TOKEN }))).toEqual([]);
    expect(missingCredentials(parseConfig({}), 'telegram')).toEqual(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_CHAT_ID']);
  });

  it('Threads fetches the card by URL: refused on a loopback PUBLIC_BASE_URL, saying why', () => {
    const local = parseConfig({ ...THREADS, PUBLIC_BASE_URL: 'http://localhost:8787' });
    expect(enabledPlatforms(local)).toEqual([]);
    expect(missingCredentials(local, 'threads')).toEqual([expect.stringMatching(/PUBLIC_BASE_URL.*loopback/)]);
    const unset = parseConfig({ ...THREADS });
    expect(missingCredentials(unset, 'threads')).toEqual([expect.stringContaining('PUBLIC_BASE_URL')]);
    // Facebook uploads the bytes, so it needs no public origin.
    expect(enabledPlatforms(parseConfig({ ...FACEBOOK, PUBLIC_BASE_URL: 'http://127.0.0.1:8787' }))).toEqual([
      'facebook',
    ]);
  });

  it('npm start names the platforms that are off only for PUBLIC_BASE_URL, and what to set', () => {
    const IG = { INSTAGRAM_USER_ID: '17841400000000777', INSTAGRAM_ACCESS_TOKEN: 'token', INSTAGRAM_STORIES: 'on' };
    const local = parseConfig({ ...THREADS, ...FACEBOOK, ...IG, PUBLIC_BASE_URL: 'http://127.0.0.1:8787' });
    expect(offForPublicUrl(local)).toEqual(
      ['threads', 'instagram', 'instagram-story'].map((platform) => ({
        platform,
        set: [
          expect.stringMatching(/^PUBLIC_BASE_URL to a public origin .*127\.0\.0\.1:8787 is this machine's loopback/),
        ],
      })),
    );
    // Unset credentials are not "off for PUBLIC_BASE_URL"; a public origin turns them all on.
    expect(offForPublicUrl(parseConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:8787' }))).toEqual([]);
    expect(offForPublicUrl(parseConfig({ ...THREADS, ...IG, PUBLIC_BASE_URL: 'https://cards.example.com' }))).toEqual(
      [],
    );
  });

  it('…except against a fake on loopback, which can fetch it', () => {
    const c = parseConfig({
      ...THREADS,
      PUBLIC_BASE_URL: 'http://127.0.0.1:8787',
      THREADS_API_BASE_URL: 'http://127.0.0.1:9999',
    });
    expect(enabledPlatforms(c)).toEqual(['threads']);
  });

  it('a malformed chat id or token is a ConfigError naming the setting', () => {
    expect(() => parseConfig({ ...TELEGRAM, TELEGRAM_CHAT_ID: 'my channel' })).toThrow(ConfigError);
    expect(() => parseConfig({ ...TELEGRAM, TELEGRAM_CHAT_ID: 'my channel' })).toThrow(
      /TELEGRAM_CHAT_ID: expected @channelusername/,
    );
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: 'nope' })).toThrow(/TELEGRAM_BOT_TOKEN/);
    expect(() => parseConfig({ THREADS_USER_ID: '@me' })).toThrow(
      /THREADS_USER_ID: expected the numeric Threads user id/,
    );
  });
});

describe('text within each platform’s limit', () => {
  const long = createStory({
    headline: `${'Harbour ferries '.repeat(18)}`.trim(),
    quote: `${'The ferries will run every twenty minutes 🚢 from the spring. '.repeat(9)}`.slice(0, 590),
    quoteAuthor: 'The harbour master',
    url: `https://news.example.org/${'section/'.repeat(30)}story`,
    tags: ['ferries', 'harbour'],
  });

  it('Telegram: a caption of at most 1,024 UTF-16 units, the link whole', () => {
    const post = composePost(long, 'telegram');
    expect(post.text.length).toBeLessThanOrEqual(1024);
    expect(post.limit).toBe(1024);
    expect(post.text).toContain(long.url);
    expect(post.truncated.length + post.dropped.length).toBeGreaterThan(0);
  });

  it('Threads: at most 500 with emoji as their UTF-8 bytes, no hashtags (Threads takes one topic)', () => {
    const post = composePost(long, 'threads');
    expect(threadsLength(post.text)).toBeLessThanOrEqual(500);
    expect(post.length).toBe(threadsLength(post.text));
    expect(post.text).toContain(long.url);
    expect(post.text).not.toContain('#');
    expect(threadsLength('🚢 ok')).toBe(7);
  });

  it('Facebook: the whole story fits, hashtags included', () => {
    const post = composePost(long, 'facebook');
    expect(post.truncated).toEqual([]);
    expect(post.text).toContain('#ferries #harbour');
  });
});

describe('Instagram', () => {
  const IG = {
    INSTAGRAM_USER_ID: '17841400000000777',
    INSTAGRAM_ACCESS_TOKEN: 'token',
    PUBLIC_BASE_URL: 'https://cards.example.com',
  };
  const story = createStory({
    headline: 'Museum opens late',
    url: 'https://www.news.example.org/a/1',
    tags: ['museums'],
  });

  it('the feed is on with its credentials; Stories only with INSTAGRAM_STORIES=on; loopback refused like Threads', () => {
    expect(enabledPlatforms(parseConfig(IG))).toEqual(['instagram']);
    expect(enabledPlatforms(parseConfig({ ...IG, INSTAGRAM_STORIES: 'on' }))).toEqual(['instagram', 'instagram-story']);
    expect(missingCredentials(parseConfig(IG), 'instagram-story')).toEqual(['INSTAGRAM_STORIES=on']);
    expect(enabledPlatforms(parseConfig({ ...IG, PUBLIC_BASE_URL: 'http://127.0.0.1:8787' }))).toEqual([]);
    expect(() => parseConfig({ ...IG, INSTAGRAM_STORIES: 'yes' })).toThrow(/INSTAGRAM_STORIES/);
  });

  it('the caption names the site (or what INSTAGRAM_LINK_TEXT says) instead of a link nobody can click', () => {
    const post = composePost(story, 'instagram');
    expect(post.text).not.toMatch(/https?:\/\//);
    expect(post.text).toContain('news.example.org');
    expect(post.text).toContain('#museums');
    const bio = composePost(story, 'instagram', { instagramLinkText: 'Link in bio' });
    expect(bio.text).toContain('Link in bio');
    expect(bio.text).not.toContain('news.example.org');
  });
});

describe('LinkedIn', () => {
  it('on with a token and an author URN; a malformed author is a ConfigError naming it', () => {
    const c = parseConfig({ LINKEDIN_ACCESS_TOKEN: 't', LINKEDIN_AUTHOR: 'urn:li:organization:2414183' });
    expect(enabledPlatforms(c)).toEqual(['linkedin']);
    expect(c.linkedin.apiBaseUrl).toBe('https://api.linkedin.com');
    expect(() => parseConfig({ LINKEDIN_AUTHOR: 'acme' })).toThrow(/LINKEDIN_AUTHOR: expected an author URN/);
  });
});
