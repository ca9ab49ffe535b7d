// Worker entry: the fetch handler Cloudflare calls, with the render core running on the workerd runtime adapter.
import { createApp } from './app.ts';
import { handlePostBatch, type PostMessage, sweepOutbox } from './bot/queue.ts';
import { renderCard } from './render/index.ts';
import type { RenderRequest, RenderRuntime } from './render/types.ts';
import { createWorkerdRuntime } from './runtime/workerd.ts';

// One runtime per isolate: wasm is initialised and fonts are loaded once, then reused by every request.
let runtime: RenderRuntime | undefined;

const renderPng = async (req: RenderRequest, env: Env) => {
  runtime ??= createWorkerdRuntime({ assets: env.ASSETS });
  return (await renderCard(req, runtime)).png;
};

const app = createApp({ renderPng });

export default {
  fetch: app.fetch,
  // The bot: one message per outbox row (src/bot/queue.ts).
  queue: (batch, env) =>
    handlePostBatch(batch as MessageBatch<PostMessage>, env, { renderPng: (req) => renderPng(req, env) }),
  // Cron: re-send due outbox rows whose messages were lost or whose attempt died mid-post.
  scheduled: async (_controller, env, ctx) => {
    ctx.waitUntil(sweepOutbox(env));
  },
} satisfies ExportedHandler<Env>;
