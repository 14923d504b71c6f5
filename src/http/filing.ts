/**
 * @module http/filing
 * What the HTTP layer checks before a new application reaches the engine, beyond its schema:
 * the caller may file it (see `requireMayFile`), a parent does not choose when it was received
 * (the service stamps it; staff record a paper application's real receipt, never in the
 * future), and every linked application is one the caller may see, so an appeal or a
 * termination can never reach into another family's application.
 */
import { ReglamentError, isReglamentError } from '../errors.js';
import type { Submission } from '../runtime/types.js';
import type { Store } from '../store/types.js';
import { requireMayFile } from './auth/access.js';
import type { Principal } from './auth/token.js';
import { loadVisibleRecord } from './visible.js';

/** How far a staff-given receipt time may run ahead of the service's clock (clock skew). */
const allowedSkewMs = 5 * 60_000;

/**
 * Fails with FORBIDDEN or INVALID_INPUT (naming the field) unless the caller may file this.
 *
 * @example
 * await checkFiling(principal, submission, { store, now: clock.now() });
 */
export async function checkFiling(principal: Principal, submission: Submission, { store, now }: { store: Pick<Store, 'getApplication'>; now: string }): Promise<void> {
  requireMayFile(principal, { applicant: submission.applicant ?? null, school: submission.school ?? null });
  if (submission.receivedAt !== undefined) {
    if (principal.role === 'applicant') throw new ReglamentError('FORBIDDEN', 'the service records when a parent’s application is received', { path: '/receivedAt' });
    if (Date.parse(submission.receivedAt) > Date.parse(now) + allowedSkewMs) throw new ReglamentError('INVALID_INPUT', '/receivedAt is in the future', { path: '/receivedAt' });
  }
  for (const [index, link] of (submission.links ?? []).entries()) {
    try {
      await loadVisibleRecord(store, principal, link.applicationId);
    } catch (error) {
      if (!isReglamentError(error, 'APPLICATION_NOT_FOUND')) throw error;
      throw new ReglamentError('INVALID_INPUT', `/links/${index}/applicationId names no application of yours`, { path: `/links/${index}/applicationId` });
    }
  }
}
