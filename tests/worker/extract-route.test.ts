// POST /api/extract and article input on POST /api/stories, inside workerd: success, auth, and clear 4xx for bad input.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { StoryStore } from '../../src/storage/stories.ts';
import ecb from '../fixtures/articles/en-ecb-jsonld.html?raw';
import seed from '../fixtures/articles/en-seed-altman-twitter.txt?raw';
import { api, call, TOKEN } from './helpers.ts';

const extract = (body: BodyInit | null, type: string | null, query = '', headers: Record<string, string> = {}) =>
  call(`/api/extract${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, ...(type ? { 'Content-Type': type } : {}), ...headers },
    body,
  });

const SEED = {
  headline: 'Sam Altman Rejects Elon Musk’s $97.4 Billion OpenAI Buyout, Jokes About Buying Twitter Instead',
  quote: 'No thank you, but we will buy Twitter for $9.74 billion if you want.',
  quoteAuthor: 'Sam Altman',
};
const ECB_URL = 'https://continentaltimes.example/economy/ecb-cuts-rates-fourth-time';
let n = 0;
const articleUrl = () => `https://tech.example/articles/${Date.now()}-${++n}`;

describe('POST /api/extract', () => {
  it('reads scraped text (text/plain) into a Story, with ?url=, and stores nothing', async () => {
    const url = articleUrl();
    const res = await extract(seed, 'text/plain; charset=utf-8', `?url=${encodeURIComponent(url)}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ...SEED, url, lang: 'en' });
    expect(await new StoryStore(env.DB).byUrl(url)).toBeNull();
  });

  it('reads an HTML page (text/html) with its own metadata, and the JSON form {html}', async () => {
    const expected = {
      headline: 'ECB cuts interest rates for fourth time this year as eurozone growth stalls',
      quoteAuthor: 'Christine Lagarde',
      siteName: 'Continental Times',
      url: ECB_URL,
      author: 'Henrik Larsen',
    };
    const html = await extract(ecb, 'text/html');
    expect(html.status).toBe(200);
    expect(await html.json()).toMatchObject(expected);
    const json = await extract(JSON.stringify({ html: ecb }), 'application/json');
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject(expected);
  });

  it('needs the bearer token', async () => {
    expect(
      (await call('/api/extract', { method: 'POST', body: seed, headers: { 'Content-Type': 'text/plain' } })).status,
    ).toBe(401);
    expect((await extract(seed, 'text/plain', '', { Authorization: `Bearer ${TOKEN}x` })).status).toBe(403);
  });

  it('415 for a content type that is not text/plain, text/html or JSON, naming what it received', async () => {
    const res = await extract(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png');
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      error: 'unsupported_media_type',
      message: 'Content-Type: expected text/plain, text/html or application/json, received "image/png"',
    });
    // Bytes without a Content-Type (a string body would get text/plain by default).
    expect((await extract(new TextEncoder().encode(seed), null)).status).toBe(415);
  });

  it('400 for binary data sent as text, naming the body', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00]);
    const res = await extract(png, 'text/plain');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_request',
      issues: [{ path: 'body', received: 'binary data' }],
    });
    // Valid UTF-8 that is still binary (control bytes).
    const controls = await extract('\u0001\u0002\u0003\u0004'.repeat(100), 'text/plain');
    expect(controls.status).toBe(400);
    expect(((await controls.json()) as { message: string }).message).toMatch(
      /^body: expected UTF-8 article text, received binary data/,
    );
  });

  it('400 for an empty or blank body, naming the body', async () => {
    for (const body of ['', '   \n\t ']) {
      const res = await extract(body, 'text/plain');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', issues: [{ path: 'body' }] });
    }
    const html = await extract('', 'text/html');
    expect(((await html.json()) as { message: string }).message).toMatch(
      /^body: expected article HTML, received an empty string/,
    );
  });

  it('413 for 10 MB, by Content-Length or by counting a streamed body', async () => {
    const big = 'Lorem ipsum dolor sit amet. '.repeat(375_000); // ≈ 10 MB
    const declared = await extract(big, 'text/plain');
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({
      error: 'payload_too_large',
      message: expect.stringMatching(/^body: expected at most 2097152 bytes/),
    });
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65536) controller.enqueue(bytes.slice(i, i + 65536));
        controller.close();
      },
    });
    const streamed = await extract(stream, 'text/plain');
    expect(streamed.status).toBe(413);
  });

  it('400 for a ?url= that is not http(s), and for JSON with both text and html', async () => {
    const bad = await extract(seed, 'text/plain', '?url=ftp%3A%2F%2Ffiles.example%2Fa');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^url: expected an absolute http\(s\) URL/);
    const both = await extract(JSON.stringify({ text: seed, html: ecb }), 'application/json');
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ issues: [{ path: 'text', received: 'both' }] });
    const wrongType = await extract(JSON.stringify({ text: 42 }), 'application/json');
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ issues: [{ path: 'text' }] });
  });
});

describe('POST /api/stories with an article', () => {
  it('{article, url}: extracts headline, quote and speaker, then stores the story', async () => {
    const url = articleUrl();
    const res = await api('', 'POST', { article: seed, url });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; story: Record<string, unknown> };
    expect(body.story).toMatchObject({ ...SEED, url });
    expect((await new StoryStore(env.DB).get(body.id))?.story).toMatchObject(SEED);
  });

  it('{html}: the page canonical is the url; explicit fields override extraction, quote: null drops quote and speaker', async () => {
    const res = await api('', 'POST', { html: ecb, headline: 'ECB cuts again', quote: null, tags: ['ECB'] });
    expect([200, 201]).toContain(res.status);
    const { story } = (await res.json()) as { story: Record<string, unknown> };
    expect(story).toMatchObject({
      headline: 'ECB cuts again',
      url: ECB_URL,
      siteName: 'Continental Times',
      tags: ['ECB'],
    });
    expect(story.quote).toBeUndefined();
    expect(story.quoteAuthor).toBeUndefined();

    const url = articleUrl();
    const override = await api('', 'POST', { article: seed, url, quoteAuthor: 'S. Altman', siteName: 'Tech Dispatch' });
    expect(override.status).toBe(201);
    const overridden = ((await override.json()) as { story: Record<string, unknown> }).story;
    expect(overridden).toMatchObject({
      headline: SEED.headline,
      quote: SEED.quote,
      quoteAuthor: 'S. Altman',
      siteName: 'Tech Dispatch',
    });
    // The caller named the speaker itself: extraction's confidence in its own guess does not travel with that name.
    expect(overridden.speakerConfidence).toBeUndefined();
  });

  it('400s name the article field: empty, not a string, binary, both forms, no url', async () => {
    const cases: Array<[unknown, RegExp, string]> = [
      [{ article: '', url: articleUrl() }, /^article: expected article text, received an empty string/, 'article'],
      [{ article: 42, url: articleUrl() }, /^article: expected a string, received number/, 'article'],
      [
        { article: '\u0000\u0001binary', url: articleUrl() },
        /^article: expected UTF-8 article text, received binary data/,
        'article',
      ],
      [{ article: seed, html: ecb }, /^article: expected either/, 'article'],
      [{ article: seed }, /^url: expected the absolute http\(s\) URL of the article/, 'url'],
      [{ article: seed, url: 'not a url' }, /^url: expected an absolute http\(s\) URL/, 'url'],
    ];
    for (const [body, message, path] of cases) {
      const res = await api('', 'POST', body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      const json = (await res.json()) as { message: string; issues?: Array<{ path: string }> };
      expect(json.message).toMatch(message);
      if (json.issues) expect(json.issues[0]?.path).toBe(path);
    }
  });

  it('413 for an article over 2 MB, naming the article; a plain story still has the 64 KB limit', async () => {
    const res = await api('', 'POST', {
      article: `Headline of a long one\n\n${'Words and more words. '.repeat(110_000)}`,
      url: articleUrl(),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/^article: expected at most 2097152 bytes/);
    const plain = await api('', 'POST', { headline: 'x', url: articleUrl(), padding: 'x'.repeat(70_000) });
    expect(plain.status).toBe(413);
  });
});

it('GET /openapi.json documents /api/extract, the article form of POST /api/stories and GET /api/feeds', async () => {
  const doc = (await (await call('/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, unknown> }; parameters?: { name: string }[] }>
    >;
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  };
  const extractPost = doc.paths['/api/extract']!.post!;
  expect(Object.keys(extractPost.requestBody!.content)).toEqual(['text/plain', 'text/html', 'application/json']);
  expect(extractPost.parameters?.map((p) => p.name)).toEqual(['url']);
  expect(Object.keys(doc.components.schemas.StoryArticleWrite!.properties)).toEqual(
    expect.arrayContaining(['article', 'html', 'headline', 'url']),
  );
  expect(Object.keys(doc.components.schemas.FeedList!.properties)).toEqual(['items']);
  expect(doc.paths['/api/feeds']!.get).toBeDefined();
});
