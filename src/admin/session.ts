/**
 * @module admin/session
 * Signing in to the admin pages: the login form takes a bearer token (the one `npm start`
 * prints in development, or `reglament token`), verifies it with the API's own `verifyToken`,
 * and keeps it in an HttpOnly, SameSite=Strict cookie scoped to the admin path. Every request
 * verifies the cookie again, so an expired token signs the user out. Applicants (parents) have
 * no admin access.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isStaff } from '../http/auth/access.js';
import { verifyToken, type AuthKeys, type Principal } from '../http/auth/token.js';

export const sessionCookie = 'reglament_admin';

/** Context variables of a signed-in admin request. */
export interface AdminVariables {
  principal: Principal;
}

export type SignInResult = { ok: true; principal: Principal } | { ok: false; reason: 'invalid' | 'not-staff' };

/**
 * Checks a token typed into the login form.
 *
 * @example
 * const result = await checkToken(form.token, keys);
 * if (result.ok) startSession(c, token, '/admin');
 */
export async function checkToken(token: string, keys: AuthKeys): Promise<SignInResult> {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  if (!/^[A-Za-z0-9_\-.]+$/.test(trimmed)) return { ok: false, reason: 'invalid' };
  try {
    const principal = await verifyToken(trimmed, keys);
    return isStaff(principal) ? { ok: true, principal } : { ok: false, reason: 'not-staff' };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}

/**
 * Stores the token in the session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS).
 *
 * @example
 * startSession(c, token, '/admin');
 */
export function startSession(c: Context, token: string, base: string): void {
  const secure = new URL(c.req.url).protocol === 'https:';
  setCookie(c, sessionCookie, token.trim().replace(/^Bearer\s+/i, ''), { httpOnly: true, sameSite: 'Strict', secure, path: base });
}

/**
 * Clears the session cookie.
 *
 * @example
 * endSession(c, '/admin');
 */
export function endSession(c: Context, base: string): void {
  deleteCookie(c, sessionCookie, { path: base });
}

/**
 * Middleware: a staff principal from the cookie, or a redirect to the login page (with the
 * page asked for, so the user comes back to it).
 *
 * @example
 * admin.use('*', requireSession(keys, '/admin'));
 */
export function requireSession(keys: AuthKeys, base: string) {
  return createMiddleware<{ Variables: AdminVariables }>(async function session(c, next) {
    const token = getCookie(c, sessionCookie);
    const result = token ? await checkToken(token, keys) : null;
    if (!result || !result.ok) {
      if (token) endSession(c, base);
      const url = new URL(c.req.url);
      return c.redirect(`${base}/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    c.set('principal', result.principal);
    await next();
  });
}

/**
 * Where to go after signing in: only a path inside the admin pages (no open redirect).
 *
 * @example
 * safeNext('/admin/dashboard', '/admin'); // '/admin/dashboard'
 * safeNext('https://evil.example/', '/admin'); // '/admin'
 */
export function safeNext(next: string | undefined, base: string): string {
  if (!next || !next.startsWith(`${base}`) || next.startsWith('//') || /[\\\r\n]/.test(next)) return base;
  return next;
}
