/**
 * @module http/audit
 * Audit records of staff reading personal data: who (id, role, school), what (an action and
 * the ids read), when (the engine's clock, set by the audit port). Written before the data is
 * returned, so a read that cannot be audited fails rather than goes unrecorded.
 */
import type { AuditPort } from '../ports/types.js';
import type { Actor } from '../store/types.js';
import { isStaff } from './auth/access.js';
import type { Principal } from './auth/token.js';

/**
 * The actor of a principal, as the engine and the audit log record it.
 *
 * @example
 * actorOf({ sub: 'clerk-1', role: 'clerk', school: 'school-1' }); // { id: 'clerk-1', role: 'clerk', school: 'school-1' }
 */
export function actorOf(principal: Principal): Actor {
  return principal.school ? { id: principal.sub, role: principal.role, school: principal.school } : { id: principal.sub, role: principal.role };
}

export interface AuditedRead {
  /** e.g. 'application.read', 'application.list', 'notice.read', 'document.read', 'roster.read'. */
  action: string;
  applicationId?: string;
  pupil?: string | null;
  school?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Records a read by staff; a parent reading their own data is not audited.
 *
 * @example
 * await auditRead(audit, principal, { action: 'application.read', applicationId: id, pupil: view.pupil });
 */
export async function auditRead(audit: AuditPort, principal: Principal, read: AuditedRead): Promise<void> {
  if (!isStaff(principal)) return;
  await audit.record({
    actor: actorOf(principal),
    action: read.action,
    ...(read.applicationId ? { applicationId: read.applicationId } : {}),
    ...(read.pupil ? { pupil: read.pupil } : {}),
    ...(read.school ? { school: read.school } : {}),
    ...(read.details ? { details: read.details } : {}),
  });
}
