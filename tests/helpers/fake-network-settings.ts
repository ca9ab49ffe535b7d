// The settings that point storycard at the fake networks on loopback (tests/fakes/): each given fake's account and
// base URL, named as .dev.vars names them, for the tests that configure several networks at once.
import { FAKE_BLUESKY_ACCOUNT } from '../fakes/fake-bluesky.ts';
import { FAKE_FACEBOOK, FAKE_INSTAGRAM, FAKE_THREADS } from '../fakes/fake-graph.ts';
import { FAKE_LINKEDIN } from '../fakes/fake-linkedin.ts';
import { FAKE_MASTODON_TOKEN } from '../fakes/fake-mastodon.ts';
import { FAKE_TELEGRAM_CHANNEL, FAKE_TELEGRAM_TOKEN } from '../fakes/fake-telegram.ts';
import { FAKE_X_CREDENTIALS } from '../fakes/fake-x.ts';

type Fake = { url: string } | undefined;

export interface NetworkFakes {
  x?: Fake;
  bluesky?: Fake;
  mastodon?: Fake;
  telegram?: Fake;
  threads?: Fake;
  facebook?: Fake;
  instagram?: Fake;
  linkedin?: Fake;
}

/** Settings for every fake given (the Telegram channel by its @name; a caller may name it by id instead). */
export function fakeNetworkSettings(f: NetworkFakes): Record<string, string> {
  return {
    ...(f.x && {
      X_APP_KEY: FAKE_X_CREDENTIALS.appKey,
      X_APP_SECRET: FAKE_X_CREDENTIALS.appSecret,
      X_ACCESS_TOKEN: FAKE_X_CREDENTIALS.accessToken,
      X_ACCESS_SECRET: FAKE_X_CREDENTIALS.accessSecret,
      X_API_BASE_URL: f.x.url,
    }),
    ...(f.bluesky && {
      BLUESKY_SERVICE: f.bluesky.url,
      BLUESKY_IDENTIFIER: FAKE_BLUESKY_ACCOUNT.handle,
      BLUESKY_APP_PASSWORD: FAKE_BLUESKY_ACCOUNT.password,
    }),
    ...(f.mastodon && { MASTODON_BASE_URL: f.mastodon.url, MASTODON_ACCESS_TOKEN: FAKE_MASTODON_TOKEN }),
    ...(f.telegram && {
      TELEGRAM_BOT_TOKEN: FAKE_TELEGRAM_TOKEN,
      TELEGRAM_CHAT_ID: `@${FAKE_TELEGRAM_CHANNEL.username}`,
      TELEGRAM_API_BASE_URL: f.telegram.url,
    }),
    ...(f.threads && {
      THREADS_USER_ID: FAKE_THREADS.userId,
      THREADS_ACCESS_TOKEN: FAKE_THREADS.token,
      THREADS_API_BASE_URL: f.threads.url,
    }),
    ...(f.facebook && {
      FACEBOOK_PAGE_ID: FAKE_FACEBOOK.pageId,
      FACEBOOK_PAGE_TOKEN: FAKE_FACEBOOK.token,
      FACEBOOK_API_BASE_URL: f.facebook.url,
    }),
    ...(f.instagram && {
      INSTAGRAM_USER_ID: FAKE_INSTAGRAM.userId,
      INSTAGRAM_ACCESS_TOKEN: FAKE_INSTAGRAM.token,
      INSTAGRAM_API_BASE_URL: f.instagram.url,
    }),
    ...(f.linkedin && {
      LINKEDIN_ACCESS_TOKEN: FAKE_LINKEDIN.token,
      LINKEDIN_AUTHOR: FAKE_LINKEDIN.author,
      LINKEDIN_API_BASE_URL: f.linkedin.url,
    }),
  };
}
