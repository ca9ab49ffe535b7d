// The Hono environment every route shares: bindings, what app.ts puts on each request, and work after the answer.
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { GlyphCoverage } from '../render/coverage.ts';
import type { TemplateRegistry } from '../render/registry.ts';
import type { RenderRequest, RenderResult, SvgResult } from '../render/types.ts';
import type { FetchPolicy } from '../safe-fetch.ts';
import type { CardStore } from '../storage/cards.ts';
import type { StoryStore } from '../storage/stories.ts';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    config: Config;
    stories: StoryStore;
    cards: CardStore;
    /** The card templates this app draws (AppDeps.templates). */
    templates: TemplateRegistry;
    /** PUBLIC_BASE_URL, or this request's origin: every absolute URL we hand out starts with it. */
    baseUrl: string;
    /** The hosts a card rendered for this request may fetch images from (FETCH_ALLOW_HOSTS; never this Worker). */
    fetchPolicy: FetchPolicy;
    /** The app's renderer (AppDeps) bound to this request's env and fetch policy: the studio draws through it. */
    /** What the bundled faces can draw (fonts/ coverage indexes), read once per isolate: no render needed. */
    glyphs: () => Promise<GlyphCoverage>;
    renderer: {
      card: (req: RenderRequest) => Promise<RenderResult>;
      svg: (req: RenderRequest) => Promise<SvgResult>;
    };
    /** This request's id (hono/request-id): the X-Request-Id answer header, and the 500 log line's name for it. */
    requestId: string;
  };
}

/** Run `work` after the response where the runtime allows it (waitUntil); inline where there is no execution context (app.request). */
export async function afterResponse(c: Context<AppEnv>, work: Promise<unknown>): Promise<void> {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    await work;
  }
}
