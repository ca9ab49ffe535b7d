// A desk's schedule with a fixed clock: the editor's window, quiet hours across midnight in a time zone that is not
// UTC, spacing of a burst (oldest first), and the daily cap — as the pure rule (src/bot/schedule.ts) and as the outbox
// applies it to posts (src/bot/outbox.ts over the CLI's store), and the settings that configure it.
import { describe, expect, it } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { type DeskSchedule, NO_SCHEDULE, parseQuietHours, quietHoursEnd, slotsOf } from '../../src/bot/schedule.ts';
import { PLATFORMS, type Poster } from '../../src/bot/types.ts';
import { ConfigError, parseConfig, SETTING_NAMES, settingSuffix } from '../../src/config.ts';
import { MemoryStore } from '../../src/publish/memory.ts';
import type { AccountActivity, NewOutboxRow, WaitingRow } from '../../src/storage/outbox.ts';
import { createStory } from '../../src/story/schema.ts';

const MIN = 60_000;
/** Sunday 6 December 2026, 12:00 UTC (13:00 in Berlin: CET, UTC+1). */
const T = Date.UTC(2026, 11, 6, 12);
const utc = (h: number, m = 0, day = 6) => Date.UTC(2026, 11, day, h, m);
const at = (t: number) => new Date(t).toISOString();

const schedule = (over: Partial<DeskSchedule>): DeskSchedule => ({ ...NO_SCHEDULE, ...over });
const fresh = (id: string, createdAt: number, readyAt = createdAt): WaitingRow => ({
  id,
  state: 'queued',
  createdAt,
  readyAt,
  attempts: 0,
});
const activity = (waiting: WaitingRow[], over: Partial<AccountActivity> = {}): AccountActivity => ({
  today: 0,
  lastPostAt: null,
  waiting,
  ...over,
});
const slots = (a: AccountActivity, s: DeskSchedule, now: number, cap = 50) =>
  Object.fromEntries(
    [...slotsOf(a, { platform: 'x', cap, schedule: s, now })].map(([id, slot]) => [
      id,
      { at: at(slot.at), waitingFor: slot.waitingFor },
    ]),
  );

const BERLIN_NIGHTS = schedule({ quiet: parseQuietHours('23:00-06:30') as never, timeZone: 'Europe/Berlin' });

