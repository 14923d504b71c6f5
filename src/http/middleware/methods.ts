/**
 * @module http/middleware/methods
 * 405 for a known path asked with a method it does not take: a problem+json with an `Allow`
 * header listing the methods it does take (HEAD wherever GET is). The paths and methods come
 * from the documented operations, so the answer cannot drift from /openapi.json. Any other
 * unknown request stays a 404.
 */
import type { Context } from 'hono';
import type { Operation } from '../openapi/operation.js';
import { problem, problemResponse } from '../problem.js';
import { handleNotFound } from './guards.js';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

function patternOf(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods each known path takes, as a lookup.
 *
 * @example
 * const allowed = allowedMethods([{ method: 'get', path: '/v1/me', ... }]);
 * allowed('/v1/me'); // ['GET', 'HEAD']
 */
export function allowedMethods(operations: Pick<Operation, 'method' | 'path'>[], extra: Record<string, string[]> = {}): (path: string) => string[] | null {
  const byTemplate = new Map<string, Set<string>>();
  const add = (path: string, method: string) => {
    let methods = byTemplate.get(path);
    if (!methods) byTemplate.set(path, (methods = new Set()));
    methods.add(method.toUpperCase());
    if (method.toUpperCase() === 'GET') methods.add('HEAD');
  };
  for (const operation of operations) add(operation.path, operation.method);
  for (const [path, methods] of Object.entries(extra)) for (const method of methods) add(path, method);
  // Literal paths first, so `/v1/reports/service-stats` is not taken for `/v1/applications/{id}`-like templates.
  const known: KnownPath[] = [...byTemplate.entries()]
    .sort(([a], [b]) => Number(a.includes('{')) - Number(b.includes('{')))
    .map(([template, methods]) => ({ pattern: patternOf(template), methods }));
  return function allowed(path: string): string[] | null {
    const match = known.find((entry) => entry.pattern.test(path));
    return match ? [...match.methods].sort() : null;
  };
}

/**
 * The app's `notFound`: 405 with `Allow` on a known path, else the 404 problem.
 *
 * @example
 * app.notFound(methodNotAllowed(allowedMethods(operations)));
 */
export function methodNotAllowed(allowed: (path: string) => string[] | null) {
  return function notFound(c: Context): Response {
    const path = new URL(c.req.url).pathname;
    const methods = allowed(path);
    if (!methods || methods.includes(c.req.method)) return handleNotFound(c);
    const allow = methods.join(', ');
    return problemResponse(c, problem(405, 'METHOD_NOT_ALLOWED', `${path} takes ${allow}, not ${c.req.method}`), { allow });
  };
}
