/**
 * @module http/problem
 * Errors as RFC 9457 `application/problem+json`. Every failure the HTTP layer returns goes
 * through `problemOf()`: a ReglamentError maps by its code (the one table below), Hono's
 * HTTPException keeps its status (malformed JSON, oversized body), anything else is a 500
 * that says nothing about its cause. No stack trace, no personal data ever leaves here.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isReglamentError, type ErrorCode } from '../errors.js';

/** One offending field: a JSON pointer into the request (`/pupil`, `/query/from`) and why. */
export interface FieldError {
  path: string;
  message: string;
}

/** The body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** reglament's error code, e.g. `VERSION_CONFLICT`. */
  code: string;
  errors?: FieldError[];
  /** For EVENT_NOT_ALLOWED: the events the application accepts in its state. */
  allowedEvents?: string[];
}

/** HTTP status of each error code: the one place codes become statuses. */
export const statusOfCode: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  INVALID_DATE: 400,
  UNKNOWN_REGION: 400,
  OUT_OF_RANGE: 400,
  INVALID_DEFINITION: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  APPLICATION_NOT_FOUND: 404,
  WORKFLOW_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  IDEMPOTENCY_CONFLICT: 422,
  EVENT_NOT_ALLOWED: 422,
  INVALID_CALENDAR: 500,
  INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Codes of protocol-level problems that have no ReglamentError code. */
const httpCodes: Record<number, string> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  428: 'PRECONDITION_REQUIRED',
};

/**
 * Builds a problem from its parts.
 *
 * @example
 * problem(413, 'PAYLOAD_TOO_LARGE', 'the body is larger than 65536 bytes');
 */
export function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `urn:reglament:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

/**
 * Turns anything thrown into a problem that is safe to show.
 *
 * @example
 * problemOf(new ReglamentError('VERSION_CONFLICT', 'stale')).status; // 409
 */
export function problemOf(error: unknown): Problem {
  if (isReglamentError(error)) {
    const status = statusOfCode[error.code] ?? 500;
    if (status >= 500) return problem(status, error.code, status === 503 ? 'the store is unavailable' : 'internal error');
    const extra: Partial<Problem> = {};
    const fields = error.details?.['errors'];
    if (Array.isArray(fields)) extra.errors = fields as FieldError[];
    else if (error.path !== undefined) extra.errors = [{ path: error.path, message: error.message }];
    const allowed = error.details?.['allowedEvents'];
    if (Array.isArray(allowed)) extra.allowedEvents = allowed.map(String);
    return problem(status, error.code, error.message, extra);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = httpCodes[error.status] ?? `HTTP_${error.status}`;
    const extra: Partial<Problem> = error.status === 400 ? { errors: [{ path: '', message: error.message }] } : {};
    return problem(error.status, code, error.message, extra);
  }
  return problem(500, 'INTERNAL', 'internal error');
}

/**
 * A Response carrying a problem, with the problem+json media type. Built through the context
 * so headers set by earlier middleware (request id, CORS) are kept.
 *
 * @example
 * return problemResponse(c, problem(404, 'NOT_FOUND', 'no such route'));
 */
export function problemResponse(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, { 'content-type': 'application/problem+json', ...headers });
}
