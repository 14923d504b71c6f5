/**
 * @module http/routes/report-access
 * Who may ask for the department's reports. The department and admins: any school. A clerk:
 * their own school only (a school checks its own journal and its own service before the
 * department does); asking for another school is 403. An applicant (a parent) has no reports:
 * the routes answer 404 as if they did not exist.
 */
import { HTTPException } from 'hono/http-exception';
import { ReglamentError } from '../../errors.js';
import type { Principal } from '../auth/token.js';

/**
 * The school a report is limited to: the clerk's own, the one asked for, or null for all.
 *
 * @example
 * reportSchool({ sub: 'c1', role: 'clerk', school: 's1' }, undefined); // 's1'
 * reportSchool({ sub: 'd1', role: 'department' }, 's2'); // 's2'
 */
export function reportSchool(principal: Principal, asked: string | undefined): string | null {
  if (principal.role === 'applicant') throw new HTTPException(404, { message: 'no such route' });
  if (principal.role !== 'clerk') return asked ?? null;
  if (asked !== undefined && asked !== principal.school) throw new ReglamentError('FORBIDDEN', 'a clerk sees the reports of their own school only', { path: '/query/school' });
  return principal.school ?? null;
}
