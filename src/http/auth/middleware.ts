/**
 * @module http/auth/middleware
 * Requires `Authorization: Bearer <jwt>` and puts the Principal into the context. A missing or
 * bad token is a 401 problem with `WWW-Authenticate: Bearer`. Verified tokens are remembered
 * for a short while (never past their `exp`), so a client sending many commands does not pay
 * for a signature check on each.
 */
import { createMiddleware } from 'hono/factory';
import { decode } from 'hono/jwt';
import { ReglamentError } from '../../errors.js';
import { verifyToken, type AuthKeys, type Principal, type Role } from './token.js';

/** Context variables set by `requireAuth`. */
export interface AuthVariables {
  principal: Principal;
}

export interface AuthOptions {
  /** How long a verified token is remembered, ms (default 60 s; 0 turns the cache off). */
  cacheMs?: number;
  /** At most this many tokens are remembered (default 10 000). */
  cacheSize?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

/**
 * Middleware that verifies the bearer token.
 *
 * @example
 * app.use('/v1/*', requireAuth(keys));
 */
export function requireAuth(keys: AuthKeys, { cacheMs = 60_000, cacheSize = 10_000, now = Date.now }: AuthOptions = {}) {
  const verified = new Map<string, { principal: Principal; until: number }>();
  async function principalFor(token: string): Promise<Principal> {
    const cached = verified.get(token);
    if (cached && cached.until > now()) return cached.principal;
    verified.delete(token);
    const principal = await verifyToken(token, keys);
    if (cacheMs > 0) {
      const exp = Number(decode(token).payload['exp']);
      const until = Math.min(now() + cacheMs, Number.isFinite(exp) ? exp * 1000 : 0);
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
      verified.set(token, { principal, until });
    }
    return principal;
  }
  return createMiddleware<{ Variables: AuthVariables }>(async function authenticate(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i.exec(header);
    if (!match) throw new ReglamentError('UNAUTHORIZED', 'a bearer token is required', { path: '/headers/authorization' });
    c.set('principal', await principalFor(match[1]!));
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
