/**
 * @module http/auth/access
 * Who may see and do what, per role, as pure functions over ids:
 *
 * - `applicant` (a parent): only applications they filed; never another family's.
 * - `clerk`: only the applications of the school named in their token.
 * - `department`: every school, to read and supervise; files nothing itself.
 * - `admin`: everything.
 *
 * An application the caller may not see is reported as not found (404), so its existence
 * does not leak; the event roles of a workflow decide further what each may send.
 */
import { ReglamentError } from '../../errors.js';
import type { ApplicationQuery } from '../../store/types.js';
import type { Principal } from './token.js';

/** The ids of an application that access depends on. */
export interface Owned {
  applicant: string | null;
  school: string | null;
}

/**
 * True when the caller may see the application.
 *
 * @example
 * canSee({ sub: 'parent-1', role: 'applicant' }, { applicant: 'parent-2', school: 's1' }); // false
 */
export function canSee(principal: Principal, application: Owned): boolean {
  switch (principal.role) {
    case 'admin':
    case 'department':
      return true;
    case 'clerk':
      return application.school !== null && application.school === principal.school;
    case 'applicant':
      return application.applicant !== null && application.applicant === principal.sub;
  }
}

/**
 * Fails with APPLICATION_NOT_FOUND unless the caller may see the application.
 *
 * @example
 * const application = await engine.get(id);
 * requireVisible(principal, id, application);
 */
export function requireVisible<T extends Owned>(principal: Principal, id: string, application: T | null): T {
  if (!application || !canSee(principal, application)) throw new ReglamentError('APPLICATION_NOT_FOUND', `no application ${id}`, { path: '/id' });
  return application;
}

/**
 * Narrows a list query to what the caller may see; `null` when nothing can match
 * (e.g. a clerk asking for another school).
 *
 * @example
 * scopeQuery({ sub: 'c1', role: 'clerk', school: 's1' }, { school: 's2' }); // null
 */
export function scopeQuery(principal: Principal, query: ApplicationQuery): ApplicationQuery | null {
  if (principal.role === 'applicant') {
    if (query.applicant !== undefined && query.applicant !== principal.sub) return null;
    return { ...query, applicant: principal.sub };
  }
  if (principal.role === 'clerk') {
    if (query.school !== undefined && query.school !== principal.school) return null;
    return { ...query, school: principal.school! };
  }
  return query;
}

/**
 * Fails with FORBIDDEN unless the caller may file this application: a parent files for
 * themselves, a clerk for their school, an admin for anyone; the department files nothing.
 *
 * @example
 * requireMayFile({ sub: 'parent-1', role: 'applicant' }, { applicant: 'parent-1', school: 's1' });
 */
export function requireMayFile(principal: Principal, application: Owned): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'applicant' && application.applicant === principal.sub) return;
  if (principal.role === 'clerk' && application.school === principal.school) return;
  const why =
    principal.role === 'applicant'
      ? 'an applicant files applications only in their own name (/applicant must be your id)'
      : principal.role === 'clerk'
        ? 'a clerk files applications only for their own school'
        : 'the department supervises and does not file applications';
  throw new ReglamentError('FORBIDDEN', why, { path: principal.role === 'applicant' ? '/applicant' : principal.role === 'clerk' ? '/school' : '' });
}

/**
 * True for roles whose reads of personal data are audited.
 *
 * @example
 * isStaff({ sub: 'department-1', role: 'department' }); // true
 */
export function isStaff(principal: Principal): boolean {
  return principal.role !== 'applicant';
}
