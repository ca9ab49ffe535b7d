// A fake Bluesky PDS on 127.0.0.1: sessions, blob upload, post records at record keys (create, put, get, paged list),
// checked the way a PDS checks them.
import { createHash, randomBytes } from 'node:crypto';
import { type FakeRequest, type FakeServer, type Fault, parseJson, type Reply, serve } from './http.ts';

export const FAKE_BLUESKY_ACCOUNT = {
  did: 'did:plc:storycardfake0000000000',
  handle: 'storycard.test',
  password: 'abcd-efgh-ijkl-mnop',
};

/** Bluesky's lexicon limit for images and link-card thumbnails. */
export const BLUESKY_MAX_IMAGE_BYTES = 1_000_000;

export interface FakeBlueskyPost {
  uri: string;
  rkey: string;
  text: string;
  record: Record<string, unknown>;
}

export interface FakeBlueskyState {
  blobs: Record<string, { mimeType: string; size: number }>;
  posts: FakeBlueskyPost[];
  sessions: number;
}

export type FakeBluesky = FakeServer & { state: FakeBlueskyState };

const xrpcError = (status: number, error: string, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { error, message },
  headers,
});

export async function startFakeBluesky(options: { port?: number; faults?: Fault[] } = {}): Promise<FakeBluesky> {
  const account = FAKE_BLUESKY_ACCOUNT;
  const state: FakeBlueskyState = { blobs: {}, posts: [], sessions: 0 };
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();

  const newSession = () => {
    const accessJwt = jwtLike('access');
    const refreshJwt = jwtLike('refresh');
    accessTokens.add(accessJwt);
    refreshTokens.add(refreshJwt);
    state.sessions += 1;
    return { did: account.did, handle: account.handle, accessJwt, refreshJwt, active: true };
  };

  const faultReply = (fault: Fault): Reply | undefined => {
    const reset = String(Math.ceil(Date.now() / 1000) + (fault.resetSeconds ?? 60));
    if (fault.mode === '429') {
      return xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
        'ratelimit-limit': '5000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': reset,
        'ratelimit-policy': '5000;w=3600',
      });
    }
    if (fault.mode === '503') return xrpcError(503, 'NotEnoughResources', 'Service Unavailable');
    if (fault.mode === '401') return xrpcError(401, 'InvalidToken', 'Token could not be verified');
    return undefined;
  };

  const handle = async (r: FakeRequest): Promise<Reply> => {
    const nsid = r.path.replace(/^\/xrpc\//, '');
    if (nsid === 'com.atproto.server.createSession' && r.method === 'POST') {
      const b = parseJson(r);
      const who = b?.identifier;
      if ((who !== account.handle && who !== account.did) || b?.password !== account.password) {
        return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
      }
      return { status: 200, body: newSession() };
    }
    // Public, no session: which account (DID) a handle names on this service.
    if (nsid === 'com.atproto.identity.resolveHandle' && r.method === 'GET') {
      const asked = r.url.searchParams.get('handle');
      if (asked !== account.handle) return xrpcError(400, 'InvalidRequest', 'Unable to resolve handle');
      return { status: 200, body: { did: account.did } };
    }
    const token = String(r.headers.authorization ?? '').replace(/^Bearer /, '');
    if (nsid === 'com.atproto.server.refreshSession' && r.method === 'POST') {
      if (!refreshTokens.delete(token)) return xrpcError(400, 'ExpiredToken', 'Token has expired');
      return { status: 200, body: newSession() };
    }
    if (!accessTokens.has(token)) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');

    if (nsid === 'com.atproto.repo.uploadBlob' && r.method === 'POST') {
      const mimeType = String(r.headers['content-type'] ?? '');
      if (!mimeType || r.body.length === 0)
        return xrpcError(400, 'InvalidRequest', 'expected a body with a content-type');
      const ref = cid(0x55, r.body);
      state.blobs[ref] = { mimeType, size: r.body.length };
      return { status: 200, body: { blob: { $type: 'blob', ref: { $link: ref }, mimeType, size: r.body.length } } };
    }
    if ((nsid === 'com.atproto.repo.createRecord' || nsid === 'com.atproto.repo.putRecord') && r.method === 'POST') {
      const put = nsid === 'com.atproto.repo.putRecord';
      const b = parseJson(r);
      if (b?.repo !== account.did && b?.repo !== account.handle)
        return xrpcError(400, 'InvalidRequest', `Could not find repo: ${String(b?.repo)}`);
      if (b?.collection !== 'app.bsky.feed.post') return xrpcError(400, 'InvalidRequest', 'unsupported collection');
      const record = (b.record ?? {}) as Record<string, unknown>;
      const problem = checkPost(record, state.blobs);
      if (problem) return xrpcError(400, 'InvalidRequest', problem);
      if (put && typeof b.rkey !== 'string')
        return xrpcError(400, 'InvalidRequest', 'Input must have the property "rkey"');
      const rkey = typeof b.rkey === 'string' ? b.rkey : tid();
      // The PDS checks record-key syntax; Bluesky's AppView only indexes posts whose key is a TID, so we ask that too.
      if (!/^[a-zA-Z0-9_~.:-]{1,512}$/.test(rkey) || rkey === '.' || rkey === '..')
        return xrpcError(400, 'InvalidRequest', `Invalid record key: ${rkey}`);
      if (!/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(rkey))
        return xrpcError(400, 'InvalidRequest', `Record key for app.bsky.feed.post must be a TID: ${rkey}`);
      const existing = state.posts.findIndex((p) => p.rkey === rkey);
      if (existing !== -1 && !put) {
        // The reference PDS adds the record to its repo's tree, which refuses a key it already holds: its
        // "There is already a value at key" error surfaces as a 500.
        return xrpcError(500, 'InternalServerError', 'Internal Server Error');
      }
      if (put && 'swapRecord' in b) {
        const current = existing === -1 ? null : recordCid(state.posts[existing]!.record);
        if ((b.swapRecord ?? null) !== current) return xrpcError(400, 'InvalidSwap', `Record was at ${current}`);
      }
      const uri = `at://${account.did}/app.bsky.feed.post/${rkey}`;
      const post = { uri, rkey, text: String(record.text), record };
      if (existing !== -1) state.posts[existing] = post;
      else state.posts.push(post);
      return { status: 200, body: { uri, cid: recordCid(record), validationStatus: 'valid' } };
    }
    if (nsid === 'com.atproto.repo.getRecord' && r.method === 'GET') {
      const q = r.url.searchParams;
      const uri = `at://${account.did}/${q.get('collection')}/${q.get('rkey')}`;
      const post = state.posts.find((p) => p.uri === uri);
      if (!post) return xrpcError(400, 'RecordNotFound', `Could not locate record: ${uri}`);
      return { status: 200, body: { uri: post.uri, cid: recordCid(post.record), value: post.record } };
    }
    if (nsid === 'com.atproto.repo.listRecords' && r.method === 'GET') {
      const q = r.url.searchParams;
      if (q.get('repo') !== account.did && q.get('repo') !== account.handle) {
        return xrpcError(400, 'InvalidRequest', 'unknown repo');
      }
      const limit = Math.min(Number(q.get('limit') ?? 50), 100);
      const reverse = q.get('reverse') === 'true';
      // Like the PDS: ordered by record key (TIDs sort by time), newest first; the cursor is the last key returned.
      const sorted = [...state.posts].sort((a, b) => (a.rkey < b.rkey ? 1 : a.rkey > b.rkey ? -1 : 0));
      const list = reverse ? sorted.reverse() : sorted;
      const cursor = q.get('cursor');
      const after = cursor ? list.filter((p) => (reverse ? p.rkey > cursor : p.rkey < cursor)) : list;
      const records = q.get('collection') === 'app.bsky.feed.post' ? after.slice(0, limit) : [];
      const more = records.length === limit && after.length > limit;
      return {
        status: 200,
        body: {
          records: records.map((p) => ({ uri: p.uri, cid: recordCid(p.record), value: p.record })),
          ...(more ? { cursor: records.at(-1)!.rkey } : {}),
        },
      };
    }
    return xrpcError(501, 'MethodNotImplemented', `Method Not Implemented: ${nsid}`);
  };

  const server = await serve({
    port: options.port,
    faults: options.faults,
    state,
    faultReply,
    handle,
    classify: (r) =>
      r.path.endsWith('/com.atproto.repo.createRecord') || r.path.endsWith('/com.atproto.repo.putRecord')
        ? 'post'
        : r.path.endsWith('/com.atproto.repo.uploadBlob')
          ? 'media'
          : 'other',
  });
  return Object.assign(server, { state });
}

