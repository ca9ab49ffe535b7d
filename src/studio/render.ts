// The studio's renderer: SVG only for the live preview, or the encoded file, on the workerd runtime.
import { renderCard, renderSvg } from '../render/index.ts';
import type { RenderRequest, RenderResult, SvgResult } from '../render/types.ts';
import { workerdRuntimeFor } from '../runtime/workerd.ts';
import type { FetchPolicy } from '../safe-fetch.ts';

// The same core and runtimes as the card routes (kept per fetch policy for the isolate's life, so wasm and fonts are
// shared); the policy says which image hosts this request's card may fetch.
const runtimeFor = (env: Env, policy: FetchPolicy) => workerdRuntimeFor(env.ASSETS, policy);

/** The encoded card (req.format, default png) with its SVG and report. */
export const renderForStudio = (req: RenderRequest, env: Env, policy: FetchPolicy): Promise<RenderResult> =>
  renderCard(req, runtimeFor(env, policy));

/** The live preview: laid out and drawn as SVG, never rasterised (the browser draws it). */
export const drawForStudio = (req: RenderRequest, env: Env, policy: FetchPolicy): Promise<SvgResult> =>
  renderSvg(req, runtimeFor(env, policy));
