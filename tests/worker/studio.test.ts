// The studio inside workerd: the page and its headers, and the token-protected preview API a designer's browser calls.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../src/render/index.ts';
import { DEMO_STORY, parseStory } from '../../src/story/schema.ts';
import { studioWarnings } from '../../src/studio/warnings.ts';
import { registry as templates } from '../../templates/index.ts';
import { SAMPLES } from '../../templates/samples.ts';
import { BASE, call, TOKEN } from './helpers.ts';
import { pngSize } from './png.ts';

interface Issue {
  path: string;
  expected: string;
  received: string;
}
interface PreviewBody {
  svg: string;
  report: {
    template: string;
    size: string;
    width: number;
    height: number;
    bytes: number;
    fields: Record<string, { fontSize: number; lines: number; truncated: boolean; text: string; lineTexts: string[] }>;
  };
  warnings: { code: string; field: string; message: string }[];
}

function post(path: string, body: unknown, token: string | null = TOKEN) {
  return call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

const preview = (body: unknown, token?: string | null) => post('/studio/api/preview', body, token);

describe('GET /studio', () => {
  it('serves the studio page with a strict CSP and no inline script or style', async () => {
    const res = await call('/studio');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<title>storycard studio</title>');
    // Every script is external (the CSP would block an inline one), and no element carries a style attribute.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="\/studio\/studio\.js\?v=\w+"/);
    expect(html).not.toMatch(/\sstyle="/);
    // Every form control the designer types into has a label.
    const controls = (html.match(/<(?:input|textarea|select)\b[^>]*>/g) ?? []).filter((t) => !/type="radio"/.test(t));
    expect(controls.length).toBeGreaterThan(10);
    for (const tag of controls) {
      if (tag.includes('aria-label=')) continue;
      const id = /\sid="([^"]+)"/.exec(tag)?.[1];
      expect(html, tag).toContain(`for="${id}"`);
    }
  });

  it('serves its script and stylesheet, and a script that never writes markup from strings', async () => {
    const js = await call('/studio/studio.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = await js.text();
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    const css = await call('/studio/studio.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = await call('/studio/fonts/inter-400.woff');
    expect(font.status).toBe(200);
    expect(String.fromCharCode(...new Uint8Array(await font.arrayBuffer()).slice(0, 4))).toBe('wOFF');
    expect((await call('/studio/fonts/..%2Fwrangler.toml')).status).toBe(404);
  });

  it('brings every face its stylesheets name, so no machine substitutes its own', async () => {
    const res = await call('/studio/fonts.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const css = await res.text();
    const declared = new Set([...css.matchAll(/font-family: "([^"]+)"/g)].map((m) => m[1]));
    // Every family the studio's own stylesheet asks for (its font stacks) is declared here, and nothing generic.
    const studioCss = await (await call('/studio/studio.css')).text();
    const stacks = [...studioCss.matchAll(/--(?:scripts|ui|serif|mono):([^;]+);|font-family:([^;]+);/g)].map(
      (m) => m[1] ?? m[2]!,
    );
    const asked = new Set(
      stacks.flatMap((stack) => [...stack.matchAll(/"([^"]+)"|\b([a-z-]+)\b(?![-(])/gi)]).map((m) => m[1] ?? m[2]!),
    );
    for (const name of ['var', 'ui', 'scripts', 'serif', 'mono']) asked.delete(name);
    expect([...asked].filter((family) => !declared.has(family))).toEqual([]);
    expect(asked).toContain('Arimo');
    expect(asked).toContain('Lato');
    // Each face is served: a studio face (woff2), a card face, a CJK slice; manifests and licences are not.
    const faces = [...css.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]!);
    for (const url of [
      faces.find((u) => u.includes('/studio/fonts/studio/arimo-latin-400.woff2')),
      faces.find((u) => u.endsWith('/inter-700.woff')),
      faces.find((u) => u.includes('/cjk/jp/')),
    ]) {
      expect(url).toBeDefined();
      const font = await call(url!);
      expect(font.status, url).toBe(200);
      const magic = String.fromCharCode(...new Uint8Array(await font.arrayBuffer()).slice(0, 4));
      expect(magic).toBe(url!.endsWith('.woff2') ? 'wOF2' : 'wOFF');
    }
    for (const path of ['index.json', 'studio/index.json', 'LICENSES/inter.txt', 'cjk/jp.json']) {
      expect((await call(`/studio/fonts/${path}`)).status, path).toBe(404);
    }
  });
});

describe('the preview API', () => {
  it('needs the API token: 401 without it, 403 with a wrong one, for every endpoint', async () => {
    expect((await preview({ headline: 'x' }, null)).status).toBe(401);
    expect((await preview({ headline: 'x' }, 'not-the-token')).status).toBe(403);
    expect((await post('/studio/api/sign', { headline: 'x' }, null)).status).toBe(401);
    expect((await call('/studio/api/catalog')).status).toBe(401);
    expect((await call('/studio/api/gallery')).status).toBe(401);
  });

  it('renders the SVG with its layout report and warnings', async () => {
    const res = await preview({ ...DEMO_STORY, template: 'quote', size: 'x' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    // Where the preview's time went, for devtools and bench:studio: each part named, with its duration.
    expect(res.headers.get('server-timing')).toMatch(
      /^parse;dur=[\d.]+, compose;dur=[\d.]+, draw;dur=[\d.]+, answer;desc="warnings and JSON";dur=[\d.]+, total;dur=[\d.]+$/,
    );
    const body = (await res.json()) as PreviewBody;
    expect(body.svg).toMatch(/^<svg width="1200" height="600" viewBox="0 0 1200 600"/);
    expect(body.report).toMatchObject({ template: 'quote', size: 'x', width: 1200, height: 600 });
    expect(body.report.fields.headline!.fontSize).toBeGreaterThan(20);
    expect(body.report.fields.headline!.truncated).toBe(false);
    expect(body.report.fields.quote!.lines).toBeGreaterThan(0);
    // What was drawn: the quote with its marks, and each field's lines in order.
    expect(body.report.fields.quote!.text).toBe(`“${DEMO_STORY.quote}”`);
    expect(body.report.fields.headline!.lineTexts.join(' ')).toBe(DEMO_STORY.headline);
    expect(body.report.fields.quoteAuthor!.text).toBe(`— ${DEMO_STORY.quoteAuthor}`);
    expect(body.report.fields.siteName!.lineTexts).toEqual([DEMO_STORY.siteName.toUpperCase()]);
    expect(body.report.bytes).toBeGreaterThan(1000);
    expect(body.warnings).toEqual([]);
  });

  it('reports a French quote that arrives in its guillemets drawn once, in the PNG header too', async () => {
    const story = { headline: 'Le Sénat adopte la réforme', quote: '« Nous avons tenu bon »', lang: 'fr' };
    const body = (await (await preview({ ...story, template: 'quote', size: 'story' })).json()) as PreviewBody;
    expect(body.report.fields.quote!.text).toBe('«\u00a0Nous avons tenu bon\u00a0»');
    const res = await preview({ ...story, template: 'quote', size: 'story', format: 'png' });
    const header = JSON.parse(res.headers.get('x-storycard-report')!);
    expect(header.fields.quote.lineTexts).toEqual(body.report.fields.quote!.lineTexts);
    await res.body?.cancel();
  });

  it('renders the PNG on demand, at the size asked for, with the report in a header', async () => {
    const res = await preview({ headline: 'A square card', template: 'headline', size: 'square', format: 'png' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="headline-square.png"');
    const png = new Uint8Array(await res.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1080, height: 1080 });
    const report = JSON.parse(res.headers.get('x-storycard-report')!);
    expect(report).toMatchObject({ template: 'headline', size: 'square', bytes: png.byteLength });
  });

  it('draws hostile text as glyphs: nothing from the story comes back as markup', async () => {
    const res = await preview({
      headline: '<script>alert(1)</script> "><img src=x onerror=alert(2)>',
      template: 'headline',
    });
    const { svg } = (await res.json()) as PreviewBody;
    expect(svg).not.toMatch(/<script|<img|onerror/i);
  });

  it('warns about a low-contrast brand colour and truncated text', async () => {
    const max = SAMPLES.find((s) => s.id === 'max')!.story;
    const res = await preview({ ...max, template: 'quote', size: 'x', theme: { brandColor: '#FFFF66' } });
    const { warnings, report } = (await res.json()) as PreviewBody;
    expect(report.fields.quote!.truncated).toBe(true);
    expect(warnings.find((w) => w.code === 'truncated')).toMatchObject({ field: 'quote' });
    const contrast = warnings.find((w) => w.code === 'contrast');
    expect(contrast).toMatchObject({ field: 'brandColor' });
    expect(contrast!.message).toMatch(/#FFFF66 .* is 1\.\d\d:1, below WCAG AA \(4\.5:1\)/);
  });

  it('warns when a template that wants a quote gets none, and when a quote goes undrawn', async () => {
    const bare = (await (await preview({ headline: 'No quote here', template: 'quote' })).json()) as PreviewBody;
    expect(bare.warnings.map((w) => w.code)).toEqual(['missing_quote']);
    const unused = (await (
      await preview({ headline: 'A quote nobody sees', quote: 'Said and lost.', template: 'headline' })
    ).json()) as PreviewBody;
    expect(unused.warnings.map((w) => w.code)).toEqual(['quote_unused']);
  });

  it('answers bad input with 400 and an issue per field, never a 500', async () => {
    const res = await preview({ headline: '', size: 'huge', theme: { brandColor: 'red', mode: 'sepia' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: Issue[] };
    const paths = body.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['headline', 'size', 'theme.brandColor', 'theme.mode']);
    expect(body.issues.find((i) => i.path === 'theme.brandColor')).toMatchObject({
      expected: 'a hex colour like #C8102E',
    });

    const unknown = await preview({ headline: 'x', template: 'nope' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { issues: Issue[] }).issues[0]).toMatchObject({ path: 'template' });

    const unsupported = await call('/studio/api/preview', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
      body: 'headline',
    });
    expect(unsupported.status).toBe(415);
    expect((await post('/studio/api/preview', [1, 2])).status).toBe(400);
  });
});

describe('signed URLs and the gallery', () => {
  it('hands out a signed /card.png URL that renders the same card', async () => {
    const res = await post('/studio/api/sign', {
      headline: 'Signed in the studio',
      template: 'headline',
      size: 'x',
      theme: { mode: 'dark' },
    });
    expect(res.status).toBe(200);
    const { url } = (await res.json()) as { url: string };
    expect(url).toMatch(/^https:\/\/cards\.example\.com\/card\.png\?.*&sig=[\w-]{43}$/);
    const parsed = new URL(url);
    expect(parsed.searchParams.get('theme')).toBe('dark');
    const card = await call(`${parsed.pathname}${parsed.search}`);
    expect(card.status).toBe(200);
    expect(pngSize(new Uint8Array(await card.arrayBuffer()))).toEqual({ width: 1200, height: 600 });
  });

  it('signs an expiring URL when asked (expiresIn seconds), and 400s a lifetime that is not whole seconds', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await post('/studio/api/sign', { headline: 'Signed for an hour', expiresIn: 3600 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; expiresAt: number };
    const exp = Number(new URL(body.url).searchParams.get('exp'));
    expect(exp).toBe(body.expiresAt);
    expect(exp - before).toBeGreaterThanOrEqual(3600);
    expect(exp - before).toBeLessThanOrEqual(3601);
    const parsed = new URL(body.url);
    const card = await call(`${parsed.pathname}${parsed.search}`);
    expect(card.status).toBe(200);
    expect(Number(/max-age=(\d+)/.exec(card.headers.get('Cache-Control') ?? '')?.[1])).toBeLessThanOrEqual(3600);
    await card.arrayBuffer();

    const never = (await (await post('/studio/api/sign', { headline: 'Forever', expiresIn: null })).json()) as {
      url: string;
    };
    expect(new URL(never.url).searchParams.has('exp')).toBe(false);
    const bad = await post('/studio/api/sign', { headline: 'x', expiresIn: '1h' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ issues: [{ path: 'expiresIn', received: '"1h"' }] });
  });

  it('lists every template × size as signed tiles of sample stories, and refuses forged ones', async () => {
    const catalog = (await (
      await call('/studio/api/catalog', { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json()) as {
      templates: { name: string; sizes: string[] }[];
    };
    const res = await call('/studio/api/gallery?sample=long&theme=dark', {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    const { tiles } = (await res.json()) as { tiles: { template: string; size: string; url: string }[] };
    expect(tiles.map((t) => `${t.template}/${t.size}`).sort()).toEqual(
      catalog.templates.flatMap((t) => t.sizes.map((s) => `${t.name}/${s}`)).sort(),
    );
    const tile = tiles.find((t) => t.template === 'quote' && t.size === 'og')!;
    const png = await call(tile.url);
    expect(png.status).toBe(200);
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    // Changing any signed parameter (here, the sample) breaks the signature.
    expect((await call(tile.url.replace('sample=long', 'sample=short'))).status).toBe(403);
    expect((await call('/studio/gallery.png?template=quote&size=og&sample=demo')).status).toBe(403);
    const bad = await call('/studio/api/gallery?sample=nope', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(bad.status).toBe(400);
  });

  it("draws gallery tiles in the designer's brand colour, and names a bad one", async () => {
    const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };
    const res = await call('/studio/api/gallery?sample=demo&brand=%23ffff66', auth);
    const body = (await res.json()) as { brand: string; tiles: { url: string }[] };
    expect(body.brand).toBe('#FFFF66');
    expect(new URL(body.tiles[0]!.url, BASE).searchParams.get('brand')).toBe('#FFFF66');
    const bad = await call('/studio/api/gallery?sample=demo&brand=yellow', auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: Issue[] }).issues[0]).toMatchObject({ path: 'theme.brandColor' });
  });
});

describe('studioWarnings', () => {
  const report = (bytes: number) => ({
    template: 'headline',
    size: 'og' as const,
    width: 1200,
    height: 630,
    format: 'png' as const,
    bytes,
    ms: 1,
    missingGlyphs: [],
    fields: {
      headline: { fontSize: 60, lines: 2, truncated: false, text: 'A heavy card', lineTexts: ['A heavy', 'card'] },
    },
  });
  const input = (bytes: number) => ({
    story: parseStory({ headline: 'A heavy card' }),
    theme: resolveTheme({}),
    meta: templates.get('headline').meta,
    report: report(bytes),
  });

  it("warns when the PNG is over Bluesky's 1,000,000-byte thumbnail limit, then X's 5 MB", () => {
    expect(studioWarnings(input(1_000_000))).toEqual([]);
    const bluesky = studioWarnings(input(1_000_001));
    expect(bluesky.map((w) => w.code)).toEqual(['too_large']);
    expect(bluesky[0]!.message).toContain("Bluesky's 1.00 MB limit");
    const both = studioWarnings(input(5_200_000)).map((w) => w.message);
    expect(both).toHaveLength(2);
    expect(both[0]).toContain("X's 5.00 MB limit");
  });

  it('flags mid-tone brand colours that read badly under both black and white text', () => {
    const codes = studioWarnings({ ...input(1000), theme: resolveTheme({ brandColor: '#777777' }) }).map(
      (w) => w.message,
    );
    expect(codes.some((m) => m.startsWith('Text on brand-coloured fills'))).toBe(true);
  });
});

// The token the tests use is the one the Worker was configured with (vitest.config.ts), not a default.
expect(env.API_TOKEN).toBe(TOKEN);
