// Worker entry: the fetch handler Cloudflare calls, with the render core running on the workerd runtime adapter.
import { createApp } from './app.ts';
import { renderCard } from './render/index.ts';
import type { RenderRuntime } from './render/types.ts';
import { createWorkerdRuntime } from './runtime/workerd.ts';

// One runtime per isolate: wasm is initialised and fonts are loaded once, then reused by every request.
let runtime: RenderRuntime | undefined;

const app = createApp({
  renderPng: async (req, env) => {
    runtime ??= createWorkerdRuntime({ assets: env.ASSETS });
    return (await renderCard(req, runtime)).png;
  },
});

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
