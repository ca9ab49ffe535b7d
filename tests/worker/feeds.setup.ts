// Vitest global setup (Node): a fake feed server on 127.0.0.1 that worker tests fill over HTTP (PUT /__feeds/<path>).
import type { TestProject } from 'vitest/node';
import { startFakeFeeds } from '../fakes/fake-feeds.ts';

// What it provides: tests/worker/provided.d.ts.

export default async function setup(project: TestProject) {
  const feeds = await startFakeFeeds();
  project.provide('fakeFeedsUrl', feeds.url);
  return () => feeds.close();
}
