/**
 * @module http/routes/metrics
 * `GET /metrics` in the Prometheus text format. Counts only; no ids, no personal data.
 */
import { Hono } from 'hono';
import type { Registry } from '../metrics/registry.js';

/**
 * The metrics route.
 *
 * @example
 * app.route('/', metricsRoutes(registry));
 */
export function metricsRoutes(registry: Registry) {
  return new Hono().get('/metrics', async (c) => {
    return c.body(await registry.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
}
