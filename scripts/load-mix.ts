// The viral-story mix for `npm run load`: what each request is, how its answer is counted, and the model's prediction.
import type { Result } from 'autocannon';

const CRAWLERS = [
  'Twitterbot/1.0',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'TelegramBot (like TwitterBot)',
  'WhatsApp/2.23.20.0 A',
];
const PEOPLE = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
];

/**
 * The mix, per request (an estimate of a viral hour, see docs/SCALE.md): people outnumber crawlers; crawlers fetch
 * the card after the page; a newsroom keeps publishing, and each new story is crawled at once.
 */
const SHARE_OF = { create: 0.004, newStoryView: 0.016, crawler: 0.3, person: 0.55 }; // the rest: card fetches
/** How views spread over the hot stories: one dominates, as a viral story does. */
const HOT_WEIGHTS = [0.6, 0.3, 0.1];
/** Story creations per run at most: each one is a D1 write and, with issue 11's pre-render, two card renders. */
const MAX_CREATIONS = 12;

type Kind = 'crawler' | 'person' | 'card' | 'create' | 'new-crawler' | 'new-person';

export interface Counts {
  byKind: Record<string, number[]>;
  statuses: Record<string, number>;
  cache: number;
  d1: number;
  d1AfterWarmup: number;
  /** D1 reads by kind of view: the hot stories' should stop after warm-up; new stories read once per variant. */
  d1ByKind: Record<string, number>;
  d1AfterWarmupByKind: Record<string, number>;
  unlabelled: number;
  /** The d1;dur=… values: what a miss spent reading D1 (and rendering the page), server-side. */
  d1Ms: number[];
  newStoriesViewed: Set<string>;
}

export const countOf = (): Counts => ({
  byKind: {},
  statuses: {},
  cache: 0,
  d1: 0,
  d1AfterWarmup: 0,
  d1ByKind: {},
  d1AfterWarmupByKind: {},
  unlabelled: 0,
  d1Ms: [],
  newStoriesViewed: new Set(),
});

/** Reads before this many seconds into a phase count as warm-up: the first fill of each entry. */
const WARMUP_SECONDS = 5;

// A fixed seed: two runs replay the same sequence of picks.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Story {
  slug: string;
  cards: string[];
}

type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };

export class Mix {
  private readonly random = mulberry32(15);
  private readonly hot: Story[] = [];
  private readonly fresh: string[] = [];
  private created = 0;
  private n = 0;

  private readonly origin: string;
  private readonly token: string;

  constructor(origin: string, token: string) {
    this.origin = origin;
    this.token = token;
  }

