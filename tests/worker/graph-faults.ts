// The fault tests the Graph API networks (tests/worker/facebook-poster.test.ts, threads-poster.test.ts) share: each
// file names its tests and where its faults strike; every test asserts the same for either network.
import { expect, it } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { kinds, landed } from '../helpers/network-poster.ts';
import { clock, depsFor, drive, fault, type PostView } from './outbox-harness.ts';

export interface GraphNetwork {
  fake: () => string;
  e: () => Env;
  /** A fresh row of this network for a story about `what`. */
  row: (what: string) => Promise<PostView>;
  view: (row: PostView) => Promise<PostView>;
  /** The fake's posts with this text. */
  posts: (text: string) => Promise<{ id: string }[]>;
  /** Where a fault on the first request strikes: Threads' container (`{ on: 'media' }`), Facebook's one upload. */
  first: { on?: string };
}

/** Throttled (Graph code 32 with estimated_time_to_regain_access): waits that long, then posts once. */
export function throttled(n: GraphNetwork, title: string, row: string, resetMinutes: number) {
  it(title, async () => {
    const r = await n.row(row);
    const c = clock();
    await fault(n.fake(), { mode: '429', ...n.first, resetSeconds: resetMinutes * 60 });
    const first = await processRow(r.id, depsFor(n.e(), c.now));
    expect(first).toMatchObject({ kind: 'wait' });
    expect((first as { at: number }).at).toBeGreaterThanOrEqual(c.t + resetMinutes * 60_000);
    expect(await n.view(r)).toMatchObject({ attempts: 0, pendingCheck: false });
    c.t = (first as { at: number }).at;
    expect(await processRow(r.id, depsFor(n.e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await n.posts(r.text)).toHaveLength(1);
  });
}

/** An answer lost after the network took the post: the check finds it and adopts it, never posting again. */
export function lostAnswer(
  n: GraphNetwork,
  title: (mode: string) => string,
  row: (mode: string) => string,
  adopted: Partial<PostView> = {},
) {
  for (const mode of ['timeout-after-accept', '503-after-accept', 'reset-after-accept']) {
    it(title(mode), async () => {
      const r = await n.row(row(mode));
      const c = clock();
      await fault(n.fake(), { mode });
      const outcomes = await drive(r.id, depsFor(n.e(), c.now), c);
      expect(kinds(outcomes)).toEqual(['wait', 'posted']);
      expect(outcomes[1]).toMatchObject({ found: true });
      const mine = await n.posts(r.text);
      expect(mine).toHaveLength(1);
      expect(await n.view(r)).toMatchObject({ state: 'posted', platformPostId: mine[0]!.id, ...adopted });
    });
  }
}

/** A 503 with nothing posted: the check finds nothing, then it posts once. */
export function refusedThenPosted(n: GraphNetwork, title: string, row: string) {
  it(title, async () => {
    const r = await n.row(row);
    const c = clock();
    await fault(n.fake(), { mode: '503' });
    const outcomes = await drive(r.id, depsFor(n.e(), c.now), c);
    expect(kinds(outcomes)).toEqual(['wait', 'posted']);
    expect(outcomes[1]).not.toMatchObject({ found: true });
    expect(await n.posts(r.text)).toHaveLength(1);
  });
}

/** Slow past the poster's timeout: once the network has it, the check adopts it. */
export function slowThenAdopted(n: GraphNetwork, title: string, row: string) {
  it(title, async () => {
    const r = await n.row(row);
    const c = clock();
    await fault(n.fake(), { mode: 'slow', delayMs: 2500 });
    const first = await processRow(r.id, depsFor(n.e(), c.now, 1000));
    expect(first).toMatchObject({ kind: 'wait' });
    await landed(() => n.posts(r.text)); // the fake finishes the late upload when it gets to it
    c.t = (first as { at: number }).at;
    expect(await processRow(r.id, depsFor(n.e(), c.now, 1000))).toMatchObject({ kind: 'posted', found: true });
    expect(await n.posts(r.text)).toHaveLength(1);
  });
}

/** An expired token (code 190): dead with the network's reason, nothing retried. */
export function expiredToken(n: GraphNetwork, title: string, row: string) {
  it(title, async () => {
    const r = await n.row(row);
    const c = clock();
    await fault(n.fake(), { mode: '190', ...n.first });
    const outcomes = await drive(r.id, depsFor(n.e(), c.now), c);
    expect(outcomes).toEqual([{ kind: 'dead', reason: expect.stringContaining('code 190') }]);
    expect(await n.posts(r.text)).toHaveLength(0);
  });
}
