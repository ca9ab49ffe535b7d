// What each network's worker test (tests/worker/*-poster.test.ts, inside workerd) starts with: the network's settings
// over the bot's env, a story posted through the API with the rows it made, a row's current view, outcomes' kinds.
import { expect } from 'vitest';
import type { Outcome } from '../../src/bot/outbox.ts';
import type { Platform } from '../../src/bot/types.ts';
import { botEnv, type PostView, postStory, postsOf } from '../worker/outbox-harness.ts';

type StoryOverrides = Parameters<typeof postStory>[1];

/**
 * `settings` is called per use: the fakes' URLs come from inject(), which is read inside a test. `platforms` are the
 * rows every story must make, so a test never drives a row of a network it did not mean to configure.
 */
export function networkHarness(settings: () => Record<string, string>, platforms: readonly Platform[]) {
  const e = () => botEnv({}, settings());
  /** A story with this headline (made unique by the caller), posted through the API: its body and its rows. */
  const storyRows = async (headline: string, overrides: StoryOverrides = {}) => {
    const { status, body } = await postStory(e(), { headline, ...overrides });
    expect(status).toBe(201);
    const rows = await postsOf(e(), body.id);
    expect(rows.map((r) => r.platform).sort()).toEqual([...platforms].sort());
    return { rows, body };
  };
  const view = async (row: PostView) => (await postsOf(e(), row.storyId)).find((r) => r.id === row.id)!;
  return { e, storyRows, view };
}

/** What each attempt came to, in order ('posted', 'retry', …). */
export const kinds = (outcomes: Pick<Outcome, 'kind'>[]) => outcomes.map((o) => o.kind);

/** A headline no other test's story has. */
export const unique = (what: string, where: string) => `${what} ${crypto.randomUUID().slice(0, 8)} ${where}`;

/**
 * Wait until `found()` returns at least one item: a slow fault's late work lands when the fake gets to it, which on a
 * loaded machine is any time after its delay. Waits on that event (the test's timeout is the only bound), not a clock.
 */
export async function landed(found: () => Promise<readonly unknown[]>): Promise<void> {
  while ((await found()).length === 0) await new Promise((r) => setTimeout(r, 50));
}