  /** The hot stories, with their og and x cards fetched once (rendered now, so the run measures serving them). */
  async createHotStories(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${this.origin}/api/stories`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(this.storyBody(`hot-${i}`)),
      });
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`POST /api/stories: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { slug: string; cardUrls: Record<string, string> };
      const cards = ['og', 'x'].flatMap((s) => (body.cardUrls[s] ? [new URL(body.cardUrls[s]).pathname] : []));
      for (const card of cards) await (await fetch(`${this.origin}${card}`)).arrayBuffer();
      this.hot.push({ slug: body.slug, cards });
    }
  }

  private storyBody(tag: string) {
    this.n += 1;
    return {
      headline: `Load test ${tag}: a story everyone shares, read by every crawler and tapped by every reader`,
      quote: 'The share page is read from the edge cache; the database is read once per location.',
      quoteAuthor: 'A. Load',
      siteName: 'Load Dispatch',
      url: `https://news.example.org/load/${Date.now()}-${tag}-${this.n}`,
    };
  }

  private pickHot(): Story {
    let r = this.random();
    for (let i = 0; i < this.hot.length; i++) {
      r -= HOT_WEIGHTS[i] ?? 0;
      if (r < 0) return this.hot[i]!;
    }
    return this.hot[0]!;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private view(req: Req, context: Record<string, unknown>, kind: Kind, slug: string, ua: string): Req {
    context.kind = kind;
    context.slug = slug;
    context.sentAt = performance.now();
    req.method = 'GET';
    req.path = `/s/${slug}`;
    req.headers = { 'user-agent': ua };
    req.body = undefined;
    return req;
  }

  crawlerOfFirst(req: Req, context: Record<string, unknown>): Req {
    return this.view(req, context, 'crawler', this.hot[0]!.slug, this.pick(CRAWLERS));
  }

  personOfFirst(req: Req, context: Record<string, unknown>): Req {
    return this.view(req, context, 'person', this.hot[0]!.slug, this.pick(PEOPLE));
  }

  next(req: Req, context: Record<string, unknown>): Req {
    const r = this.random();
    let edge = SHARE_OF.create;
    if (r < edge && this.created < MAX_CREATIONS) {
      this.created += 1;
      context.kind = 'create';
      context.sentAt = performance.now();
      req.method = 'POST';
      req.path = '/api/stories';
      req.headers = { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
      req.body = JSON.stringify(this.storyBody('new'));
      return req;
    }
    edge += SHARE_OF.newStoryView;
    if (r < edge && this.fresh.length) {
      const slug = this.pick(this.fresh);
      return this.random() < 0.5
        ? this.view(req, context, 'new-crawler', slug, this.pick(CRAWLERS))
        : this.view(req, context, 'new-person', slug, this.pick(PEOPLE));
    }
    edge += SHARE_OF.crawler;
    if (r < edge) return this.view(req, context, 'crawler', this.pickHot().slug, this.pick(CRAWLERS));
    edge += SHARE_OF.person;
    if (r < edge) return this.view(req, context, 'person', this.pickHot().slug, this.pick(PEOPLE));
    context.kind = 'card';
    context.sentAt = performance.now();
    req.method = 'GET';
    req.path = this.pick(this.pickHot().cards);
    req.headers = { 'user-agent': this.pick(CRAWLERS) };
    req.body = undefined;
    return req;
  }

  record(
    counts: Counts,
    status: number,
    body: string,
    context: Record<string, unknown>,
    headers: Record<string, string>,
    phaseStartedAt: number,
  ): void {
    const kind = String(context.kind);
    const latencies = counts.byKind[kind] ?? [];
    latencies.push(performance.now() - Number(context.sentAt));
    counts.byKind[kind] = latencies;
    counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
    if (kind === 'create' && (status === 201 || status === 200)) {
      this.fresh.push((JSON.parse(body) as { slug: string }).slug);
      return;
    }
    if (!['crawler', 'person', 'new-crawler', 'new-person'].includes(kind)) return;
    if (kind.startsWith('new-')) counts.newStoriesViewed.add(`${String(context.slug)} ${kind}`);
    // Raw header names, as the server spelled them.
    const timing = String(Object.entries(headers).find(([k]) => k.toLowerCase() === 'server-timing')?.[1] ?? '');
    if (timing === 'cache') counts.cache += 1;
    else if (timing.startsWith('d1')) {
      counts.d1 += 1;
      counts.d1ByKind[kind] = (counts.d1ByKind[kind] ?? 0) + 1;
      counts.d1Ms.push(Number(/dur=([\d.]+)/.exec(timing)?.[1] ?? Number.NaN));
      if (Date.now() - phaseStartedAt > WARMUP_SECONDS * 1000) {
        counts.d1AfterWarmup += 1;
        counts.d1AfterWarmupByKind[kind] = (counts.d1AfterWarmupByKind[kind] ?? 0) + 1;
      }
    } else {
      // A build without the share cache says nothing: every such view read D1.
      counts.unlabelled += 1;
      counts.d1 += 1;
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor(s.length / 2)]! * 10) / 10 : 0;
};

export function summarize(title: string, seconds: number, r: Result, counts: Counts) {
  const shareViews = counts.cache + counts.d1;
  return {
    title,
    seconds,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0,
    errors: r.errors + r.timeouts,
    statuses: counts.statuses,
    byKind: Object.fromEntries(Object.entries(counts.byKind).map(([k, v]) => [k, { n: v.length, p50: median(v) }])),
    shareViews,
    d1: counts.d1,
    d1AfterWarmup: counts.d1AfterWarmup,
    d1ByKind: counts.d1ByKind,
    d1AfterWarmupByKind: counts.d1AfterWarmupByKind,
    warmupSeconds: WARMUP_SECONDS,
    d1Share: shareViews ? counts.d1 / shareViews : 0,
    unlabelled: counts.unlabelled,
    d1MsMedian: median(counts.d1Ms),
    newStoriesViewed: counts.newStoriesViewed.size,
  };
}

/**
 * docs/SCALE.md's model at one location: each (story, variant) entry is read from D1 when it is missing, so once per
 * TTL window it is viewed in, plus the views that arrive while the first read is in flight (the Cache API does not
 * collapse concurrent misses: at most one per other connection). A new story's entries are filled on first view.
 */
export function predictD1Reads(p: {
  seconds: number;
  ttl: number;
  hotStories: number;
  variants: number;
  prefilled: number;
  newStoriesViewed: number;
  connections: number;
}) {
  if (p.ttl <= 0) return { reads: Number.NaN, explain: 'SHARE_CACHE_TTL 0: every view reads D1' };
  const windows = Math.ceil(p.seconds / p.ttl);
  const fills = p.hotStories * p.variants * windows - p.prefilled + p.newStoriesViewed;
  const slop = (p.connections - 1) * (p.hotStories * p.variants - p.prefilled);
  return {
    reads: fills,
    upTo: fills + slop,
    explain: `${p.hotStories} stories × ${p.variants} variants × ${windows} TTL window(s) − ${p.prefilled} already kept + ${p.newStoriesViewed} first views of new stories; up to ${fills + slop} if concurrent first misses overlap`,
  };
}
