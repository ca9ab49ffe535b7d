// Share pages from the Workers Cache inside workerd: D1 read once, edits and deletions seen at once, people redirected.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it, vi } from 'vitest';
import worker from '../../src/index.ts';
import { edgeCache } from '../../src/storage/cards.ts';
import { deploymentOf, shareCacheKey } from '../../src/storage/share-cache.ts';
import { FAKE_CLOUDFLARE_TOKEN, FAKE_CLOUDFLARE_ZONE } from '../fakes/cloudflare-ids.ts';
import { BASE, createStory, type StoryBody, TOKEN } from './helpers.ts';

const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
const PEOPLE = [
  SAFARI,
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
];
const CRAWLERS = [
  'Twitterbot/1.0',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'TelegramBot (like TwitterBot)',
  'WhatsApp/2.23.20.0 A',
  // iMessage's link previews
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
];
const TWITTERBOT = CRAWLERS[0]!;
const CAMPAIGN = 'utm_source=storycard&utm_medium=share';

type Settings = Partial<Record<string, unknown>>;

/** Through the Worker's own entry, waiting for its after-response work (the cache write) like the next view would. */
async function fetchWorker(path: string, init: RequestInit = {}, settings: Settings = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const e = Object.keys(settings).length ? ({ ...env, ...settings } as Env) : env;
  const res = await worker.fetch(new Request(`${BASE}${path}`, init), e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function view(slug: string, ua = TWITTERBOT, settings: Settings = {}, query = '') {
  const res = await fetchWorker(`/s/${slug}${query}`, { headers: { 'User-Agent': ua } }, settings);
  const text = await res.text();
  const { document } = parseHTML(text);
  const meta = (key: string) =>
    document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
  return { res, text, document, meta, timing: res.headers.get('Server-Timing') ?? '' };
}

const edit = (s: StoryBody, changes: Record<string, unknown>, settings: Settings = {}) =>
  fetchWorker(
    `/api/stories/${s.id}`,
    {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...s.story, ...changes }),
    },
    settings,
  );

/** Change the stored story without the Worker knowing: only a view that reads D1 can see it. */
async function behindTheWorkersBack(id: string, field: 'headline' | 'url', value: string) {
  const { meta } = await env.DB.prepare(`UPDATE stories SET story = json_set(story, '$.${field}', ?) WHERE id = ?`)
    .bind(value, id)
    .run();
  expect(meta.changes).toBe(1);
}

