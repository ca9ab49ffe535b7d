// The studio's renderer: SVG only for the live preview, or the encoded file, on the workerd runtime, one per isolate.
import { renderCard, renderSvg } from '../render/index.ts';
import type { RenderRequest, RenderResult, RenderRuntime, SvgResult } from '../render/types.ts';
import { createWorkerdRuntime } from '../runtime/workerd.ts';

// The same core and runtime as the card routes (the runtime keeps wasm and fonts at module level, so this shares them).
let runtime: RenderRuntime | undefined;
const runtimeFor = (env: Env) => {
  runtime ??= createWorkerdRuntime({ assets: env.ASSETS });
  return runtime;
};

/** The encoded card (req.format, default png) with its SVG and report. */
export const renderForStudio = (req: RenderRequest, env: Env): Promise<RenderResult> =>
  renderCard(req, runtimeFor(env));

/** The live preview: laid out and drawn as SVG, never rasterised (the browser draws it). */
export const drawForStudio = (req: RenderRequest, env: Env): Promise<SvgResult> => renderSvg(req, runtimeFor(env));
