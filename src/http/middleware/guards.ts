/**
 * @module http/middleware/guards
 * Protocol guards around every request: a body size limit that answers 413 as a problem, and
 * the error and not-found handlers that turn anything thrown into problem+json.
 */
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import type { Logger } from '../logger.js';
import { problem, problemOf, problemResponse } from '../problem.js';

/**
 * Limits the request body; a larger one is a 413 problem and is never read.
 *
 * @example
 * app.use('/v1/*', limitBody(65_536));
 */
export function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) => problemResponse(c, problem(413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${maxSize} bytes`, { errors: [{ path: '', message: `larger than ${maxSize} bytes` }] })),
  });
}

/**
 * The app's `onError`: a problem for the caller; for a 5xx, one log line with the error's
 * name and code (its message may quote input, so it is not logged).
 *
 * @example
 * app.onError(handleError(logger));
 */
export function handleError(logger: Logger) {
  return function onError(error: Error, c: Context): Response {
    const body = problemOf(error);
    if (body.status >= 500) logger.error('request failed', { requestId: c.get('requestId'), route: c.req.routePath, error: error.name, code: body.code });
    const headers: Record<string, string> = body.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
    return problemResponse(c, body, headers);
  };
}

/**
 * The app's `notFound`: a 404 problem.
 *
 * @example
 * app.notFound(handleNotFound);
 */
export function handleNotFound(c: Context): Response {
  return problemResponse(c, problem(404, 'NOT_FOUND', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`));
}
