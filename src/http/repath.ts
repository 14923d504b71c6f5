/**
 * @module http/repath
 * Errors from the core name fields as the core sees them (`/from`, `/cursor`); the caller sent
 * them as query parameters. This points such an error at what the caller sent.
 */
import { ReglamentError, isReglamentError } from '../errors.js';

/**
 * Runs `work`; a ReglamentError whose path is a key of `paths` is rethrown with the mapped path.
 *
 * @example
 * await withPaths(() => engine.list(query), { '/cursor': '/query/cursor' });
 */
export async function withPaths<T>(work: () => T | Promise<T>, paths: Record<string, string>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isReglamentError(error) && error.path !== undefined && paths[error.path]) {
      throw new ReglamentError(error.code, error.message, { path: paths[error.path]!, cause: error, ...(error.details ? { details: error.details } : {}) });
    }
    throw error;
  }
}
