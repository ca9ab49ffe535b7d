// Vitest global setup (runs in Node, not workerd): starts a fake X API on 127.0.0.1 and hands its URL to worker tests.
import type { TestProject } from 'vitest/node';
import { startFakeX } from '../fakes/fake-x.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeXUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const x = await startFakeX();
  project.provide('fakeXUrl', x.url);
  return () => x.close();
}
