/**
 * @module http/auth/middleware
 * Requires `Authorization: Bearer <jwt>` and puts the Principal into the context. A missing or
 * bad token is a 401 problem with `WWW-Authenticate: Bearer`.
 */
import { createMiddleware } from 'hono/factory';
import { ReglamentError } from '../../errors.js';
import { verifyToken, type AuthKeys, type Principal, type Role } from './token.js';

/** Context variables set by `requireAuth`. */
export interface AuthVariables {
  principal: Principal;
}

/**
 * Middleware that verifies the bearer token.
 *
 * @example
 * app.use('/v1/*', requireAuth(keys));
 */
export function requireAuth(keys: AuthKeys) {
  return createMiddleware<{ Variables: AuthVariables }>(async function authenticate(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i.exec(header);
    if (!match) throw new ReglamentError('UNAUTHORIZED', 'a bearer token is required', { path: '/headers/authorization' });
    c.set('principal', await verifyToken(match[1]!, keys));
    await next();
  });
}

/**
 * Fails with FORBIDDEN unless the caller has one of `allowed` roles.
 *
 * @example
 * requireRole(principal, ['admin', 'clerk']);
 */
export function requireRole(principal: Principal, allowed: readonly Role[]): void {
  if (!allowed.includes(principal.role)) throw new ReglamentError('FORBIDDEN', `this needs one of the roles: ${allowed.join(', ')}`);
}
