/**
 * @module http/middleware/observe
 * One middleware that times each request, counts it in the metrics by route pattern and status,
 * and writes one structured log line. It records the route PATTERN (`/v1/applications/:id`),
 * never the raw URL or query string, so ids and filters of people stay out of logs and labels.
 */
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { Logger } from '../logger.js';
import type { Registry } from '../metrics/registry.js';

export interface ObserveOptions {
  logger: Logger;
  metrics: Registry;
  /** Monotonic milliseconds; injectable so tests can pin durations. */
  now?: () => number;
}

/**
 * Times, counts and logs every request.
 *
 * @example
 * app.use(observe({ logger, metrics }));
 */
export function observe({ logger, metrics, now = () => performance.now() }: ObserveOptions) {
  return createMiddleware(async function observeRequest(c, next) {
    const started = now();
    await next();
    const seconds = (now() - started) / 1000;
    const pattern = routePath(c, -1);
    // Only the app-wide middleware matched: no route did. Mounted apps keep their prefix ('/admin/*').
    const route = pattern === '/*' || pattern === '*' ? '(unmatched)' : pattern;
    const status = String(c.res.status);
    metrics.requests.inc({ method: c.req.method, route, status });
    metrics.latency.observe({ method: c.req.method, route }, seconds);
    const at = c.res.status >= 500 ? 'error' : 'info';
    logger[at]('request', { requestId: c.get('requestId'), method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 10_000) / 10 });
  });
}