describe('share pages from the edge cache', () => {
  it('serves a second view from the cache without reading D1, for crawlers and for people', async () => {
    const s = await createStory({ headline: 'Cached at the edge' });
    const first = await view(s.slug);
    expect(first.res.status).toBe(200);
    expect(first.timing).toMatch(/^d1;dur=\d+(\.\d+)?$/);
    const firstPerson = await view(s.slug, SAFARI);
    expect(firstPerson.res.status).toBe(302);
    expect(firstPerson.timing).toMatch(/^d1;dur=/);

    await behindTheWorkersBack(s.id, 'headline', 'Changed behind the Worker’s back');
    await behindTheWorkersBack(s.id, 'url', 'https://elsewhere.example/changed');

    for (const ua of CRAWLERS) {
      const again = await view(s.slug, ua);
      expect(again.timing, ua).toBe('cache');
      expect(again.meta('og:title'), ua).toBe('Cached at the edge');
      expect(again.text, ua).toBe(first.text);
    }
    for (const ua of PEOPLE) {
      const again = await view(s.slug, ua);
      expect(again.timing, ua).toBe('cache');
      expect(again.res.headers.get('Location'), ua).toBe(s.story.url);
    }
  });

  it('keeps crawlers and people apart: whoever comes first, each gets their own answer', async () => {
    const s = await createStory();
    expect((await view(s.slug, SAFARI)).res.status).toBe(302);
    const crawler = await view(s.slug, TWITTERBOT);
    expect(crawler.res.status).toBe(200);
    expect(crawler.timing).toMatch(/^d1;/);
    expect(crawler.res.headers.get('Location')).toBeNull();
    expect(crawler.meta('og:title')).toBe(s.story.headline);
    const person = await view(s.slug, SAFARI);
    expect(person.res.status).toBe(302);
    expect(person.timing).toBe('cache');
  });

  it('shows an edited headline and a moved article at once (PUT purges)', async () => {
    const s = await createStory({ headline: 'Before the correction' });
    await view(s.slug);
    await view(s.slug, SAFARI);
    expect((await view(s.slug)).timing).toBe('cache');

    const put = await edit(s, { headline: 'After the correction', url: `${s.story.url}-corrected` });
    expect(put.status).toBe(200);

    const crawler = await view(s.slug);
    expect(crawler.timing).toMatch(/^d1;/);
    expect(crawler.meta('og:title')).toBe('After the correction');
    expect(crawler.document.querySelector('h1')?.textContent).toBe('After the correction');
    const person = await view(s.slug, SAFARI);
    expect(person.res.headers.get('Location')).toBe(`${s.story.url}-corrected`);
  });

  it('answers a deleted story with 404 at once, to crawlers and people', async () => {
    const s = await createStory();
    await view(s.slug);
    await view(s.slug, SAFARI);
    expect((await view(s.slug)).timing).toBe('cache');

    const del = await fetchWorker(`/api/stories/${s.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(del.status).toBe(204);

    for (const ua of [TWITTERBOT, SAFARI]) {
      const gone = await view(s.slug, ua);
      expect(gone.res.status, ua).toBe(404);
      expect(gone.res.headers.get('Location'), ua).toBeNull();
      expect(gone.document.querySelector('h1')?.textContent, ua).toBe('Story not found');
      // And the 404 is kept too: a retracted viral story's crawlers do not each read D1.
      expect((await view(s.slug, ua)).timing, ua).toBe('cache');
    }
  });

  it('starts a new deployment from an empty cache (its templates and markup may differ)', async () => {
    const s = await createStory();
    await view(s.slug);
    expect((await view(s.slug)).timing).toBe('cache');
    const next = { CF_VERSION_METADATA: { id: 'the-next-deployment', tag: '', timestamp: new Date().toISOString() } };
    expect((await view(s.slug, TWITTERBOT, next)).timing).toMatch(/^d1;/);
    expect((await view(s.slug, TWITTERBOT, next)).timing).toBe('cache');
  });

  it('reads D1 on every view when SHARE_CACHE_TTL is 0', async () => {
    const s = await createStory();
    for (let i = 0; i < 3; i++)
      expect((await view(s.slug, TWITTERBOT, { SHARE_CACHE_TTL: '0' })).timing).toMatch(/^d1;/);
  });
});

describe('people are sent on with a 302; crawlers keep their tags', () => {
  it('redirects people to the article with SHARE_REDIRECT_QUERY, and the share link’s own utm_* win', async () => {
    const s = await createStory({ url: `https://news.example.org/a/${Date.now()}-redirect?id=7&utm_source=cms` });
    const settings = { SHARE_REDIRECT_QUERY: CAMPAIGN };
    for (const ua of PEOPLE) {
      const { res, text, document } = await view(s.slug, ua, settings);
      expect(res.status, ua).toBe(302);
      const to = new URL(res.headers.get('Location') ?? '');
      expect(`${to.origin}${to.pathname}`, ua).toBe(s.story.url?.toString().split('?')[0]);
      expect(to.searchParams.get('id'), ua).toBe('7');
      // The article's own parameter is kept; the setting adds what is missing.
      expect(to.searchParams.get('utm_source'), ua).toBe('cms');
      expect(to.searchParams.get('utm_medium'), ua).toBe('share');
      expect(document.querySelector('a')?.getAttribute('href'), ua).toBe(to.href);
      expect(new TextEncoder().encode(text).byteLength, ua).toBeLessThan(400);
    }
    const plain = await createStory();
    const tagged = await view(plain.slug, SAFARI, settings, '?utm_source=newsletter&utm_campaign=monday&ref=x');
    const to = new URL(tagged.res.headers.get('Location') ?? '');
    expect(to.searchParams.get('utm_source')).toBe('newsletter');
    expect(to.searchParams.get('utm_campaign')).toBe('monday');
    expect(to.searchParams.get('utm_medium')).toBe('share');
    expect(to.searchParams.has('ref')).toBe(false);
    // Without the setting, people go to the article exactly as stored.
    expect((await view(plain.slug, SAFARI)).res.headers.get('Location')).toBe(plain.story.url);
  });

  it('gives every crawler the same page, with no campaign parameters anywhere in it', async () => {
    const s = await createStory();
    const reference = await view(s.slug, TWITTERBOT);
    for (const ua of CRAWLERS) {
      for (const query of ['', '?utm_source=newsletter']) {
        const c = await view(s.slug, ua, { SHARE_REDIRECT_QUERY: CAMPAIGN }, query);
        expect(c.res.status, ua).toBe(200);
        expect(c.res.headers.get('Location'), ua).toBeNull();
        expect(c.text, ua).toBe(reference.text);
        expect(c.text, ua).not.toContain('utm_');
        expect(c.meta('og:url'), ua).toBe(s.shareUrl);
        expect(c.document.querySelector('link[rel="canonical"]')?.getAttribute('href'), ua).toBe(s.story.url);
        expect(c.document.querySelector('meta[http-equiv="refresh"]'), ua).toBeNull();
      }
    }
  });
});

describe('the global purge (CLOUDFLARE_ZONE_ID + CLOUDFLARE_PURGE_TOKEN)', () => {
  const api = inject('fakeCloudflareUrl');
  const settings = {
    CLOUDFLARE_ZONE_ID: FAKE_CLOUDFLARE_ZONE,
    CLOUDFLARE_PURGE_TOKEN: FAKE_CLOUDFLARE_TOKEN,
    CLOUDFLARE_API_BASE_URL: api,
  };
  const purgedTags = async () =>
    ((await (await fetch(`${api}/__state`)).json()) as { purges: Array<{ tags: string[] }> }).purges.flatMap(
      (p) => p.tags,
    );

  it('tags each kept page and purges the tag at every location on PUT and DELETE', async () => {
    const s = await createStory();
    await view(s.slug, TWITTERBOT, settings);
    const kept = await edgeCache()?.match(shareCacheKey(BASE, s.slug, 'crawler', deploymentOf(env)));
    expect(kept?.headers.get('Cache-Tag')).toBe(`storycard-share-${s.slug}`);
    // Kept ten minutes once every location can be told about an edit (a minute without).
    expect(kept?.headers.get('Cache-Control')).toBe('public, max-age=600');

    expect((await edit(s, { headline: 'Purged everywhere' }, settings)).status).toBe(200);
    expect(await purgedTags()).toContain(`storycard-share-${s.slug}`);
    const before = (await purgedTags()).length;
    const del = await fetchWorker(
      `/api/stories/${s.id}`,
      { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } },
      settings,
    );
    expect(del.status).toBe(204);
    expect((await purgedTags()).slice(before)).toEqual([`storycard-share-${s.slug}`]);
  });

  it('still saves the edit and shows it here when Cloudflare’s API fails, and logs the failure', async () => {
    const s = await createStory({ headline: 'Before the outage' });
    await view(s.slug, TWITTERBOT, settings);
    await fetch(`${api}/__fault`, { method: 'POST', body: JSON.stringify({ mode: '503' }) });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect((await edit(s, { headline: 'During the outage' }, settings)).status).toBe(200);
      expect(log).toHaveBeenCalledWith(expect.stringContaining(`purging storycard-share-${s.slug} failed: HTTP 503`));
    } finally {
      log.mockRestore();
    }
    expect((await view(s.slug, TWITTERBOT, settings)).meta('og:title')).toBe('During the outage');
  });
});
