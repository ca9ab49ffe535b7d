// /studio: the designers' studio page and its token-protected preview API (live renders, signed URLs, gallery tiles).
import { Hono } from 'hono';
import { z } from 'zod';
import { SAMPLES } from '../../templates/samples.ts';
import { StorycardError } from '../errors.ts';
import { getTemplate, listTemplates, resolveTheme } from '../render/index.ts';
import { isSizeName, SIZE_NAMES, SIZES, type SizeName } from '../render/types.ts';
import { parseStory, toFieldIssues } from '../story/schema.ts';
import { signedCardUrl, signParams, verifyParams } from '../story/sign.ts';
import { CLIENT_JS } from '../studio/client.ts';
import { STUDIO_HTML } from '../studio/page.ts';
import { renderForStudio } from '../studio/render.ts';
import { STUDIO_CSS } from '../studio/styles.ts';
import { studioWarnings } from '../studio/warnings.ts';
import { requireToken } from './auth.ts';
import { readJsonBody } from './body.ts';
import type { AppEnv } from './context.ts';
import { StoryWriteSchema } from './schemas.ts';

/** Strict: only our own script, styles, fonts and the blob: previews it makes; nothing inline, nothing remote. */
export const STUDIO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': STUDIO_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

// Changes whenever the Worker is rebuilt (wrangler dev restarts the isolate after a template edit), so asset and
// gallery URLs change with it and a reload never shows a stale template from the browser cache. Taken at the first
// request: workerd's clock reads 0 while a module initialises.
let boot: string | undefined;
const bootId = () => {
  boot ??= Date.now().toString(36);
  return boot;
};

/** Fonts the studio UI itself uses: the same faces as the cards, from the fonts/ assets. */
const UI_FONTS = new Set(['inter-400.woff', 'inter-600.woff', 'inter-700.woff', 'source-serif-4-700.woff']);

const PreviewSchema = StoryWriteSchema.extend({
  size: z
    .string()
    .optional()
    .refine((s) => s === undefined || isSizeName(s), { message: `one of ${SIZE_NAMES.join(', ')}` }),
  format: z.enum(['svg', 'png']).optional(),
});

async function parsePreview(input: unknown) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const message = '(body): expected a JSON object with the story fields, template, size and theme';
    throw new StorycardError('invalid_request', message, {
      issues: [
        {
          path: '(body)',
          expected: 'a JSON object',
          received: Array.isArray(input) ? 'an array' : String(input),
          message,
        },
      ],
    });
  }
  const parsed = PreviewSchema.safeParse(input);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error, input);
    throw new StorycardError('invalid_story', issues.map((i) => i.message).join('; '), { issues });
  }
  const { template, theme, size, format, ...story } = parsed.data;
  return { story, template, theme, size: (size ?? 'og') as SizeName, format: format ?? 'svg' };
}

/** The gallery's tiles are signed with a key derived from the API token: only fixed sample stories, never free text. */
const galleryKey = (apiToken: string) => `storycard-studio-gallery:${apiToken}`;
const GALLERY_TTL_S = 6 * 3600;

