/**
 * @module http/routes/openapi
 * `GET /openapi.json`: the OpenAPI 3.1 document, built once from the operations the route
 * files declare (and so from the schemas their validators use).
 */
import { Hono } from 'hono';

/**
 * The OpenAPI route.
 *
 * @example
 * app.route('/', openApiRoutes(buildOpenApi(operations, { version: '0.1.0' })));
 */
export function openApiRoutes(document: object) {
  const text = JSON.stringify(document);
  return new Hono().get('/openapi.json', (c) => c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' }));
}