describe('the schedule rule', () => {
  it('the editor’s window: a new post waits POST_DELAY_MINUTES after it was made, then goes', () => {
    const s = schedule({ delayMs: 30 * MIN });
    const a = activity([fresh('a', T, T + 30 * MIN)]);
    expect(slots(a, s, T + 5 * MIN)).toEqual({ a: { at: at(T + 30 * MIN), waitingFor: 'delay' } });
    expect(slots(a, s, T + 30 * MIN)).toEqual({ a: { at: at(T + 30 * MIN), waitingFor: null } });
    // An editor who approves (or retries) early ends the window: the row's own earlier time wins.
    expect(slots(activity([fresh('a', T, T + 2 * MIN)]), s, T + 2 * MIN).a).toEqual({
      at: at(T + 2 * MIN),
      waitingFor: null,
    });
  });

  it('quiet hours across midnight, read in Europe/Berlin: nothing from 23:00 to 06:30 local, then at their end', () => {
    const a = (now: number) => slots(activity([fresh('a', now - MIN)]), BERLIN_NIGHTS, now).a;
    // 22:59 in Berlin (21:59 UTC): goes.
    expect(a(utc(21, 59))).toEqual({ at: at(utc(21, 59)), waitingFor: null });
    // 23:00 in Berlin (22:00 UTC) and 00:30 the next day: both wait for 06:30 in Berlin, 05:30 UTC on the 7th.
    expect(a(utc(22, 0))).toEqual({ at: at(utc(5, 30, 7)), waitingFor: 'quiet-hours' });
    expect(a(utc(23, 30))).toEqual({ at: at(utc(5, 30, 7)), waitingFor: 'quiet-hours' });
    expect(a(utc(5, 29, 7))).toEqual({ at: at(utc(5, 30, 7)), waitingFor: 'quiet-hours' });
    expect(a(utc(5, 30, 7))).toEqual({ at: at(utc(5, 30, 7)), waitingFor: null });
    // In UTC the same hours would end at 06:30 UTC: the zone is what moved it.
    const inUtc = schedule({ quiet: BERLIN_NIGHTS.quiet });
    expect(slots(activity([fresh('a', utc(23, 0))]), inUtc, utc(23, 30)).a?.at).toBe(at(utc(6, 30, 7)));
  });

  it('quiet hours ending in an hour the clock skips end when the clock comes back (New York, 8 March 2026)', () => {
    const q = parseQuietHours('01:00-02:30');
    if (typeof q === 'string') throw new Error(q);
    // 01:30 EST is 06:30 UTC; 02:00-03:00 local does not exist that night; 03:00 EDT is 07:00 UTC.
    expect(at(quietHoursEnd(Date.UTC(2026, 2, 8, 6, 30), q, 'America/New_York'))).toBe(at(Date.UTC(2026, 2, 8, 7, 0)));
  });

  it('spacing: a burst of five goes out one every N minutes, oldest first, after the account’s last post', () => {
    const s = schedule({ spacingMs: 10 * MIN });
    // Made in one feed poll, listed newest first: the oldest goes first whatever the order.
    const burst = [4, 3, 2, 1, 0].map((i) => fresh(`p${i}`, T + i));
    const got = slots(activity(burst, { lastPostAt: T - 3 * MIN }), s, T + 10);
    expect(Object.entries(got).sort(([, a], [, b]) => a.at.localeCompare(b.at))).toEqual([
      ['p0', { at: at(T + 7 * MIN), waitingFor: 'spacing' }],
      ['p1', { at: at(T + 17 * MIN), waitingFor: 'spacing' }],
      ['p2', { at: at(T + 27 * MIN), waitingFor: 'spacing' }],
      ['p3', { at: at(T + 37 * MIN), waitingFor: 'spacing' }],
      ['p4', { at: at(T + 47 * MIN), waitingFor: 'spacing' }],
    ]);
    // Per network: POST_SPACING_MINUTES_X wins over the default for X only.
    const perX = schedule({ spacingMs: 10 * MIN, spacingByPlatform: { x: 2 * MIN } });
    expect(slots(activity(burst.slice(3)), perX, T + 10).p1?.at).toBe(at(T + 10 + 2 * MIN));
  });

  it('what falls in quiet hours goes at their end, spaced', () => {
    const s = { ...BERLIN_NIGHTS, spacingMs: 5 * MIN };
    const got = slots(activity([fresh('a', utc(23, 0)), fresh('b', utc(23, 1))]), s, utc(23, 2));
    expect(got).toEqual({
      a: { at: at(utc(5, 30, 7)), waitingFor: 'quiet-hours' },
      b: { at: at(utc(5, 35, 7)), waitingFor: 'spacing' },
    });
  });

  it('the daily cap: over it, posts wait for the next UTC day, and still in order', () => {
    const got = slots(activity([fresh('a', T), fresh('b', T + 1), fresh('c', T + 2)], { today: 1 }), NO_SCHEDULE, T, 2);
    expect(got).toEqual({
      a: { at: at(T), waitingFor: null },
      b: { at: at(utc(0, 0, 7)), waitingFor: 'cap' },
      c: { at: at(utc(0, 0, 7)), waitingFor: 'cap' },
    });
    // With quiet hours over midnight, tomorrow's first slot is their end.
    const night = slots(activity([fresh('b', T)], { today: 2 }), BERLIN_NIGHTS, T, 2);
    expect(night).toEqual({ b: { at: at(utc(5, 30, 7)), waitingFor: 'quiet-hours' } });
  });
});

