// Vitest global setup (Node): the fake photo host worker tests switch between up and down, and the bytes Node's
// adapter writes for a few cards, so a workerd test can check it writes the very same bytes.
import { createHash } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { renderCard } from '../../src/render/index.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { registry as templates } from '../../templates/index.ts';
import { startFakePhotos } from '../fakes/fake-photos.ts';
import { makePhoto } from '../helpers/photo.ts';
import { SAME_BYTES_CASES } from './same-bytes-cases.ts';

// What it provides: tests/worker/provided.d.ts.

export default async function setup(project: TestProject) {
  const [photos, steady] = await Promise.all([startFakePhotos(), startFakePhotos()]);
  const photo = makePhoto();
  const runtime = createNodeRuntime({
    fetch: async () => new Response(photo, { headers: { 'content-type': 'image/png' } }),
  });
  const nodeCards: Record<string, { sha256: string; bytes: number; format: string }> = {};
  for (const [name, req] of Object.entries(SAME_BYTES_CASES('https://photos.invalid/photo.png'))) {
    const { image, format } = await renderCard(req, runtime, templates);
    nodeCards[name] = { sha256: createHash('sha256').update(image).digest('hex'), bytes: image.byteLength, format };
  }
  project.provide('fakePhotosUrl', photos.url);
  project.provide('steadyPhotosUrl', steady.url);
  project.provide('nodeCards', nodeCards);
  return () => Promise.all([photos.close(), steady.close()]);
}
