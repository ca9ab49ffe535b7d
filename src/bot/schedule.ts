// A desk's schedule: when each waiting post of an account may go, and why it waits — the editor's window
// (POST_DELAY_MINUTES), a retry's backoff, spacing of a burst (POST_SPACING_MINUTES), the daily cap, and quiet hours
// (POST_QUIET_HOURS in POST_TIMEZONE). Pure: a store's facts (AccountActivity) in, a time and a reason out. The
// outbox (src/bot/outbox.ts) defers a row to its slot before claiming it, over either store, and GET /api/posts shows
// the same slots, so what the studio says is what the bot does.
import type { AccountActivity } from '../storage/outbox.ts';
import { nextUtcDay } from './retry.ts';

/** Minutes after local midnight; `start > end` crosses midnight (23:00-06:30). */
export interface QuietHours {
  start: number;
  end: number;
  /** As the setting wrote it, for messages. */
  text: string;
}

export interface DeskSchedule {
  /** A new story's posts wait this long (the editor's window: editable, skippable). */
  delayMs: number;
  quiet: QuietHours | null;
  /** IANA time zone the quiet hours are read in. */
  timeZone: string;
  /** At least this long between two posts of one account (POST_SPACING_MINUTES). */
  spacingMs: number;
  /** Per platform (POST_SPACING_MINUTES_X …), over spacingMs. */
  spacingByPlatform: Readonly<Record<string, number>>;
}

export const NO_SCHEDULE: DeskSchedule = {
  delayMs: 0,
  quiet: null,
  timeZone: 'UTC',
  spacingMs: 0,
  spacingByPlatform: {},
};

export const WAITING_FOR = ['delay', 'retry', 'spacing', 'cap', 'quiet-hours'] as const;
export type WaitingFor = (typeof WAITING_FOR)[number];

/** When a waiting post goes, and the rule that set that time (null: it may go now). */
export interface Slot {
  at: number;
  waitingFor: WaitingFor | null;
}

const MINUTE = 60_000;

/** `23:00-06:30` → minutes; a string saying what is wrong otherwise. */
export function parseQuietHours(s: string): QuietHours | string {
  const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(s);
  if (!m) return 'expected HH:MM-HH:MM (e.g. 23:00-06:30)';
  const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return 'expected times from 00:00 to 23:59';
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  if (start === end) return 'expected a start and an end that differ';
  return { start, end, text: s.trim() };
}

/** Is `tz` an IANA time zone this runtime knows (Intl: the same in Node and workerd)? */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** Minutes after local midnight at `t` in `tz`. */
export function localMinutes(t: number, tz: string): number {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formats.set(tz, f);
  }
  let h = 0;
  let min = 0;
  for (const p of f.formatToParts(t)) {
    if (p.type === 'hour') h = Number(p.value) % 24;
    if (p.type === 'minute') min = Number(p.value);
  }
  return h * 60 + min;
}

export function inQuietHours(t: number, q: QuietHours, tz: string): boolean {
  const m = localMinutes(t, tz);
  return q.start < q.end ? m >= q.start && m < q.end : m >= q.start || m < q.end;
}

/** The first minute at or after `t` outside the quiet hours (across midnight and clock changes). */
export function quietHoursEnd(t: number, q: QuietHours, tz: string): number {
  if (!inQuietHours(t, q, tz)) return t;
  let at = Math.floor(t / MINUTE) * MINUTE;
  // Jump by the minutes left on the local clock; a clock change (an hour repeated) needs a second jump.
  for (let i = 0; i < 4 && inQuietHours(at, q, tz); i++)
    at += ((q.end - localMinutes(at, tz) + 1440) % 1440 || 1) * MINUTE;
  // An hour skipped by the clock may have carried us past the end: step back to the first free minute.
  for (let i = 0; i < 60 && at - MINUTE > t && !inQuietHours(at - MINUTE, q, tz); i++) at -= MINUTE;
  return at;
}

const spacingOf = (s: DeskSchedule, platform: string) => s.spacingByPlatform[platform] ?? s.spacingMs;

/**
 * Every waiting row of one account, in the order they go (ready first, then oldest first), with its slot: not before
 * its own time (the editor's window for a new row, the backoff for a retried one), `spacing` after the previous
 * post, on a UTC day with room under the cap, outside quiet hours. Rows ahead take their slots first, so a burst
 * goes out oldest first, one every `spacing`, and what falls in quiet hours goes at their end, spaced.
 */
export function slotsOf(
  activity: AccountActivity,
  o: { platform: string; cap: number; schedule: DeskSchedule; now: number },
  /** Stop once this row has its slot (the rows after it cannot move it): the outbox asks for one row. */
  stopAt?: string,
): Map<string, Slot> {
  const { schedule: s, now } = o;
  const spacing = spacingOf(s, o.platform);
  const own = activity.waiting.map((w) => {
    // A new row's time is its editor's window; an editor's approval (or a retry asked for) set an earlier one. A
    // row the schedule itself deferred is placed again from its window, so its reason is found again too.
    const fresh = w.state === 'queued' && w.attempts === 0;
    const at = fresh ? Math.min(w.readyAt, w.createdAt + s.delayMs) : w.readyAt;
    const why: WaitingFor = fresh ? 'delay' : 'retry';
    return { w, at: Math.max(now, at), why: at > now ? why : null };
  });
  own.sort((a, b) => a.at - b.at || a.w.createdAt - b.w.createdAt || (a.w.id < b.w.id ? -1 : 1));
  const perDay = new Map<number, number>([[nextUtcDay(now), activity.today]]);
  let prev = activity.lastPostAt;
  const slots = new Map<string, Slot>();
  for (const { w, at, why } of own) {
    let t = at;
    let reason: WaitingFor | null = why;
    for (let i = 0; i < 400; i++) {
      const before = t;
      if (spacing > 0 && prev !== null && t < prev + spacing) {
        t = prev + spacing;
        reason = 'spacing';
      }
      if ((perDay.get(nextUtcDay(t)) ?? 0) >= o.cap) {
        t = nextUtcDay(t);
        reason = 'cap';
        continue;
      }
      if (s.quiet && inQuietHours(t, s.quiet, s.timeZone)) {
        t = quietHoursEnd(t, s.quiet, s.timeZone);
        reason = 'quiet-hours';
      }
      if (t === before) break;
    }
    slots.set(w.id, { at: t, waitingFor: t > now ? reason : null });
    prev = t;
    perDay.set(nextUtcDay(t), (perDay.get(nextUtcDay(t)) ?? 0) + 1);
    if (w.id === stopAt) break;
  }
  return slots;
}

/** The slot in words, for the row's lastError while it waits (the studio shows it too). */
export function describeSlot(slot: Slot, o: { platform: string; cap: number; schedule: DeskSchedule }): string {
  const at = new Date(slot.at).toISOString();
  const s = o.schedule;
  switch (slot.waitingFor) {
    case 'cap':
      return `daily cap of ${o.cap} ${o.platform} posts reached; waiting for ${at}`;
    case 'quiet-hours':
      return `quiet hours ${s.quiet?.text} (${s.timeZone}); goes at ${at}`;
    case 'spacing':
      return `spacing of ${spacingOf(s, o.platform) / MINUTE} minutes between ${o.platform} posts; goes at ${at}`;
    case 'delay':
      return `the editor's window of ${s.delayMs / MINUTE} minutes; goes at ${at}`;
    case 'retry':
      return `retrying at ${at}`;
    default:
      return 'may go now';
  }
}
