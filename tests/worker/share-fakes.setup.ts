// Vitest global setup (runs in Node, not workerd): a fake Cloudflare API on 127.0.0.1 for the share cache's purge.
import type { TestProject } from 'vitest/node';
import { startFakeCloudflare } from '../fakes/fake-cloudflare.ts';

// What it provides: tests/worker/provided.d.ts.

export default async function setup(project: TestProject) {
  const cloudflare = await startFakeCloudflare();
  project.provide('fakeCloudflareUrl', cloudflare.url);
  return () => cloudflare.close();
}
