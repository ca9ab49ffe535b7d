// Node and workerd write the same bytes for the same card: PNG (storycard's encoder over each runtime's zlib) and
// JPEG/WebP (the same wasm codecs). Node's digests come from tests/worker/cards.setup.ts.
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { renderCard } from '../../src/render/index.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAME_BYTES_CASES } from './same-bytes-cases.ts';

// The photo host is on loopback: exempt, as FETCH_ALLOW_HOSTS exempts local fakes.
const runtime = createWorkerdRuntime({ assets: env.ASSETS, fetchPolicy: { allowHosts: ['127.0.0.1'] } });
const node = inject('nodeCards');

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('the same card in Node and in workerd', () => {
  const cases = Object.entries(SAME_BYTES_CASES(`${inject('steadyPhotosUrl')}/photo.png`));
  it.each(cases)('%s is byte-identical', async (name, req) => {
    const { image, format } = await renderCard(req, runtime, templates);
    expect({ format, bytes: image.byteLength, sha256: await sha256(image) }).toEqual(node[name]);
  });
});
