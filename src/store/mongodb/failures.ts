/**
 * @module store/mongodb/failures
 * How the adapter meets a flaky network: which driver errors mean "the server could not be
 * reached or the answer was lost" (retried, then reported as STORE_UNAVAILABLE), and a retry loop
 * with exponential backoff. Only operations that are safe to repeat go through it: reads, and
 * writes that recognise their own earlier attempt (see `commit.ts`).
 */
import { ReglamentError, isReglamentError } from '../../errors.js';

/** Names of driver errors raised when a server is unreachable or a connection broke mid-operation. */
const transientNames = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoServerSelectionError',
  'MongoOperationTimeoutError',
]);

/** True when `error` says the server was unreachable or the outcome of an operation is unknown. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (transientNames.has(error.name)) return true;
  const labelled = error as Error & { hasErrorLabel?: (label: string) => boolean };
  return typeof labelled.hasErrorLabel === 'function' &&
    (labelled.hasErrorLabel('RetryableWriteError') || labelled.hasErrorLabel('ResetPool'));
}

/**
 * The one error a caller sees for `error`: STORE_UNAVAILABLE for an unreachable server,
 * ReglamentErrors unchanged, anything else INTERNAL with the driver's error as cause.
 *
 * @example
 * throw toStoreError(error, 'reading application');
 */
export function toStoreError(error: unknown, doing: string): ReglamentError {
  if (isReglamentError(error)) return error;
  if (isTransient(error)) {
    return new ReglamentError('STORE_UNAVAILABLE', `MongoDB is unreachable while ${doing}: ${(error as Error).message}`, { cause: error });
  }
  const name = error instanceof Error ? error.name : 'error';
  return new ReglamentError('INTERNAL', `MongoDB failed while ${doing} (${name})`, { cause: error });
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before the second attempt; doubles each time. */
  delayMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation`, repeating it after transient failures with exponential backoff; throws the
 * store error of the last failure.
 *
 * @example
 * const document = await withRetry({ attempts: 4, delayMs: 100 }, 'reading application', () => applications.findOne({ _id: id }));
 */
export async function withRetry<T>(policy: RetryPolicy, doing: string, operation: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isTransient(error) || attempt >= policy.attempts) throw toStoreError(error, doing);
      await sleep(policy.delayMs * 2 ** (attempt - 1));
    }
  }
}
