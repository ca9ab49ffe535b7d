// Vitest global setup (Node): fake Telegram, Threads, Facebook and Instagram APIs on 127.0.0.1 for the posters' tests.
import type { TestProject } from 'vitest/node';
import { startFakeGraph } from '../fakes/fake-graph.ts';
import { startFakeLinkedIn } from '../fakes/fake-linkedin.ts';
import { startFakeTelegram } from '../fakes/fake-telegram.ts';

// What it provides: tests/worker/provided.d.ts. One server per network per test file that scripts faults, so a
// fault one file scripts cannot be eaten by another file's request.
export default async function setup(project: TestProject) {
  const [telegram, threads, facebook, instagram, linkedin] = await Promise.all([
    startFakeTelegram(),
    startFakeGraph('threads'),
    startFakeGraph('facebook'),
    startFakeGraph('instagram'),
    startFakeLinkedIn(),
  ]);
  project.provide('networkFakes', {
    telegram: telegram.url,
    threads: threads.url,
    facebook: facebook.url,
    instagram: instagram.url,
    linkedin: linkedin.url,
  });
  return () => Promise.all([telegram, threads, facebook, instagram, linkedin].map((s) => s.close()));
}
