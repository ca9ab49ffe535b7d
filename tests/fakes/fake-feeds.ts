// Fake news feeds (and, for the same tests, a fake web host: images, redirects) on 127.0.0.1: each path serves what
// the test sets, with ETag/Last-Modified, 304s and faults.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one feed path answers. Changing it between polls is how tests make a feed publish. */
export interface FeedSpec {
  body?: string;
  contentType?: string;
  /** Sent as ETag; a request with a matching If-None-Match gets 304. */
  etag?: string;
  /** Sent as Last-Modified; a request with this exact If-Modified-Since gets 304. */
  lastModified?: string;
  /** Bytes of the body in this encoding (default utf8), so charset handling can be tested; base64 for images. */
  encoding?: 'utf8' | 'latin1' | 'base64';
  /** Extra response headers (a Location with a 302, for a redirect). */
  headers?: Record<string, string>;
  /** Answer with this status and the body as is (e.g. 500). */
  status?: number;
  /** hang: send headers and one chunk, then never finish; huge: stream `hugeBytes` of XML without Content-Length. */
  fault?: 'hang' | 'huge';
  hugeBytes?: number;
}

export interface FeedRequest {
  path: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  status: number;
}

export interface FakeFeeds {
  url: string;
  set(path: string, spec: FeedSpec): void;
  log: FeedRequest[];
  close(): Promise<void>;
}

/**
 * Start the feed server. Besides `set()` from Node, tests inside workerd set a path with
 * `PUT /__feeds/<path>` and a FeedSpec as JSON, and read the request log with `GET /__log`.
 */
export async function startFakeFeeds(): Promise<FakeFeeds> {
  const specs = new Map<string, FeedSpec>();
  const log: FeedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__feeds/') && req.method === 'PUT') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        specs.set(url.pathname.slice('/__feeds'.length), JSON.parse(Buffer.concat(chunks).toString()) as FeedSpec);
        res.writeHead(204).end();
      });
      return;
    }
    if (url.pathname === '/__log') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(log));
      return;
    }
    const spec = specs.get(url.pathname);
    const entry: FeedRequest = {
      path: url.pathname,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      status: 404,
    };
    log.push(entry);
    if (!spec) return void res.writeHead(404).end('no such feed');
    if (spec.fault === 'hang') {
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      return; // never ends: the poller's time limit has to cut it off
    }
    if (spec.fault === 'huge') {
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = `<item><title>${'x'.repeat(1000)}</title></item>`;
      let sent = 0;
      const total = spec.hugeBytes ?? 20 * 1024 * 1024;
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('</channel></rss>');
      };
      res.on('close', () => {
        sent = total; // the client hung up (as it should): stop writing
      });
      pump();
      return;
    }
    const headers: Record<string, string> = {
      'content-type': spec.contentType ?? 'application/rss+xml; charset=utf-8',
      ...spec.headers,
    };
    if (spec.etag) headers.ETag = spec.etag;
    if (spec.lastModified) headers['Last-Modified'] = spec.lastModified;
    const notModified =
      (spec.etag && entry.ifNoneMatch === spec.etag) ||
      (!entry.ifNoneMatch && spec.lastModified && entry.ifModifiedSince === spec.lastModified);
    entry.status = notModified ? 304 : (spec.status ?? 200);
    if (notModified) return void res.writeHead(304, headers).end();
    const bytes = Buffer.from(spec.body ?? '', spec.encoding ?? 'utf8');
    headers['Content-Length'] = String(bytes.length);
    res.writeHead(entry.status, headers).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (path, spec) => specs.set(path, spec),
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
