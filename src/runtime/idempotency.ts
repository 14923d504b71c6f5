/**
 * @module runtime/idempotency
 * What a command keeps under its idempotency key: the view it produced and, when the caller
 * gave one, a fingerprint of the request (a hash of its canonical form). A retry with the same
 * key and the same fingerprint gets the first view back; the same key with another fingerprint
 * is a different request reusing a key, and fails with IDEMPOTENCY_CONFLICT. Results stored
 * before fingerprints existed (a bare view) replay as they are.
 */
import { ReglamentError } from '../errors.js';
import type { StoredCommand } from '../store/types.js';
import type { ApplicationView } from './types.js';

interface Fingerprinted {
  requestFingerprint: string;
  view: ApplicationView;
}

function isFingerprinted(result: unknown): result is Fingerprinted {
  return typeof result === 'object' && result !== null && typeof (result as Fingerprinted).requestFingerprint === 'string' && 'view' in result;
}

/**
 * The result to store with a key.
 *
 * @example
 * storedResult(view, 'sha256:…'); // { requestFingerprint: 'sha256:…', view }
 */
export function storedResult(view: ApplicationView, fingerprint: string | undefined): unknown {
  return fingerprint === undefined ? view : { requestFingerprint: fingerprint, view };
}

/**
 * The first view of a replayed command; IDEMPOTENCY_CONFLICT when both requests carry a
 * fingerprint and they differ.
 *
 * @example
 * replayedView(await store.findCommand(key), fingerprint);
 */
export function replayedView(stored: Pick<StoredCommand, 'key' | 'result'>, fingerprint: string | undefined): ApplicationView {
  if (!isFingerprinted(stored.result)) return stored.result as ApplicationView;
  if (fingerprint !== undefined && stored.result.requestFingerprint !== fingerprint) {
    throw new ReglamentError('IDEMPOTENCY_CONFLICT', 'this Idempotency-Key was used for a different request; use a new key for a new request', { path: '/headers/idempotency-key' });
  }
  return stored.result.view;
}