function headerSafeJson(value: unknown): string {
  // Header values must be ASCII; the report holds names and numbers, but escape anything else anyway.
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const studio = new Hono<AppEnv>()
  .get('/', (c) =>
    c.body(STUDIO_HTML.replaceAll('{{v}}', bootId()), 200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  )
  .get('/studio.js', (c) =>
    c.body(CLIENT_JS, 200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  )
  .get('/studio.css', (c) =>
    c.body(STUDIO_CSS, 200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  )
  .get('/fonts/:file', async (c) => {
    const file = c.req.param('file');
    if (!UI_FONTS.has(file)) throw new StorycardError('not_found', `no studio font ${JSON.stringify(file)}`);
    const res = await c.env.ASSETS.fetch(`https://assets.local/${file}`);
    if (!res.ok) throw new StorycardError('not_found', `font ${file} is missing from fonts/`);
    return new Response(res.body, {
      headers: {
        'Content-Type': 'font/woff',
        'Cache-Control': 'public, max-age=86400',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  })
  .get('/gallery.png', async (c) => {
    const params = new URL(c.req.url).searchParams;
    const token = c.var.config.apiToken;
    if (!token || !(await verifyParams(params, galleryKey(token)))) {
      throw new StorycardError('forbidden', 'sig: expected a gallery signature issued by /studio/api/gallery');
    }
    if (Number(params.get('exp')) * 1000 < Date.now()) {
      throw new StorycardError('forbidden', 'exp: this gallery link has expired; reload the studio');
    }
    const sample = SAMPLES.find((s) => s.id === params.get('sample'));
    const size = params.get('size');
    if (!sample || !isSizeName(size)) throw new StorycardError('not_found', 'no such gallery tile');
    const theme = resolveTheme({
      mode: params.get('theme') === 'dark' ? 'dark' : 'light',
      brandColor: params.get('brand') ?? undefined,
    });
    const story = parseStory(sample.story);
    const { png } = await renderForStudio({ story, template: params.get('template') ?? undefined, size, theme }, c.env);
    return new Response(png as unknown as BodyInit, {
      headers: {
        'Content-Type': 'image/png',
        // Private and short: the URL carries the isolate's build id, so a template edit gets new URLs anyway.
        'Cache-Control': 'private, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  })
  .use('/api/*', requireToken)
  .get('/api/catalog', (c) =>
    c.json({
      templates: listTemplates(),
      sizes: SIZE_NAMES.map((name) => ({ name, ...SIZES[name] })),
      samples: SAMPLES,
      signing: Boolean(c.var.config.signingSecret),
    }),
  )
  .get('/api/gallery', async (c) => {
    const sample = c.req.query('sample') ?? 'demo';
    const theme = c.req.query('theme') === 'dark' ? 'dark' : 'light';
    // Validated now (a 400 naming theme.brandColor), so every tile URL handed out can render.
    const brand = resolveTheme({ brandColor: c.req.query('brand') }).brandColor;
    if (!SAMPLES.some((s) => s.id === sample)) {
      const known = SAMPLES.map((s) => s.id).join(', ');
      const message = `sample: expected one of ${known}, received ${JSON.stringify(sample)}`;
      throw new StorycardError('invalid_request', message, {
        issues: [{ path: 'sample', expected: `one of ${known}`, received: JSON.stringify(sample), message }],
      });
    }
    // Rounded to the hour so a reload within the hour reuses the browser's cached tiles.
    const exp = String(Math.ceil(Date.now() / 3_600_000) * 3600 + GALLERY_TTL_S);
    const key = galleryKey(c.var.config.apiToken!);
    const tiles = await Promise.all(
      listTemplates().flatMap((t) =>
        t.sizes.map(async (size) => {
          const entries: [string, string][] = [
            ['template', t.name],
            ['size', size],
            ['sample', sample],
            ['theme', theme],
            ['brand', brand],
            ['v', bootId()],
            ['exp', exp],
          ];
          const query = new URLSearchParams(entries);
          query.set('sig', await signParams(entries, key));
          return { template: t.name, size, ...SIZES[size], url: `/studio/gallery.png?${query}` };
        }),
      ),
    );
    return c.json({ sample, theme, brand, tiles });
  })
  .post('/api/preview', async (c) => {
    const { story, template, theme, size, format } = await parsePreview(await readJsonBody(c));
    const meta = getTemplate(template).meta;
    const resolved = resolveTheme(theme);
    const result = await renderForStudio({ story, template, size, theme: resolved }, c.env);
    const warnings = studioWarnings({ story, theme: resolved, meta, report: result.report });
    if (format === 'png') {
      return new Response(result.png as unknown as BodyInit, {
        headers: {
          'Content-Type': 'image/png',
          'Cache-Control': 'no-store',
          'Content-Disposition': `attachment; filename="${meta.name}-${size}.png"`,
          'X-Storycard-Report': headerSafeJson(result.report),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ svg: result.svg, report: result.report, warnings, template: meta });
  })
  .post('/api/sign', async (c) => {
    const { story, template, theme, size } = await parsePreview(await readJsonBody(c));
    const secret = c.var.config.signingSecret;
    if (!secret)
      throw new StorycardError('forbidden', 'signed cards are disabled: SIGNING_SECRET is not set on the server');
    getTemplate(template); // 400 for an unknown template before handing out a URL that can only fail
    const resolved = resolveTheme(theme);
    const params: Record<string, string> = {
      headline: story.headline,
      quote: story.quote ?? '',
      quoteAuthor: story.quoteAuthor ?? '',
      siteName: story.siteName ?? '',
      author: story.author ?? '',
      lang: story.lang ?? '',
      template: template ?? '',
      size,
      theme: resolved.mode,
      brand: resolved.brandColor,
    };
    const url = await signedCardUrl(c.var.baseUrl, params, secret);
    // /card.png carries the fields above only: say so rather than hand out a URL that draws something else.
    const dropped: string[] = (['url', 'publishedAt', 'imageUrl'] as const).filter((k) => story[k]);
    if (resolved.logoUrl) dropped.push('logoUrl');
    return c.json({ url, dropped });
  });
