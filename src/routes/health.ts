// GET /healthz: the Worker answers and D1 is reachable (what an uptime check or a deploy smoke test wants).
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

export const health = new Hono<AppEnv>().get('/healthz', async (c) => {
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
