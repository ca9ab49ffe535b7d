// Vitest global setup (runs in Node, not workerd): fake X, Bluesky and Mastodon APIs on 127.0.0.1 for worker tests.
import type { TestProject } from 'vitest/node';
import { startFakeBluesky } from '../fakes/fake-bluesky.ts';
import { startFakeMastodon } from '../fakes/fake-mastodon.ts';
import { startFakeX } from '../fakes/fake-x.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeXUrl: string;
    fakeBlueskyUrl: string;
    fakeMastodonUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [x, bluesky, mastodon] = await Promise.all([startFakeX(), startFakeBluesky(), startFakeMastodon()]);
  project.provide('fakeXUrl', x.url);
  project.provide('fakeBlueskyUrl', bluesky.url);
  project.provide('fakeMastodonUrl', mastodon.url);
  return () => Promise.all([x.close(), bluesky.close(), mastodon.close()]);
}
