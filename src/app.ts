// createApp(deps): mounts one Hono instance per resource and maps every error to {error, message, issues?} once.
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { PatternRouter } from 'hono/router/pattern-router';
import { ZodError } from 'zod';
import { ConfigError, configOf } from './config.ts';
import { isStorycardError, StorycardError } from './errors.ts';
import { loadGlyphCoverage } from './render/coverage.ts';
import type { TemplateRegistry } from './render/registry.ts';
import type { RenderRequest, RenderResult, SvgResult } from './render/types.ts';
import type { AppEnv } from './routes/context.ts';
import { mountApi } from './routes/openapi.ts';
import { studio } from './routes/studio.ts';
import { fontAssets } from './runtime/font-assets.ts';
import { type FetchPolicy, fetchPolicyFor } from './safe-fetch.ts';
import { CardStore } from './storage/cards.ts';
import { StoryStore } from './storage/stories.ts';
import { toFieldIssues } from './story/schema.ts';

export interface AppDeps {
  /** The card templates (index.ts hands it templates/'s registry; tests may hand their own). */
  templates: TemplateRegistry;
  /**
   * Render one card. index.ts wires the render core with the workerd runtime; tests wrap it to count. The policy
   * names the image hosts the card may fetch (src/safe-fetch.ts): the settings' and this request's own host.
   */
  renderCard: (req: RenderRequest, env: Env, policy: FetchPolicy) => Promise<RenderResult>;
  /** Lay out and draw one card as SVG, never rasterised: the studio's live preview. Same core, same runtime. */
  renderSvg: (req: RenderRequest, env: Env, policy: FetchPolicy) => Promise<SvgResult>;
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  // Every answer names its request (X-Request-Id), so a 500 a user reports can be found in the operator's log.
  app.use(requestId());

  // API JSON (answers and errors alike) is never cached by a browser or proxy, and never sniffed as anything else.
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.get('Content-Type')?.startsWith('application/json')) return;
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  app.use(async (c, next) => {
    const config = configOf(c.env);
    c.set('config', config);
    c.set('baseUrl', config.publicBaseUrl ?? new URL(c.req.url).origin);
    c.set('stories', new StoryStore(c.env.DB));
    const policy = fetchPolicyFor(config, c.req.url);
    c.set('fetchPolicy', policy);
    const card = (req: RenderRequest) => deps.renderCard(req, c.env, policy);
    c.set('renderer', { card, svg: (req) => deps.renderSvg(req, c.env, policy) });
    c.set('templates', deps.templates);
    c.set('cards', new CardStore(c.env.DB, c.env.CARDS, card, deps.templates));
    c.set('glyphs', () => loadGlyphCoverage(fontAssets(c.env.ASSETS)));
    await next();
  });

  mountApi(app);
  // The studio's own routes (its page, assets and internal API) are not part of the documented API.
  app.route('/studio', studio);

  // A known path with the wrong method is a 405 that names the methods it has (RFC 9110 asks for Allow).
  let routes: PatternRouter<string> | undefined;
  const allowedFor = (path: string): string[] => {
    if (!routes) {
      routes = new PatternRouter<string>();
      for (const r of app.routes) if (r.method !== 'ALL') routes.add(r.method, r.path, r.method);
    }
    const methods = new Set(routes.match('GET', path)[0].length ? ['GET', 'HEAD'] : []);
    for (const m of ['DELETE', 'PATCH', 'POST', 'PUT']) if (routes.match(m, path)[0].length) methods.add(m);
    return [...methods].sort();
  };
  app.notFound((c) => {
    const allowed = allowedFor(c.req.path);
    if (!allowed.length)
      return c.json({ error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404);
    c.header('Allow', allowed.join(', '));
    const message = `${c.req.path}: expected one of the methods ${allowed.join(', ')}, received ${c.req.method}`;
    return c.json({ error: 'method_not_allowed', message }, 405);
  });

  app.onError((err, c) => {
    if (isStorycardError(err)) {
      return c.json(err.toJSON(), err.status as 400);
    }
    if (err instanceof ZodError) {
      const issues = toFieldIssues(err, undefined);
      const e = new StorycardError('invalid_request', issues.map((i) => i.message).join('; '), { issues });
      return c.json(e.toJSON(), 400);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json({ error: 'invalid_request', message: err.message || 'bad request' }, err.status);
    }
    if (err instanceof ConfigError) {
      // The operator's mistake, not the client's: say which setting, so the fix is obvious from any request.
      console.error(err.message);
      return c.json({ error: 'misconfigured', message: err.message }, 500);
    }
    // Unknown (a SyntaxError from a corrupted stored row included: only the body reader says invalid_json): one log
    // line for the operator with the stack, and for the client the request id to quote, never the internals.
    const id = c.get('requestId');
    console.error(`${c.req.method} ${c.req.path} failed (request ${id}): ${stackOf(err)}`);
    c.header('X-Request-Id', id);
    const message = `something went wrong on our side; it has been logged as request ${id}`;
    return c.json({ error: 'internal', message, requestId: id }, 500);
  });

  return app;
}

/** The error's stack (its message included), and its cause's: what the operator needs to find the fault. */
function stackOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const own = err.stack ?? `${err.name}: ${err.message}`;
  return err.cause === undefined ? own : `${own}\ncaused by: ${stackOf(err.cause)}`;
}
