/**
 * @module errors
 * The one error type of reglament. Every failure carries a stable string `code`; the HTTP
 * layer maps codes to statuses in one place and the CLI prints `code: message` on one line.
 */

/** Every error code reglament raises. Add new codes here, never ad-hoc strings elsewhere. */
export const errorCodes = [
  'INVALID_INPUT',
  'INVALID_DATE',
  'INVALID_DEFINITION',
  'INVALID_CALENDAR',
  'UNKNOWN_REGION',
  'OUT_OF_RANGE',
  'APPLICATION_NOT_FOUND',
  'WORKFLOW_NOT_FOUND',
  'EVENT_NOT_ALLOWED',
  'VERSION_CONFLICT',
  'IDEMPOTENCY_CONFLICT',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'STORE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ReglamentErrorOptions {
  /** JSON-pointer-like path of the offending field or file location, e.g. `/terms/0/workingDays`. */
  path?: string;
  /** Structured details safe to show to a caller (never personal data). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The error reglament throws.
 *
 * @example
 * throw new ReglamentError('INVALID_DATE', 'not a calendar date: "2025-02-30"', { path: '/from' });
 */
export class ReglamentError extends Error {
  override readonly name = 'ReglamentError';
  readonly code: ErrorCode;
  readonly path: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: ReglamentErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.details = options.details;
  }
}

/** True when `error` is a ReglamentError, optionally with the given code. */
export function isReglamentError(error: unknown, code?: ErrorCode): error is ReglamentError {
  return error instanceof ReglamentError && (code === undefined || error.code === code);
}
