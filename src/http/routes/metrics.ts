/**
 * @module http/routes/metrics
 * `GET /metrics` in the Prometheus text format. Counts only; no ids, no personal data.
 */
import { Hono } from 'hono';
import type { Registry } from '../metrics/registry.js';
import type { Operation } from '../openapi/operation.js';

/** The metrics endpoint, as documented. */
export const metricsOperations: Operation[] = [
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    description: 'Requests by route and status, latency histogram, applications by service and state, overdue applications.',
    tag: 'service',
    responses: { '200': { description: 'Prometheus text format 0.0.4', schema: { type: 'string' }, contentType: 'text/plain' } },
  },
];

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
