// GET /healthz: the Worker answers and D1 is reachable (what an uptime check or a deploy smoke test wants).
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter, jsonOf } from './api.ts';

const HealthSchema = z.object({
  ok: z.boolean(),
  d1: z.enum(['ok', 'unreachable']),
  ms: z.number().optional().describe('How long the D1 ping took.'),
});

const route = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness and D1 reachability',
  security: [],
  responses: { 200: jsonOf(HealthSchema, 'OK'), 503: jsonOf(HealthSchema, 'D1 unreachable') },
});

export const health = apiRouter().openapi(route, async (c) => {
  const started = Date.now();
  try {
    await c.var.stories.ping();
  } catch (e) {
    console.error('healthz: D1 unreachable', e);
    return c.json({ ok: false, d1: 'unreachable' }, 503);
  }
  c.header('Cache-Control', 'no-store');
  return c.json({ ok: true, d1: 'ok', ms: Date.now() - started });
});
