// A desk's schedule inside workerd, through the Worker: GET /api/posts says when each waiting post goes and why
// (notBefore + waitingFor), and the queue consumer keeps to it — the editor's window, spacing of a burst, quiet hours
// in a time zone, the daily cap. One platform per test, so no test's posts queue behind another's.
import { describe, expect, inject, it } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { localMinutes } from '../../src/bot/schedule.ts';
import type { FakeXState } from '../fakes/fake-x.ts';
import { botEnv, callWith, clock, depsFor, fakeState, postStory } from './outbox-harness.ts';

const fakes = () => inject('quietFakes');
const MIN = 60_000;
const headline = (what: string) => `${what} ${crypto.randomUUID().slice(0, 8)} as the harbour board meets`;

interface Scheduled {
  id: string;
  storyId: string;
  platform: string;
  state: string;
  text: string;
  createdAt: string;
  notBefore: string | null;
  waitingFor: string | null;
  lastError: string | null;
}
async function listed(e: Env, platform: string): Promise<Scheduled[]> {
  const res = await callWith(e, '/api/posts?limit=100');
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Scheduled[] }).items.filter((p) => p.platform === platform);
}
const hhmm = (m: number) =>
  `${String(Math.floor((((m % 1440) + 1440) % 1440) / 60)).padStart(2, '0')}:${String(((m % 60) + 60) % 60).padStart(2, '0')}`;

describe("a desk's schedule through the Worker", () => {
  it("the editor's window: listed as waiting for the delay until created + POST_DELAY_MINUTES, then posted", async () => {
    const e = botEnv({ x: fakes().x }, { POST_DELAY_MINUTES: '20' });
    const { body } = await postStory(e, { headline: headline('In the window') });
    const row = (await listed(e, 'x')).find((p) => p.storyId === body.id)!;
    const end = Date.parse(row.createdAt) + 20 * MIN;
    expect(row).toMatchObject({ state: 'queued', waitingFor: 'delay', notBefore: new Date(end).toISOString() });
    // Editable in the window (PATCH takes a queued post no attempt was made on).
    const link = row.text.match(/https:\/\/\S+/)![0];
    const text = `Edited in the window: the harbour board meets. ${link}`;
    const patched = await callWith(e, `/api/posts/${row.id}`, { method: 'PATCH', body: JSON.stringify({ text }) });
    expect(patched.status).toBe(200);
    const c = clock(end - MIN);
    expect(await processRow(row.id, depsFor(e, c.now))).toMatchObject({ kind: 'wait', at: end });
    c.t = end;
    expect(await processRow(row.id, depsFor(e, c.now))).toMatchObject({ kind: 'posted' });
    expect((await fakeState<FakeXState>(fakes().x)).posts.filter((p) => p.text === text)).toHaveLength(1);
  });

  it('spacing: a burst of three is listed one every POST_SPACING_MINUTES, oldest first, and goes so', async () => {
    const e = botEnv({ bluesky: fakes().bluesky }, { POST_SPACING_MINUTES: '10' });
    const ids: string[] = [];
    for (const what of ['First', 'Second', 'Third'])
      ids.push((await postStory(e, { headline: headline(what) })).body.id);
    const rows = await listed(e, 'bluesky');
    const mine = ids.map((id) => rows.find((r) => r.storyId === id)!);
    const first = Date.parse(mine[0]!.notBefore!);
    expect(mine.map((r) => [r.waitingFor, Date.parse(r.notBefore!) - first])).toEqual([
      [null, 0],
      ['spacing', 10 * MIN],
      ['spacing', 20 * MIN],
    ]);
    // The consumer meets them newest first: the third and second wait, the first goes; then each at its slot.
    const c = clock(first);
    const go = (i: number) => processRow(mine[i]!.id, depsFor(e, c.now));
    expect(await go(2)).toMatchObject({ kind: 'wait', at: first + 20 * MIN });
    expect(await go(1)).toMatchObject({ kind: 'wait', at: first + 10 * MIN });
    expect(await go(0)).toMatchObject({ kind: 'posted' });
    c.t = first + 10 * MIN;
    expect(await go(1)).toMatchObject({ kind: 'posted' });
    expect(await go(2)).toMatchObject({ kind: 'wait', at: first + 20 * MIN });
    const later = await listed(e, 'bluesky');
    expect(later.find((r) => r.id === mine[2]!.id)).toMatchObject({
      waitingFor: 'spacing',
      lastError: expect.stringContaining('spacing of 10 minutes between bluesky posts'),
    });
  });

  it('quiet hours in Asia/Tokyo covering now: listed as waiting for quiet hours until their end, local time', async () => {
    const zone = 'Asia/Tokyo';
    const nowMin = localMinutes(Date.now(), zone);
    const quiet = `${hhmm(nowMin - 60)}-${hhmm(nowMin + 120)}`;
    const e = botEnv({ mastodon: fakes().mastodon }, { POST_QUIET_HOURS: quiet, POST_TIMEZONE: zone });
    const { body } = await postStory(e, { headline: headline('At night') });
    const row = (await listed(e, 'mastodon')).find((p) => p.storyId === body.id)!;
    expect(row.waitingFor).toBe('quiet-hours');
    const end = Date.parse(row.notBefore!);
    expect(localMinutes(end, zone)).toBe((nowMin + 120) % 1440);
    expect(end - Date.now()).toBeGreaterThan(110 * MIN);
    const c = clock();
    expect(await processRow(row.id, depsFor(e, c.now))).toMatchObject({
      kind: 'wait',
      at: end,
      reason: expect.stringContaining(`quiet hours ${quiet} (Asia/Tokyo)`),
    });
  });

  it('the daily cap: with X_DAILY_CAP=0 (paused) a post is listed as waiting for the cap, at a UTC midnight', async () => {
    const e = botEnv({ x: fakes().x }, { X_DAILY_CAP: '0' });
    const { body } = await postStory(e, { headline: headline('Over the cap') });
    const row = (await listed(e, 'x')).find((p) => p.storyId === body.id)!;
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(row).toMatchObject({ waitingFor: 'cap', notBefore: expect.stringMatching(/T00:00:00\.000Z$/) });
    expect(Date.parse(row.notBefore!)).toBeGreaterThanOrEqual(midnight.getTime());
  });
});
