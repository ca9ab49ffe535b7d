// /studio: the designers' studio page and its token-protected API (live renders, the bot's posts, signed URLs, gallery tiles).
import { Hono } from 'hono';
import { SAMPLES } from '../../templates/samples.ts';
import { missingCredentials } from '../bot/accounts.ts';
import type { Platform } from '../bot/types.ts';
import { StorycardError } from '../errors.ts';
import { resolveTheme } from '../render/index.ts';
import { EXTENSION, type ImageFormat, MIME, SIZE_NAMES, SIZES } from '../render/types.ts';
import { EXPIRY_PARAM, expiryIn, signedCardUrl } from '../story/sign.ts';
import { botPostPreviews } from '../studio/bot-posts.ts';
// The browser script, bundled from src/studio/client/*.ts by scripts/build-studio.mjs (wrangler's [build] runs it).
import CLIENT_JS from '../studio/built/client.js';
import { studioFonts } from '../studio/fonts.ts';
import { bootId, galleryTile, galleryTiles } from '../studio/gallery.ts';
import { STUDIO_HTML } from '../studio/page.ts';
import { STUDIO_CSS } from '../studio/styles.ts';
import { studioWarnings } from '../studio/warnings.ts';
import { requireToken } from './auth.ts';
import { readJsonBody } from './body.ts';
import type { AppEnv } from './context.ts';
import { expiresInOf, headerSafeJson, parsePreview, previewTiming, signedCardParams } from './studio-preview.ts';

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
  // Every face the stylesheet names, with its unicode-range: the studio looks the same on every machine.
  .get('/fonts.css', async (c) =>
    c.body((await studioFonts(c.env.ASSETS)).css, 200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  )
  .get('/fonts/*', async (c) => {
    const file = c.req.path.slice('/studio/fonts/'.length);
    // Only what the stylesheet names: fonts/ also holds manifests and licences that are not the public's to read.
    if (!(await studioFonts(c.env.ASSETS)).files.has(file)) {
      throw new StorycardError('not_found', `no studio font ${JSON.stringify(file)}`);
    }
    const res = await c.env.ASSETS.fetch(`https://assets.local/${file}`);
    if (!res.ok) throw new StorycardError('not_found', `font ${file} is missing from fonts/`);
    return new Response(res.body, {
      headers: {
        'Content-Type': file.endsWith('.woff2') ? 'font/woff2' : 'font/woff',
        'Cache-Control': 'public, max-age=86400',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  })
  .get('/gallery.png', async (c) => {
    const req = await galleryTile(new URL(c.req.url).searchParams, c.var.config.apiToken);
    const { image } = await c.var.renderer.card({ ...req, format: 'png' });
    return new Response(image as unknown as BodyInit, {
      headers: {
        'Content-Type': 'image/png',
        // Private, and the URL carries the isolate's build id: a template edit gets new URLs anyway.
        'Cache-Control': 'private, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  })
  .use('/api/*', requireToken)
  .get('/api/catalog', (c) =>
    c.json({
      templates: c.var.templates.list(),
      sizes: SIZE_NAMES.map((name) => ({ name, ...SIZES[name] })),
      samples: SAMPLES,
      signing: Boolean(c.var.config.signingSecret),
    }),
  )
  .get('/api/gallery', async (c) => c.json(await galleryTiles(c.var.config.apiToken!, c.req.query(), c.var.templates)))
  .post('/api/preview', async (c) => {
    const started = performance.now();
    const { story, template, theme, size, format } = parsePreview(await readJsonBody(c));
    const parsed = performance.now();
    const meta = c.var.templates.get(template).meta;
    const resolved = resolveTheme(theme);
    const req = { story, template, size, theme: resolved };
    if (format !== 'svg') {
      const result = await c.var.renderer.card({ ...req, format });
      const written = result.format as ImageFormat;
      return new Response(result.image as unknown as BodyInit, {
        headers: {
          'Content-Type': MIME[written],
          'Cache-Control': 'no-store',
          'Content-Disposition': `attachment; filename="${meta.name}-${size}.${EXTENSION[written]}"`,
          'X-Storycard-Report': headerSafeJson(result.report),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }
    const result = await c.var.renderer.svg(req);
    const rendered = performance.now();
    const warnings = studioWarnings({ story, theme: resolved, meta, report: result.report });
    const answer = JSON.stringify({ svg: result.svg, report: result.report, warnings, template: meta });
    c.header('Cache-Control', 'no-store');
    // Where a live preview's time goes, for the browser's devtools and `npm run bench:studio` (resource timing).
    c.header('Server-Timing', previewTiming({ started, parsed, rendered, done: performance.now() }, result));
    return c.body(answer, 200, { 'Content-Type': 'application/json' });
  })
  // The mock-ups' text: each network's post exactly as the bot would compose it for this draft, and the card it carries.
  .post('/api/posts', async (c) => {
    const { story, template } = parsePreview(await readJsonBody(c));
    const { config } = c.var;
    const sizes = c.var.templates.get(template).meta.sizes;
    const settings = {
      linkQuery: config.postLinkQuery,
      instagramLinkText: config.instagram.linkText,
      missing: (platform: Platform) => missingCredentials(config, platform),
    };
    c.header('Cache-Control', 'no-store');
    return c.json({ posts: botPostPreviews(story, settings, sizes) });
  })
  .post('/api/sign', async (c) => {
    const body = await readJsonBody(c);
    const req = parsePreview(body);
    const expiresIn = expiresInOf(body);
    const secret = c.var.config.signingSecret;
    if (!secret) {
      throw new StorycardError('forbidden', 'signed cards are disabled: SIGNING_SECRET is not set on the server');
    }
    c.var.templates.get(req.template); // 400 for an unknown template before handing out a URL that can only fail
    const { params, dropped } = signedCardParams(req, resolveTheme(req.theme));
    if (expiresIn !== undefined) params[EXPIRY_PARAM] = expiryIn(expiresIn);
    // /card.png carries only those parameters: `dropped` says which fields the URL leaves out.
    const url = await signedCardUrl(c.var.baseUrl, params, secret);
    return c.json({ url, dropped, expiresAt: params[EXPIRY_PARAM] ? Number(params[EXPIRY_PARAM]) : null });
  });
