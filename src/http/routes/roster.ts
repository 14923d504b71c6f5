/**
 * @module http/routes/roster
 * `POST /v1/roster`: imports school roster entries (JSON or CSV) for admins and clerks (a clerk
 * only for their own school), then sends the termination grounds the import reveals
 * (graduation, transfer) to the applications they concern.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ReglamentError } from '../../errors.js';
import { parseCsv } from '../../ports/csv.js';
import type { RosterData } from '../../ports/roster.js';
import type { AuthVariables } from '../auth/middleware.js';
import { requireRole } from '../auth/middleware.js';
import type { Principal } from '../auth/token.js';
import type { HttpDeps } from '../deps.js';
import { limitBody } from '../middleware/guards.js';
import rosterSchema from '../schemas/roster-import.json' with { type: 'json' };
import { compileValidator } from '../validation.js';

const checkRoster = compileValidator<RosterData>(rosterSchema);

/** Rows of a roster CSV as RosterData, so one check covers both forms. */
function fromCsv(text: string): RosterData {
  const rows = parseCsv(text);
  const data: Required<RosterData> = { schools: [], pupils: [], representatives: [] };
  const schools = new Set<string>();
  rows.forEach((row) => {
    const school = row['school'] ?? '';
    schools.add(school);
    data.pupils.push({ id: row['pupil'] ?? '', school, ...(row['status'] ? { status: row['status'] as 'enrolled' } : {}), ...(row['grade'] ? { grade: row['grade'] } : {}) });
    if (row['applicant']) data.representatives.push({ applicant: row['applicant'], pupil: row['pupil'] ?? '', ...(row['basis'] ? { basis: row['basis'] as 'parent' } : {}) });
  });
  data.schools = [...schools].map((id) => ({ id }));
  return data;
}

/** A clerk may change only their own school's entries. */
async function requireOwnSchool(principal: Principal, data: RosterData, deps: HttpDeps): Promise<void> {
  if (principal.role !== 'clerk') return;
  const own = principal.school!;
  (data.schools ?? []).forEach((school, index) => {
    if (school.id !== own) throw new ReglamentError('FORBIDDEN', 'a clerk imports only their own school', { path: `/schools/${index}/id` });
  });
  const imported = new Map((data.pupils ?? []).map((pupil) => [pupil.id, pupil.school]));
  for (const [index, pupil] of (data.pupils ?? []).entries()) {
    const before = await deps.ports.roster.pupil(pupil.id);
    if (pupil.school !== own && before?.school !== own) throw new ReglamentError('FORBIDDEN', 'a clerk imports only their own school', { path: `/pupils/${index}/school` });
    if (before && before.school !== own && pupil.school === own) throw new ReglamentError('FORBIDDEN', 'a pupil of another school is moved by that school', { path: `/pupils/${index}/id` });
  }
  for (const [index, link] of (data.representatives ?? []).entries()) {
    const school = imported.get(link.pupil) ?? (await deps.ports.roster.pupil(link.pupil))?.school;
    if (school !== own) throw new ReglamentError('FORBIDDEN', 'a clerk links representatives only to pupils of their school', { path: `/representatives/${index}/pupil` });
  }
}

/**
 * The roster route.
 *
 * @example
 * app.route('/v1/roster', rosterRoutes(deps, 2 * 1024 * 1024));
 */
export function rosterRoutes(deps: HttpDeps, maxBytes: number) {
  return new Hono<{ Variables: AuthVariables }>().post('/', limitBody(maxBytes), async (c) => {
    const principal = c.get('principal');
    requireRole(principal, ['admin', 'clerk']);
    const media = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let data: RosterData;
    if (media === 'text/csv') {
      const text = await c.req.text();
      try {
        data = checkRoster(fromCsv(text));
      } catch (error) {
        throw error instanceof ReglamentError ? new ReglamentError('INVALID_INPUT', `roster CSV: ${error.message}`, { path: error.path ?? '', details: error.details ?? {} }) : error;
      }
    } else if (media === 'application/json') {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: 'Malformed JSON in request body' });
      }
      data = checkRoster(body);
    } else {
      throw new HTTPException(415, { message: 'the roster must be application/json or text/csv' });
    }
    await requireOwnSchool(principal, data, deps);
    const changes = await deps.ports.roster.importJson(data);
    const signals = await deps.engine.applyRosterChanges(changes);
    const imported = { schools: data.schools?.length ?? 0, pupils: data.pupils?.length ?? 0, representatives: data.representatives?.length ?? 0 };
    return c.json({ imported, changes, signals }, 200);
  });
}