describe('the settings', () => {
  const env = { BOT_MODE: 'live' };
  it('parse into the schedule', () => {
    const c = parseConfig({
      ...env,
      POST_DELAY_MINUTES: '15',
      POST_QUIET_HOURS: '23:00-06:30',
      POST_TIMEZONE: 'Europe/Berlin',
      POST_SPACING_MINUTES: '10',
      POST_SPACING_MINUTES_BLUESKY: '3',
    });
    expect(c.schedule).toEqual({
      delayMs: 15 * MIN,
      quiet: { start: 23 * 60, end: 6 * 60 + 30, text: '23:00-06:30' },
      timeZone: 'Europe/Berlin',
      spacingMs: 10 * MIN,
      spacingByPlatform: { bluesky: 3 * MIN },
    });
    expect(parseConfig(env).schedule).toEqual(NO_SCHEDULE);
  });

  it("every platform has its own spacing setting; a '-' in the platform's name is '_' in the setting's", () => {
    expect(settingSuffix('instagram-story')).toBe('INSTAGRAM_STORY');
    const c = parseConfig({ ...env, POST_SPACING_MINUTES_INSTAGRAM_STORY: '45', POST_SPACING_MINUTES_INSTAGRAM: '20' });
    expect(c.schedule.spacingByPlatform).toEqual({ 'instagram-story': 45 * MIN, instagram: 20 * MIN });
    for (const [i, platform] of PLATFORMS.entries()) {
      const name = `POST_SPACING_MINUTES_${settingSuffix(platform)}`;
      expect(parseConfig({ ...env, [name]: String(i + 1) }).schedule.spacingByPlatform, name).toEqual({
        [platform]: (i + 1) * MIN,
      });
      // npm start passes on only the settings it knows (SETTING_NAMES); .dev.vars.example documents each of them.
      expect(SETTING_NAMES, name).toContain(name);
    }
  });

  it.each([
    ['POST_QUIET_HOURS', '23-6', /POST_QUIET_HOURS: expected HH:MM-HH:MM \(e\.g\. 23:00-06:30\), received "23-6"/],
    ['POST_QUIET_HOURS', '25:00-06:00', /POST_QUIET_HOURS: expected times from 00:00 to 23:59, received/],
    ['POST_QUIET_HOURS', '06:00-06:00', /POST_QUIET_HOURS: expected a start and an end that differ/],
    ['POST_TIMEZONE', 'Mars/Olympus', /POST_TIMEZONE: expected an IANA time zone .*, received "Mars\/Olympus"/],
    ['POST_DELAY_MINUTES', '-5', /POST_DELAY_MINUTES: .*, received "-5"/],
    ['POST_SPACING_MINUTES', 'ten', /POST_SPACING_MINUTES: .*, received "ten"/],
    ['POST_SPACING_MINUTES_X', '2.5', /POST_SPACING_MINUTES_X: expected whole minutes from 0 to 1440, received "2.5"/],
    // A network that does not exist (or '-' spelt as in the platform's name) would be spaced by the default silently.
    [
      'POST_SPACING_MINUTES_TWITTER',
      '5',
      /POST_SPACING_MINUTES_TWITTER: expected one of POST_SPACING_MINUTES_X, .*POST_SPACING_MINUTES_INSTAGRAM_STORY.*, received a setting for no platform/,
    ],
    ['POST_SPACING_MINUTES_INSTAGRAMSTORY', '5', /POST_SPACING_MINUTES_INSTAGRAMSTORY: expected one of /],
  ])('%s=%s is refused naming the setting', (name, value, message) => {
    expect(() => parseConfig({ ...env, [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ ...env, [name]: value })).toThrow(message);
  });
});

describe('the outbox applies it (processRow over the CLI’s store)', () => {
  const story = createStory({ headline: 'Ferry keeps its night run', url: 'https://news.example.org/a' });
  /** A poster that records when each post went out. */
  function recorder(clock: { t: number }) {
    const sent: { text: string; at: number }[] = [];
    const poster: Poster = {
      platform: 'x',
      post: async (input) => {
        sent.push({ text: input.text, at: clock.t });
        return { ok: true, platformPostId: `p${sent.length}`, url: `https://x.example/p${sent.length}` };
      },
      findExisting: async () => ({ status: 'absent' }),
    };
    return { sent, poster };
  }
  async function burst(n: number, s: DeskSchedule, start: number, cap = 50) {
    const store = new MemoryStore({ version: 2, stories: [], outbox: [] });
    const rows: NewOutboxRow[] = Array.from({ length: n }, (_, i) => ({
      storyId: `s${i}`,
      platform: 'x',
      account: 'desk',
      text: `post ${i}`,
      link: 'https://news.example.org/a',
      cardHash: 'h',
      state: 'queued',
      ...(s.delayMs ? { delayMs: s.delayMs } : {}),
    }));
    // One feed poll: made a millisecond apart, oldest first.
    for (const [i, r] of rows.entries()) await store.publish.commit({ posts: [r] }, start + i);
    const clock = { t: start + n };
    const { sent, poster } = recorder(clock);
    const deps = {
      store: store.outbox,
      posters: { x: poster },
      caps: { x: cap, bluesky: 50, mastodon: 50 },
      schedule: s,
      loadStory: async () => story,
      loadCard: async () => ({ bytes: new Uint8Array([1]), type: 'image/png' as const }),
      now: () => clock.t,
    };
    /** Run the consumer like the queue does: every row now, newest first (the worst order), then at each wait. */
    async function run(until: number) {
      for (let i = 0; i < 100; i++) {
        const waits: number[] = [];
        for (const r of [...store.state.outbox].reverse()) {
          const o = await processRow(r.id, deps);
          if (o.kind === 'wait') waits.push(o.at);
        }
        const next = Math.min(...waits);
        if (!waits.length || next > until) return;
        clock.t = Math.max(clock.t, next);
      }
    }
    return { store, sent, run, clock };
  }

  it('a burst of four with POST_SPACING_MINUTES=10 goes out one every 10 minutes, oldest first', async () => {
    const b = await burst(4, schedule({ spacingMs: 10 * MIN }), T);
    await b.run(T + DAY);
    expect(b.sent.map((p) => [p.text, at(p.at)])).toEqual([
      ['post 0', at(T + 4)],
      ['post 1', at(T + 4 + 10 * MIN)],
      ['post 2', at(T + 4 + 20 * MIN)],
      ['post 3', at(T + 4 + 30 * MIN)],
    ]);
  });

  it('POST_DELAY_MINUTES=20: nothing goes in the window, the text edited in it is what goes', async () => {
    const b = await burst(1, schedule({ delayMs: 20 * MIN }), T);
    await b.run(T + 19 * MIN);
    expect(b.sent).toEqual([]);
    const row = b.store.state.outbox[0]!;
    expect(row).toMatchObject({ state: 'queued', nextAttemptAt: T + 20 * MIN, attempts: 0 });
    expect(await b.store.outbox.editText(row.id, 'edited in the window', T + 19 * MIN)).not.toBeNull();
    await b.run(T + DAY);
    expect(b.sent.map((p) => [p.text, at(p.at)])).toEqual([['edited in the window', at(T + 20 * MIN)]]);
  });

  it('posts made in Berlin’s quiet hours go at 06:30 Berlin time, spaced', async () => {
    const b = await burst(2, { ...BERLIN_NIGHTS, spacingMs: 5 * MIN }, utc(23, 15));
    await b.run(utc(5, 29, 7));
    expect(b.sent).toEqual([]);
    expect(b.store.state.outbox[0]!.lastError).toContain('quiet hours 23:00-06:30 (Europe/Berlin)');
    await b.run(utc(12, 0, 7));
    expect(b.sent.map((p) => at(p.at))).toEqual([at(utc(5, 30, 7)), at(utc(5, 35, 7))]);
  });

  it('the daily cap still holds: over it, the rest go after UTC midnight', async () => {
    const b = await burst(3, NO_SCHEDULE, T, 2);
    await b.run(T + DAY);
    // Without spacing the first two go at once (in whatever order the consumer met them); the cap keeps the third.
    expect(b.sent.map((p) => [p.text, at(p.at)]).sort()).toEqual([
      ['post 0', at(T + 3)],
      ['post 1', at(T + 3)],
      ['post 2', at(utc(0, 0, 7))],
    ]);
    expect(b.store.state.outbox[2]!.lastError).toContain('daily cap of 2 x posts reached');
    expect(b.store.state.outbox[2]!.postedAt).toBe(utc(0, 0, 7));
  });
});

const DAY = 86_400_000;
