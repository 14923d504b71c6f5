/**
 * @module http/routes/audit
 * `GET /v1/audit`: the audit log (who read or changed what, when) for admins, filtered by
 * application, actor or pupil, newest pages by cursor.
 */
import { Hono } from 'hono';
import type { AuthVariables } from '../auth/middleware.js';
import { requireRole } from '../auth/middleware.js';
import type { HttpDeps } from '../deps.js';
import auditQuerySchema from '../schemas/audit-query.json' with { type: 'json' };
import { queryOf } from '../validation.js';
import { withPaths } from '../repath.js';

/** The validated query of `GET /v1/audit`. */
export interface AuditQuery {
  applicationId?: string;
  actor?: string;
  pupil?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The audit route.
 *
 * @example
 * app.route('/v1/audit', auditRoutes(deps));
 */
export function auditRoutes(deps: HttpDeps) {
  return new Hono<{ Variables: AuthVariables }>().get('/', queryOf<AuditQuery>(auditQuerySchema), async (c) => {
    requireRole(c.get('principal'), ['admin']);
    const { limit = 100, cursor, ...where } = c.req.valid('query');
    const page = await withPaths(() => deps.ports.audit.list(where, { limit, ...(cursor ? { cursor } : {}) }), { '/cursor': '/query/cursor' });
    return c.json(page, 200);
  });
}