/** What the PDS's lexicon validation would say about an app.bsky.feed.post record, or undefined if it is fine. */
function checkPost(record: Record<string, unknown>, blobs: FakeBlueskyState['blobs']): string | undefined {
  const text = record.text;
  if (typeof text !== 'string') return 'Record/text must be a string';
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
  if (graphemes > 300) return `Record/text must not be longer than 300 graphemes (got ${graphemes})`;
  if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt))) {
    return 'Record/createdAt must be a valid datetime';
  }
  const bytes = Buffer.byteLength(text);
  for (const f of (record.facets ?? []) as Array<{
    index: { byteStart: number; byteEnd: number };
    features: unknown[];
  }>) {
    if (!(f.index.byteStart >= 0 && f.index.byteEnd <= bytes && f.index.byteStart < f.index.byteEnd)) {
      return 'Record/facets: index out of range';
    }
    for (const feat of f.features as Array<{ $type: string; uri?: string; did?: string }>) {
      if (feat.$type === 'app.bsky.richtext.facet#link' && !/^https?:\/\//.test(feat.uri ?? '')) {
        return 'Record/facets: link uri must be a URI';
      }
      if (feat.$type === 'app.bsky.richtext.facet#mention' && !feat.did?.startsWith('did:')) {
        return 'Record/facets: mention did must be a DID';
      }
    }
  }
  const embed = record.embed as Record<string, unknown> | undefined;
  const checkBlob = (blob: unknown, where: string) => {
    const ref = (blob as { ref?: { $link?: string } } | undefined)?.ref?.$link;
    const known = ref ? blobs[ref] : undefined;
    if (!known) return `${where}: blob not found`;
    if (!known.mimeType.startsWith('image/')) return `${where}: must be an image`;
    if (known.size > BLUESKY_MAX_IMAGE_BYTES) {
      return `${where} should not be larger than ${BLUESKY_MAX_IMAGE_BYTES} bytes (got ${known.size})`;
    }
    return undefined;
  };
  if (embed?.$type === 'app.bsky.embed.external') {
    const ext = embed.external as { uri?: string; title?: string; thumb?: unknown };
    if (!ext?.uri || typeof ext.title !== 'string') return 'Record/embed/external: uri and title required';
    if (ext.thumb) return checkBlob(ext.thumb, 'Record/embed/external/thumb');
  } else if (embed?.$type === 'app.bsky.embed.images') {
    const images = embed.images as Array<{ image: unknown; alt?: unknown }>;
    if (!Array.isArray(images) || images.length === 0 || images.length > 4) return 'Record/embed/images: 1 to 4 images';
    for (const [i, img] of images.entries()) {
      if (typeof img.alt !== 'string') return `Record/embed/images/${i}/alt must be a string`;
      const why = checkBlob(img.image, `Record/embed/images/${i}/image`);
      if (why) return why;
    }
  } else if (embed) return `Record/embed: unsupported ${String(embed.$type)}`;
  return undefined;
}

const recordCid = (record: Record<string, unknown>) => cid(0x71, Buffer.from(JSON.stringify(record)));

/** A CIDv1 (sha2-256) in base32, as atproto writes them: codec 0x55 raw (blobs), 0x71 dag-cbor (records). */
function cid(codec: number, bytes: Buffer): string {
  const digest = createHash('sha256').update(bytes).digest();
  return `b${base32(Buffer.concat([Buffer.from([0x01, codec, 0x12, 0x20]), digest]))}`;
}

function base32(bytes: Buffer): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

let lastTid = 0n;
/** A record key in atproto's TID format: microseconds since the epoch and a clock id, base32-sortable. */
function tid(): string {
  let micros = BigInt(Date.now()) * 1000n;
  if (micros <= lastTid) micros = lastTid + 1n;
  lastTid = micros;
  let n = (micros << 10n) | 7n;
  const alphabet = '234567abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = alphabet[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

function jwtLike(scope: string): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 7200;
  return `${part({ alg: 'ES256K', typ: 'JWT' })}.${part({ scope, sub: FAKE_BLUESKY_ACCOUNT.did, exp })}.${randomBytes(16).toString('base64url')}`;
}
