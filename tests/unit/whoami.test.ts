// Who each account is, asked of the platform (the fakes on loopback, speaking the platforms' identity endpoints): the
// name npm start prints, and a token of another account or one that does not answer said as such, never a guess.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whoAmI } from '../../src/bot/whoami.ts';
import { parseConfig } from '../../src/config.ts';
import { plainHttpAgent } from '../../src/runtime/http-agent.ts';
import { FAKE_BLUESKY_ACCOUNT, type FakeBluesky, startFakeBluesky } from '../fakes/fake-bluesky.ts';
import { FAKE_THREADS, type FakeGraph, startFakeGraph } from '../fakes/fake-graph.ts';
import { FAKE_LINKEDIN, type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin.ts';
import { FAKE_TELEGRAM_CHANNEL, type FakeTelegram, startFakeTelegram } from '../fakes/fake-telegram.ts';
import { type FakeX, startFakeX } from '../fakes/fake-x.ts';
import { fakeNetworkSettings } from '../helpers/fake-network-settings.ts';

let telegram: FakeTelegram;
let threads: FakeGraph;
let facebook: FakeGraph;
let linkedin: FakeLinkedIn;
let x: FakeX;
let bluesky: FakeBluesky;

beforeAll(async () => {
  [telegram, threads, facebook, linkedin, x, bluesky] = await Promise.all([
    startFakeTelegram(),
    startFakeGraph('threads'),
    startFakeGraph('facebook'),
    startFakeLinkedIn(),
    startFakeX(),
    startFakeBluesky(),
  ]);
});
afterAll(() => Promise.all([telegram, threads, facebook, linkedin, x, bluesky].map((f) => f.close())));

const settings = () => ({
  PUBLIC_BASE_URL: 'http://127.0.0.1:8787',
  ...fakeNetworkSettings({ x, bluesky, telegram, threads, facebook, linkedin }),
  TELEGRAM_CHAT_ID: String(FAKE_TELEGRAM_CHANNEL.id),
});

describe('whoAmI', () => {
  it('names each account as the platform does: the channel and its bot, the Threads user, the Page, the organization', async () => {
    expect(await whoAmI(parseConfig(settings()), { httpAgent: plainHttpAgent() })).toEqual({
      x: { name: '@storycard_bot' },
      bluesky: { name: FAKE_BLUESKY_ACCOUNT.did },
      telegram: { name: '"Storycard News" @storycard_news, bot @storycard_bot' },
      threads: { name: '@storycard_threads' },
      facebook: { name: '"Storycard Page"' },
      linkedin: { name: '"Storycard News"' },
    });
    // Bluesky's answer came without a session: createSession is rate-limited, and the Worker opens its own.
    expect(bluesky.state.sessions).toBe(0);
  });

  it('a token of another account is said, naming the setting it contradicts', async () => {
    const names = await whoAmI(
      parseConfig({
        ...settings(),
        THREADS_USER_ID: '999',
        FACEBOOK_PAGE_ID: '555',
        LINKEDIN_AUTHOR: 'urn:li:person:abc',
      }),
    );
    expect(names.threads).toEqual({
      problem: `the token is @storycard_threads's (id ${FAKE_THREADS.userId}), not THREADS_USER_ID=999`,
    });
    expect(names.facebook?.problem).toMatch(/^the token is "Storycard Page"'s \(id \d+\), not FACEBOOK_PAGE_ID=555$/);
    // A member posts as the token's holder (OpenID userinfo): another member's URN is refused the same way.
    expect(names.linkedin?.problem).toBe(
      `the token is "${FAKE_LINKEDIN.member.name}"'s (id ${FAKE_LINKEDIN.member.sub}), not LINKEDIN_AUTHOR=urn:li:person:abc`,
    );
  });

  it('an account the platform refuses or a channel it does not know is not confirmed, with the answer', async () => {
    const names = await whoAmI(
      parseConfig({ ...settings(), TELEGRAM_CHAT_ID: '@somebody_else', THREADS_ACCESS_TOKEN: 'revoked' }),
      { httpAgent: plainHttpAgent() },
    );
    // X on a plain-http fake without the agent the posters get: said, not guessed.
    expect((await whoAmI(parseConfig(settings()))).x?.problem).toMatch(
      /^could not confirm the account: X_API_BASE_URL/,
    );
    expect(names.telegram?.problem).toMatch(/^could not confirm the account: answered 400: .*chat not found/);
    expect(names.threads?.problem).toMatch(
      /^could not confirm the account: answered 400: .*Invalid OAuth access token/,
    );
    expect(names.threads?.name).toBeUndefined();
  });
});
