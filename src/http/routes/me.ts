/**
 * @module http/routes/me
 * `GET /v1/me`: who the token says the caller is; for a parent, their own children per the
 * roster (the only pupils whose data they may ever read).
 */
import { Hono } from 'hono';
import { rosterKinds } from '../../ports/roster.js';
import type { AuthVariables } from '../auth/middleware.js';
import type { HttpDeps } from '../deps.js';

interface Child {
  pupil: string;
  school: string;
  status: string;
  grade?: string;
  basis: string;
}

/**
 * The `me` route.
 *
 * @example
 * app.route('/v1/me', meRoutes(deps));
 */
export function meRoutes(deps: HttpDeps) {
  return new Hono<{ Variables: AuthVariables }>().get('/', async (c) => {
    const principal = c.get('principal');
    if (principal.role !== 'applicant') return c.json({ ...principal }, 200);
    const links = await deps.store.findRecords(rosterKinds.representative, { applicant: principal.sub }, { limit: 100 });
    const children: Child[] = [];
    for (const link of links.items) {
      const { pupil: id, basis = 'parent' } = link.data as { pupil: string; basis?: string };
      const pupil = await deps.ports.roster.pupil(id);
      if (pupil) children.push({ pupil: pupil.id, school: pupil.school, status: pupil.status, ...(pupil.grade ? { grade: pupil.grade } : {}), basis });
    }
    return c.json({ ...principal, children }, 200);
  });
}
