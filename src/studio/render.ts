// The studio's renderer: the full render result (SVG, PNG, layout report) on the workerd runtime, one per isolate.
import { renderCard } from '../render/index.ts';
import type { RenderRequest, RenderResult, RenderRuntime } from '../render/types.ts';
import { createWorkerdRuntime } from '../runtime/workerd.ts';

export type StudioRender = (req: RenderRequest, env: Env) => Promise<RenderResult>;

// app.ts's deps hand routes a PNG only; the studio needs the SVG and the report too, from the same core and runtime
// (the runtime keeps wasm and fonts at module level, so this shares them with the card routes).
let runtime: RenderRuntime | undefined;

export const renderForStudio: StudioRender = (req, env) => {
  runtime ??= createWorkerdRuntime({ assets: env.ASSETS });
  return renderCard(req, runtime);
};
