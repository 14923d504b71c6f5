/**
 * @module http/preconditions
 * HTTP headers of commands: `If-Match: "<version>"` (optimistic concurrency: required on events,
 * 428 when missing) and `Idempotency-Key` (a retry returns the first result). A key is scoped
 * to the caller, so one caller's key can never replay another caller's result.
 */
import { HTTPException } from 'hono/http-exception';
import { ReglamentError } from '../errors.js';
import type { Principal } from './auth/token.js';

/**
 * The ETag of an application version.
 *
 * @example
 * etagOf(3); // '"3"'
 */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version in `If-Match`; 428 when the header is missing, 400 when it is not `"<n>"`.
 *
 * @example
 * expectedVersionOf('"3"'); // 3
 */
export function expectedVersionOf(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new HTTPException(428, { message: 'If-Match: "<version>" is required: send the version you last saw' });
  }
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match || Number(match[1]) < 1) {
    throw new ReglamentError('INVALID_INPUT', 'If-Match must be the application version in quotes, e.g. "3"', { path: '/headers/if-match' });
  }
  return Number(match[1]);
}

/**
 * The caller-scoped idempotency key, or undefined when no header was sent.
 *
 * @example
 * idempotencyKeyOf('c0ffee-1', { sub: 'parent-1', role: 'applicant' }); // 'http:applicant:parent-1:c0ffee-1'
 */
export function idempotencyKeyOf(header: string | undefined, principal: Principal): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new ReglamentError('INVALID_INPUT', 'Idempotency-Key must be 1-200 visible ASCII characters', { path: '/headers/idempotency-key' });
  }
  return `http:${principal.role}:${principal.sub}:${header}`;
}
