// Telegram through the outbox inside workerd, against a fake Bot API on 127.0.0.1: the card, the caption, each fault,
// and the at-most-once rule (a lost answer is held for an editor, never posted again on a guess).
import { describe, expect, inject, it } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { FAKE_TELEGRAM_CHANNEL, FAKE_TELEGRAM_TOKEN, type FakeTelegramState } from '../fakes/fake-telegram.ts';
import { landed, networkHarness, unique } from '../helpers/network-poster.ts';
import { callWith, clock, depsFor, drive, fakeState, fault, type PostView, type postStory } from './outbox-harness.ts';

const fake = () => inject('networkFakes').telegram;
const { e, storyRows, view } = networkHarness(
  () => ({
    TELEGRAM_BOT_TOKEN: FAKE_TELEGRAM_TOKEN,
    TELEGRAM_CHAT_ID: `@${FAKE_TELEGRAM_CHANNEL.username}`,
    TELEGRAM_API_BASE_URL: fake(),
  }),
  ['telegram'],
);

async function telegramRow(what: string, overrides: Parameters<typeof postStory>[1] = {}): Promise<PostView> {
  return (await storyRows(unique(what, 'at the harbour'), overrides)).rows[0]!;
}
const sent = async (caption: string) =>
  (await fakeState<FakeTelegramState>(fake())).messages.filter((m) => m.caption === caption);

describe('Telegram channel', () => {
  it('posts the og card as the photo with the frozen text as its caption, once, and links the message', async () => {
    const row = await telegramRow('Ferry timetable');
    expect(row.account).toBe('@storycard_news');
    const c = clock();
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(outcomes.map((o) => o.kind)).toEqual(['posted']);
    const messages = await sent(row.text);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.photo).toMatchObject({ width: 1200, height: 630 });
    expect(['png', 'jpeg']).toContain(messages[0]!.photo.format);
    expect(row.text).toContain('https://news.example.org/a/');
    expect(await view(row)).toMatchObject({
      state: 'posted',
      platformPostId: String(messages[0]!.messageId),
      url: `https://t.me/storycard_news/${messages[0]!.messageId}`,
    });
    // A second delivery of the same message finds the row settled: still one photo in the channel.
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'skip' });
    expect(await sent(row.text)).toHaveLength(1);
  });

  it('keeps the caption within Telegram’s 1,024 characters, link whole, when the story is long', async () => {
    const long = `https://news.example.org/${'very-long-section/'.repeat(8)}${Date.now()}`;
    const row = await telegramRow('Long story', {
      headline: `Long story ${crypto.randomUUID().slice(0, 8)} ${'about the harbour and its ferries '.repeat(8)}`.slice(
        0,
        290,
      ),
      quote:
        `${'The ferries will run every twenty minutes from the spring, and the fares stay as they are. '.repeat(7)}`.slice(
          0,
          590,
        ),
      url: long,
    });
    expect(row.text.length).toBeLessThanOrEqual(1024);
    expect(row.text).toContain(long);
    const c = clock();
    expect((await drive(row.id, depsFor(e(), c.now), c)).map((o) => o.kind)).toEqual(['posted']);
    expect(await sent(row.text)).toHaveLength(1);
  });

  it('429 with retry_after: waits that long (not an attempt), then posts once', async () => {
    const row = await telegramRow('Rate limited');
    const c = clock();
    await fault(fake(), { mode: '429', resetSeconds: 35 });
    const first = await processRow(row.id, depsFor(e(), c.now));
    expect(first).toMatchObject({ kind: 'wait', requeue: true });
    expect((first as { at: number }).at).toBeGreaterThanOrEqual(c.t + 34_000);
    expect(await view(row)).toMatchObject({ state: 'failed', attempts: 0, lastError: expect.stringContaining('429') });
    c.t = (first as { at: number }).at;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await sent(row.text)).toHaveLength(1);
  });

  for (const mode of ['timeout-after-accept', '503-after-accept', 'reset-after-accept']) {
    it(`${mode}: the photo may be in the channel, so the post waits for an editor and is never sent again`, async () => {
      const row = await telegramRow(`Lost answer (${mode})`);
      const c = clock();
      await fault(fake(), { mode });
      const outcomes = await drive(row.id, depsFor(e(), c.now), c);
      expect(outcomes.map((o) => o.kind)).toEqual(['wait', 'held']);
      expect(await view(row)).toMatchObject({
        state: 'review',
        pendingCheck: false,
        lastError: expect.stringContaining('may have posted'),
      });
      // Redelivered messages and the cron sweep leave it alone: only an editor moves it.
      expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'skip' });
      expect(await sent(row.text)).toHaveLength(1);
      // The editor finds it in the channel and skips it: it stays one post.
      const skip = await callWith(e(), `/api/posts/${row.id}/skip`, { method: 'POST' });
      expect(skip.status).toBeLessThan(300);
      expect(await view(row)).toMatchObject({ state: 'skipped' });
      expect(await sent(row.text)).toHaveLength(1);
    });
  }

  it('a 503 answer is held too (Telegram does not say whether it sent); approving it posts it', async () => {
    const row = await telegramRow('Front server down');
    const c = clock();
    await fault(fake(), { mode: '503' });
    expect((await drive(row.id, depsFor(e(), c.now), c)).map((o) => o.kind)).toEqual(['wait', 'held']);
    expect(await sent(row.text)).toHaveLength(0);
    // The editor looked, it is not there: approve sends it, once.
    const approve = await callWith(e(), `/api/posts/${row.id}/approve`, { method: 'POST' });
    expect(approve.status).toBe(202);
    expect((await drive(row.id, depsFor(e(), c.now), c)).map((o) => o.kind)).toEqual(['posted']);
    expect(await sent(row.text)).toHaveLength(1);
  });

  it('slow: an answer later than the timeout is held; the photo Telegram sent late is the only one', async () => {
    const row = await telegramRow('Slow answer');
    const c = clock();
    await fault(fake(), { mode: 'slow', delayMs: 2500 });
    const outcomes = await drive(row.id, depsFor(e(), c.now, 1000), c);
    expect(outcomes.map((o) => o.kind)).toEqual(['wait', 'held']);
    await landed(() => sent(row.text)); // the fake finishes the late upload when it gets to it
    expect(await sent(row.text)).toHaveLength(1);
    expect(await view(row)).toMatchObject({ state: 'review' });
  });

  it('a slow answer within the timeout is simply posted', async () => {
    const row = await telegramRow('Slow but fine');
    const c = clock();
    await fault(fake(), { mode: 'slow', delayMs: 300 });
    expect((await drive(row.id, depsFor(e(), c.now, 3000), c)).map((o) => o.kind)).toEqual(['posted']);
    expect(await sent(row.text)).toHaveLength(1);
  });

  it('403 (the bot is not in the channel): dead with Telegram’s reason, nothing retried', async () => {
    const row = await telegramRow('Kicked bot');
    const c = clock();
    await fault(fake(), { mode: '403' });
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(outcomes).toEqual([{ kind: 'dead', reason: expect.stringContaining('bot is not a member') }]);
    expect(await sent(row.text)).toHaveLength(0);
  });
});
