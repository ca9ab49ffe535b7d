// The X poster inside workerd: twitter-api-v2 (node:https under nodejs_compat) and twitter-text, against a Node fake X.
import { describe, expect, inject, it } from 'vitest';
import { composeAll } from '../../src/bot/compose.ts';
import { xLength } from '../../src/bot/text-length.ts';
import { createXClient, createXPoster } from '../../src/bot/x-poster.ts';
import { plainHttpAgent } from '../../src/runtime/http-agent.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_X_CREDENTIALS, type FakeXState } from '../fakes/fake-x.ts';

const creds = { appKey: 'k', appSecret: 's', accessToken: '42-t', accessSecret: 'a' };

describe('bot inside workerd', () => {
  it('composes every platform text with twitter-text weights', () => {
    const all = composeAll(
      createStory({ headline: `速報 ${'🚀'.repeat(3)} ${'東京都は新しい気候変動対策を発表しました。'.repeat(12)}` }),
    );
    expect(all.x.length).toBeLessThanOrEqual(280);
    expect(xLength(all.x.text)).toBe(all.x.length);
    expect(all.x.truncated).toEqual(['headline']);
    expect(all.bluesky.length).toBeLessThanOrEqual(300);
  });

  it('constructs the OAuth 1.0a client and signs a request', async () => {
    const client = createXClient({ ...creds, baseUrl: 'http://127.0.0.1:9', httpAgent: plainHttpAgent() });
    // A plain-http base (a fake) without the runtime's agent: said at construction, naming the setting.
    expect(() => createXClient({ ...creds, baseUrl: 'http://127.0.0.1:9' })).toThrow(/^X_API_BASE_URL: .*plain http/);
    expect(client.getActiveTokens()).toMatchObject({ type: 'oauth-1.0a', appKey: 'k', accessToken: '42-t' });
    expect(typeof createXPoster({ ...creds }).post).toBe('function');
  });
});

describe('X poster inside workerd against the Node fake X on 127.0.0.1', () => {
  const fake = () => ({
    url: inject('fakeXUrl'),
    fault: (f: object) => fetch(`${inject('fakeXUrl')}/__fault`, { method: 'POST', body: JSON.stringify(f) }),
    state: async () => (await (await fetch(`${inject('fakeXUrl')}/__state`)).json()) as FakeXState,
  });
  const poster = (timeoutMs = 5000) =>
    createXPoster({ ...FAKE_X_CREDENTIALS, httpAgent: plainHttpAgent(), baseUrl: fake().url, timeoutMs });
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  it('uploads the card, sets its alt text and posts, through node:https on a plain-http agent', async () => {
    const text = `Posted from workerd ${crypto.randomUUID()} https://example.com/a`;
    const result = await poster().post({ text, image: png, alt: 'The card' });
    expect(result).toMatchObject({ ok: true });
    const state = await fake().state();
    const post = state.posts.find((p) => p.text === text);
    expect(post?.altTexts).toEqual(['The card']);
    // The multipart APPEND carried the bytes intact through workerd's node:https.
    expect(state.media[post!.mediaIds[0]!]).toMatchObject({ received: png.length, finalized: true });
  });

  it('maps a 429 to rate_limited and an accepted-then-timed-out post to ambiguous, then finds it', async () => {
    await fake().fault({ mode: '429', resetSeconds: 600 });
    expect(await poster().post({ text: `rate ${crypto.randomUUID()}` })).toMatchObject({ kind: 'rate_limited' });
    const text = `Timed out in workerd ${crypto.randomUUID()}`;
    await fake().fault({ mode: 'timeout-after-accept' });
    expect(await poster(500).post({ text })).toMatchObject({ ok: false, kind: 'ambiguous' });
    expect(await poster().findExisting(text)).toMatchObject({ status: 'found' });
  });
});
