// The outbox tests' harness: the real Worker entry with bot settings, a clock the test moves, and a driver for rows.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { type OutboxDeps, type Outcome, processRow } from '../../src/bot/outbox.ts';
import { createPosters } from '../../src/bot/posters.ts';
import { outboxDeps } from '../../src/bot/queue.ts';
import { parseConfig } from '../../src/config.ts';
import worker from '../../src/index.ts';
import { renderCard } from '../../src/render/index.ts';
import type { RenderRequest, RenderResult, RenderRuntime } from '../../src/render/types.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';
import { registry as templates } from '../../templates/index.ts';
import { FAKE_BLUESKY_ACCOUNT } from '../fakes/fake-bluesky.ts';
import { FAKE_MASTODON_TOKEN } from '../fakes/fake-mastodon.ts';
import { FAKE_X_CREDENTIALS } from '../fakes/fake-x.ts';
import { BASE, type StoryBody, storyInput, TOKEN } from './helpers.ts';

export interface FakeUrls {
  x?: string;
  bluesky?: string;
  mastodon?: string;
}

/** The test env with the bot's settings on top: credentials for the fakes given, BOT_MODE and any extra settings. */
export function botEnv(fakes: FakeUrls, settings: Record<string, string> = {}): Env {
  const vars: Record<string, string> = { BOT_MODE: 'live' };
  if (fakes.x) {
    Object.assign(vars, {
      X_APP_KEY: FAKE_X_CREDENTIALS.appKey,
      X_APP_SECRET: FAKE_X_CREDENTIALS.appSecret,
      X_ACCESS_TOKEN: FAKE_X_CREDENTIALS.accessToken,
      X_ACCESS_SECRET: FAKE_X_CREDENTIALS.accessSecret,
      X_API_BASE_URL: fakes.x,
    });
  }
  if (fakes.bluesky) {
    Object.assign(vars, {
      BLUESKY_SERVICE: fakes.bluesky,
      BLUESKY_IDENTIFIER: FAKE_BLUESKY_ACCOUNT.handle,
      BLUESKY_APP_PASSWORD: FAKE_BLUESKY_ACCOUNT.password,
    });
  }
  if (fakes.mastodon)
    Object.assign(vars, { MASTODON_BASE_URL: fakes.mastodon, MASTODON_ACCESS_TOKEN: FAKE_MASTODON_TOKEN });
  return { ...env, ...vars, ...settings } as Env;
}

/** A request to the real Worker entry, under a given env (so BOT_MODE and credentials are the test's). */
export async function callWith(e: Env, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${TOKEN}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  const res = await worker.fetch(new Request(`${BASE}${path}`, { ...init, headers }), e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

export async function postStory(e: Env, overrides: Parameters<typeof storyInput>[0] = {}) {
  const res = await callWith(e, '/api/stories', { method: 'POST', body: JSON.stringify(storyInput(overrides)) });
  return { status: res.status, body: (await res.json()) as StoryBody };
}

export interface PostView {
  id: string;
  storyId: string;
  platform: string;
  account: string;
  state: string;
  text: string;
  platformPostId: string | null;
  url: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  pendingCheck: boolean;
}

export async function postsOf(e: Env, storyId: string): Promise<PostView[]> {
  const res = await callWith(e, `/api/posts?storyId=${storyId}`);
  if (res.status !== 200) throw new Error(`GET /api/posts: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { items: PostView[] }).items;
}

let runtime: RenderRuntime | undefined;
export const render = async (req: RenderRequest): Promise<RenderResult> => {
  runtime ??= createWorkerdRuntime({ assets: env.ASSETS });
  return renderCard(req, runtime, templates);
};

/** A clock the test moves; starts now, or at `start`. */
export function clock(start = Date.now()) {
  const c = { t: start, now: () => c.t };
  return c;
}

/** The consumer's logic under `e`'s settings, with posters that give up after `timeoutMs` and a fixed jitter. */
export function depsFor(e: Env, now: () => number, timeoutMs = 1500): OutboxDeps {
  return outboxDeps(e, {
    templates,
    renderCard: render,
    now,
    policy: { random: () => 0.5 },
    posters: createPosters(parseConfig(e as unknown as Record<string, unknown>), { timeoutMs }),
  });
}

/** Process a row until it settles, moving the clock to each wait's time. Returns every outcome in order. */
export async function drive(id: string, deps: OutboxDeps, c: { t: number }, max = 12): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < max; i++) {
    const o = await processRow(id, deps);
    outcomes.push(o);
    if (o.kind !== 'wait') return outcomes;
    c.t = Math.max(c.t, o.at);
  }
  throw new Error(`row ${id} did not settle in ${max} steps: ${JSON.stringify(outcomes)}`);
}

export const fakeState = async <T>(url: string) => (await (await fetch(`${url}/__state`)).json()) as T;
export const fault = async (
  url: string,
  f: { mode: string; count?: number; on?: string; resetSeconds?: number; delayMs?: number },
) => {
  const res = await fetch(`${url}/__fault`, { method: 'POST', body: JSON.stringify(f) });
  if (!res.ok) throw new Error(`fault ${JSON.stringify(f)}: ${res.status} ${await res.text()}`);
};
