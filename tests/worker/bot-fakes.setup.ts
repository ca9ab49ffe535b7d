// Vitest global setup (runs in Node, not workerd): fake X, Bluesky and Mastodon APIs on 127.0.0.1 for worker tests.
import type { TestProject } from 'vitest/node';
import { startFakeBluesky } from '../fakes/fake-bluesky.ts';
import { startFakeMastodon } from '../fakes/fake-mastodon.ts';
import { startFakeX } from '../fakes/fake-x.ts';

// What it provides: tests/worker/provided.d.ts.

export default async function setup(project: TestProject) {
  const [x, bluesky, mastodon] = await Promise.all([startFakeX(), startFakeBluesky(), startFakeMastodon()]);
  const outbox = await Promise.all([startFakeX(), startFakeBluesky(), startFakeMastodon()]);
  const quiet = await Promise.all([startFakeX(), startFakeBluesky(), startFakeMastodon()]);
  const fence = await Promise.all([startFakeX(), startFakeBluesky(), startFakeMastodon()]);
  project.provide('fakeXUrl', x.url);
  project.provide('fakeBlueskyUrl', bluesky.url);
  project.provide('fakeMastodonUrl', mastodon.url);
  project.provide('outboxFakes', { x: outbox[0].url, bluesky: outbox[1].url, mastodon: outbox[2].url });
  project.provide('quietFakes', { x: quiet[0].url, bluesky: quiet[1].url, mastodon: quiet[2].url });
  project.provide('fenceFakes', { x: fence[0].url, bluesky: fence[1].url, mastodon: fence[2].url });
  return () => Promise.all([x, bluesky, mastodon, ...outbox, ...quiet, ...fence].map((s) => s.close()));
}
