// A fake Cloudflare API on 127.0.0.1: the zone purge endpoint (purge by tag), checking the token, recording purges.
import { FAKE_CLOUDFLARE_TOKEN, FAKE_CLOUDFLARE_ZONE } from './cloudflare-ids.ts';
import { type FakeRequest, type FakeServer, type Fault, parseJson, type Reply, serve } from './http.ts';

export interface FakeCloudflareState {
  /** Every accepted purge, in order. */
  purges: Array<{ zone: string; tags: string[] }>;
}

export type FakeCloudflare = FakeServer & { state: FakeCloudflareState };

// Cloudflare's envelope: {success, errors: [{code, message}], messages, result}.
const failure = (status: number, code: number, message: string): Reply => ({
  status,
  body: { success: false, errors: [{ code, message }], messages: [], result: null },
});

export async function startFakeCloudflare(options: { port?: number; faults?: Fault[] } = {}): Promise<FakeCloudflare> {
  const state: FakeCloudflareState = { purges: [] };

  const faultReply = (fault: Fault): Reply | undefined => {
    if (fault.mode === '429') return failure(429, 971, 'Please wait and consider throttling your request speed');
    if (fault.mode === '503') return { status: 503, body: '<html><body>503 Service Unavailable</body></html>' };
    return undefined;
  };

  const handle = async (r: FakeRequest): Promise<Reply> => {
    const zone = /^\/zones\/([^/]+)\/purge_cache$/.exec(r.path)?.[1];
    if (r.method !== 'POST' || !zone) return failure(404, 7003, `no route for ${r.method} ${r.path}`);
    if (r.headers.authorization !== `Bearer ${FAKE_CLOUDFLARE_TOKEN}`)
      return failure(403, 10000, 'Authentication error');
    if (zone !== FAKE_CLOUDFLARE_ZONE) return failure(400, 7003, 'Could not route to /zones: invalid zone');
    const tags = parseJson(r)?.tags;
    if (!Array.isArray(tags) || !tags.length || !tags.every((t) => typeof t === 'string')) {
      return failure(
        400,
        1012,
        'Request must contain one of "purge_everything", "files", "tags", "hosts" or "prefixes"',
      );
    }
    state.purges.push({ zone, tags: tags as string[] });
    return { status: 200, body: { success: true, errors: [], messages: [], result: { id: zone } } };
  };

  const server = await serve({
    port: options.port,
    faults: options.faults,
    classify: (r) => (r.path.endsWith('/purge_cache') ? 'post' : 'other'),
    faultReply,
    handle,
    state,
  });
  return Object.assign(server, { state });
}
