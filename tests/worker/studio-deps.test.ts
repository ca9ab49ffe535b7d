// The studio renders through AppDeps like every other route: what createApp is handed is what the previews,
// files and gallery tiles are drawn with, bound to the request's fetch policy.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { renderCard, renderSvg } from '../../src/render/index.ts';
import type { RenderRequest } from '../../src/render/types.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';
import type { FetchPolicy } from '../../src/safe-fetch.ts';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import { BASE, TOKEN } from './helpers.ts';

const runtime = createWorkerdRuntime({ assets: env.ASSETS });
const calls: { kind: 'card' | 'svg'; req: RenderRequest; policy: FetchPolicy }[] = [];
const app = createApp({
  templates,
  renderCard: (req, _env, policy) => {
    calls.push({ kind: 'card', req, policy });
    return renderCard(req, runtime, templates);
  },
  renderSvg: (req, _env, policy) => {
    calls.push({ kind: 'svg', req, policy });
    return renderSvg(req, runtime, templates);
  },
});

async function preview(body: unknown): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.request(
    `${BASE}/studio/api/preview`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    },
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe('the studio through AppDeps', () => {
  it('draws the live preview with renderSvg and the file with renderCard, never past them', async () => {
    calls.length = 0;
    const live = await preview({ ...DEMO_STORY, template: 'headline', size: 'x', format: 'svg' });
    expect(live.status).toBe(200);
    expect(((await live.json()) as { svg: string }).svg).toMatch(/^<svg/);
    expect(calls.map((c) => [c.kind, c.req.template, c.req.size])).toEqual([['svg', 'headline', 'x']]);

    const file = await preview({ ...DEMO_STORY, template: 'headline', size: 'og', format: 'webp' });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    expect(calls.map((c) => [c.kind, c.req.format])).toEqual([
      ['svg', undefined],
      ['card', 'webp'],
    ]);
    // Bound to this request: the Worker's own host is never a host a card may fetch from (src/safe-fetch.ts).
    for (const c of calls) expect(c.policy.selfHosts).toContain('cards.example.com');
  });
});
