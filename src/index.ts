// Worker entry: the fetch handler Cloudflare calls, with the render core running on the workerd runtime adapter.

import { registry as templates } from '../templates/index.ts';
import { createApp } from './app.ts';
import { enqueuePosts, handlePostBatch, type PostMessage, sweepOutbox } from './bot/queue.ts';
import { configOf } from './config.ts';
import { pollFeeds } from './intake/feeds.ts';
import { renderCard, renderSvg } from './render/index.ts';
import type { RenderRequest } from './render/types.ts';
import { workerdRuntimeFor } from './runtime/workerd.ts';
import { type FetchPolicy, fetchPolicyFor } from './safe-fetch.ts';
import { CardStore, prerenderCards } from './storage/cards.ts';

// The one place the Worker picks its runtime. Runtimes live for the isolate (workerdRuntimeFor keeps one per fetch
// policy): wasm is initialised and fonts are loaded once, then reused by every request, the studio's included. The
// policy says which image hosts a card may fetch: outside a request (the queue, the cron), from the settings alone.
const runtimeFor = (env: Env, policy?: FetchPolicy) =>
  workerdRuntimeFor(env.ASSETS, policy ?? fetchPolicyFor(configOf(env)));
const render = (req: RenderRequest, env: Env, policy?: FetchPolicy) =>
  renderCard(req, runtimeFor(env, policy), templates);

// The one place the Worker picks its templates too: the render core draws whatever registry it is handed.
const app = createApp({
  templates,
  renderCard: render,
  renderSvg: (req, env, policy) => renderSvg(req, runtimeFor(env, policy), templates),
});

export default {
  fetch: app.fetch,
  // The bot: one message per outbox row (src/bot/queue.ts).
  queue: (batch, env) =>
    handlePostBatch(batch as MessageBatch<PostMessage>, env, { templates, renderCard: (req) => render(req, env) }),
  // Cron: re-send due outbox rows whose messages were lost or whose attempt died mid-post, and poll FEEDS (new
  // stories go to the bot like POSTed ones). Two separate waitUntils: one failing never stops the other.
  scheduled: async (controller, env, ctx) => {
    ctx.waitUntil(sweepOutbox(env));
    ctx.waitUntil(
      pollFeeds(env, controller.scheduledTime, {
        templates,
        onStoryCreated: async (record, posts) => {
          await enqueuePosts(env, posts);
          // Its og and x cards, before the first crawler reads its share page.
          ctx.waitUntil(prerenderCards(new CardStore(env.DB, env.CARDS, (req) => render(req, env), templates), record));
        },
        onPostsRepaired: (posts) => enqueuePosts(env, posts),
      }),
    );
  },
} satisfies ExportedHandler<Env>;
