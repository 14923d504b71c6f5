/**
 * @module http/routes/health
 * Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the store answers a
 * ping). Neither needs a token; neither says anything about data.
 */
import { Hono } from 'hono';
import type { Store } from '../../store/types.js';
import { problem, problemResponse } from '../problem.js';

/**
 * The health routes.
 *
 * @example
 * app.route('/', healthRoutes(store));
 */
export function healthRoutes(store: Pick<Store, 'ping'>) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' as const }, 200))
    .get('/readyz', async (c) => {
      try {
        await store.ping();
      } catch {
        return problemResponse(c, problem(503, 'STORE_UNAVAILABLE', 'the store is unreachable'));
      }
      return c.json({ status: 'ok' as const, store: 'reachable' }, 200);
    });
}
