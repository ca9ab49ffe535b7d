// Shared plumbing for the fake social APIs: a loopback node:http server, body parsing, and scripted faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fake does to the next matching request(s) instead of answering normally. */
export interface Fault {
  mode: string;
  /** How many matching requests it affects (default 1). */
  count?: number;
  /** Which endpoint group it hits: the post-creating endpoint (default), media upload, or any request. */
  on?: 'post' | 'media' | 'any';
  /** For 429 faults: seconds until the reported reset (default 60). */
  resetSeconds?: number;
  /** For slow faults: how long the request waits before it is done and answered (default 3000 ms). */
  delayMs?: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A handler's answer; the server writes it (or, under an after-accept fault, throws it away). */
export interface Reply {
  status: number;
  /** JSON-serialised, unless a string (sent as is, e.g. an HTML error page). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Schedule a fault (tests); the same as POST /__fault with {mode, count, on}. */
  fault(fault: Fault): void;
  /** Every request seen, in order (method and path), for assertions. */
  log: Array<{ method: string; path: string }>;
}

export interface ServeOptions {
  port?: number;
  faults?: Fault[];
  /** Which endpoint group a request belongs to, so faults can aim at it. */
  classify(req: FakeRequest): 'post' | 'media' | 'other';
  /** The platform's own answer for an error fault ('429', '401', '503', 'duplicate'…); undefined if unknown. */
  faultReply(fault: Fault): Reply | undefined;
  handle(req: FakeRequest): Promise<Reply>;
  state: unknown;
}

/**
 * Fault modes every fake understands, besides its own error replies:
 * - timeout-after-accept: do the work (the post exists), then never answer;
 * - reset-after-accept: do the work, then drop the connection;
 * - 503-after-accept: do the work, then answer 503;
 * - hold: keep the request waiting, unanswered and not yet done, until POST /__release (oldest first), then do the
 *   work and answer normally: an attempt that stalls, then goes on late;
 * - slow: wait `delayMs`, then do the work and answer normally (a client that gives up sooner never hears it).
 */
export const AFTER_ACCEPT = ['timeout-after-accept', 'reset-after-accept', '503-after-accept', 'hold', 'slow'] as const;

export async function serve(options: ServeOptions): Promise<FakeServer> {
  const faults: Array<Fault & { count: number; on: NonNullable<Fault['on']> }> = [];
  const addFault = (f: Fault) => {
    const full: Fault & { count: number; on: NonNullable<Fault['on']> } = { count: 1, on: 'post', ...f };
    if (!(AFTER_ACCEPT as readonly string[]).includes(full.mode) && !options.faultReply(full)) {
      throw new Error(`unknown fault mode ${JSON.stringify(full.mode)}`);
    }
    faults.push(full);
  };
  for (const f of options.faults ?? []) addFault(f);
  const log: FakeServer['log'] = [];
  const held: Array<() => void> = [];

  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const r: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, url, headers: req.headers, body };
      // Control endpoints, so `npm start` e2e runs can script faults and read what was posted.
      if (r.path === '/__fault' && r.method === 'POST') {
        try {
          addFault(JSON.parse(body.toString() || '{}') as Fault);
        } catch (error) {
          return write(res, { status: 400, body: { error: String(error) } });
        }
        return write(res, { status: 200, body: { ok: true, pending: faults } });
      }
      if (r.path === '/__state' && r.method === 'GET') return write(res, { status: 200, body: options.state });
      if (r.path === '/__log' && r.method === 'GET') return write(res, { status: 200, body: log });
      if (r.path === '/__held' && r.method === 'GET') return write(res, { status: 200, body: { held: held.length } });
      if (r.path === '/__release' && r.method === 'POST') {
        const next = held.shift();
        next?.();
        return write(res, { status: next ? 200 : 409, body: { released: Boolean(next), held: held.length } });
      }
      log.push({ method: r.method, path: r.path });
      const group = options.classify(r);
      const i = faults.findIndex((f) => f.on === 'any' || f.on === group);
      const fault = faults[i];
      if (!fault) return write(res, await options.handle(r));
      fault.count -= 1;
      if (fault.count <= 0) faults.splice(i, 1);
      if (fault.mode === 'hold') {
        await new Promise<void>((resolve) => held.push(resolve));
        return write(res, await options.handle(r));
      }
      if (fault.mode === 'slow') {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 3000));
        return write(res, await options.handle(r));
      }
      if (fault.mode === 'timeout-after-accept') return void (await options.handle(r));
      if (fault.mode === 'reset-after-accept') {
        await options.handle(r);
        return void req.socket.destroy();
      }
      if (fault.mode === '503-after-accept') {
        await options.handle(r);
        return write(res, options.faultReply({ mode: '503' })!);
      }
      return write(res, options.faultReply(fault)!);
    } catch (error) {
      if (!res.headersSent) write(res, { status: 500, body: { error: 'fake_server_error', message: String(error) } });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    fault: addFault,
    close: () =>
      new Promise<void>((resolve) => {
        // Requests deliberately left hanging (timeout and hold faults) must not keep the server open.
        for (const release of held.splice(0)) release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function write(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined || typeof reply.body === 'string') {
    res.writeHead(reply.status, headers);
    res.end(reply.body);
    return;
  }
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(reply.body));
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface FormPart {
  data: Buffer;
  filename?: string;
  contentType?: string;
}

/**
 * Parse a multipart/form-data body into its parts, binary-safe. (The WHATWG parser would turn a part without a
 * filename, which is how twitter-api-v2 sends media, into a lossy string.)
 */
export function parseMultipart(r: FakeRequest): Map<string, FormPart> {
  const type = String(r.headers['content-type'] ?? '');
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!type.startsWith('multipart/form-data') || !boundary) {
    throw new Error(`expected multipart/form-data with a boundary, received ${type || 'no content-type'}`);
  }
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts = new Map<string, FormPart>();
  let at = r.body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (r.body.subarray(start, start + 2).toString() === '--') break;
    const next = r.body.indexOf(delimiter, start);
    if (next === -1) throw new Error('multipart body is not terminated');
    const part = r.body.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name !== undefined) {
      parts.set(name, {
        data: Buffer.from(part.subarray(split + 4)),
        filename: /filename="([^"]*)"/i.exec(head)?.[1],
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
      });
    }
    at = next;
  }
  return parts;
}

export function parseJson(r: FakeRequest): Record<string, unknown> | undefined {
  if (!String(r.headers['content-type'] ?? '').includes('application/json')) return undefined;
  try {
    const v: unknown = JSON.parse(r.body.toString('utf8'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

let counter = 0;
/** Snowflake-like numeric ids that grow, like X's and Mastodon's. */
export function nextId(): string {
  counter += 1;
  return (BigInt(Date.now()) * 4194304n + BigInt(counter)).toString();
}
