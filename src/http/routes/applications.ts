/**
 * @module http/routes/applications
 * The applications API: file one, read one (with history, terms and notices), list with
 * filters, send an event. Every route needs a bearer token; what a caller sees is narrowed by
 * role (see `auth/access.ts`), and every staff read of an application is audited.
 */
import { Hono } from 'hono';
import { ReglamentError, isReglamentError } from '../../errors.js';
import type { ApplicationQuery } from '../../store/types.js';
import type { Submission } from '../../runtime/types.js';
import { scopeQuery } from '../auth/access.js';
import { checkFiling } from '../filing.js';
import type { AuthVariables } from '../auth/middleware.js';
import { actorOf, auditRead } from '../audit.js';
import type { HttpDeps } from '../deps.js';
import { noticeAccess, visibleNotices } from '../notices.js';
import { etagOf, expectedVersionOf, idempotencyKeyOf } from '../preconditions.js';
import { requestFingerprint } from '../fingerprint.js';
import { maySend, present } from '../present.js';
import { jsonBody, queryOf } from '../validation.js';
import { loadVisible, loadVisibleRecord } from '../visible.js';
import { withPaths } from '../repath.js';

/** The validated query of `GET /v1/applications`. */
export interface ApplicationListQuery {
  service?: string;
  state?: string;
  school?: string;
  pupil?: string;
  status?: 'open' | 'closed';
  overdue?: boolean;
  limit?: number;
  cursor?: string;
}

/** The validated body of `POST /v1/applications/{id}/events`. */
export interface EventCommand {
  type: string;
  [field: string]: unknown;
}

export interface ApplicationSchemas {
  create: object;
  list: object;
  event: object;
}

/**
 * The application routes.
 *
 * @example
 * app.route('/v1/applications', applicationRoutes(deps, schemas));
 */
export function applicationRoutes(deps: HttpDeps, schemas: ApplicationSchemas) {
  const { engine, workflows, ports, clock } = deps;

  const visible = (id: string, principal: AuthVariables['principal']) => loadVisible(engine, principal, id);

  return new Hono<{ Variables: AuthVariables }>()
    .post('/', jsonBody<Submission & { service: string; channel: string }>(schemas.create), async (c) => {
      const principal = c.get('principal');
      const submission = c.req.valid('json');
      await checkFiling(principal, submission, { store: deps.store, now: clock.now() });
      const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'), principal);
      const keyed = idempotencyKey ? { idempotencyKey, fingerprint: requestFingerprint('POST', '/v1/applications', submission) } : {};
      const view = await engine.submit(submission, { actor: actorOf(principal), ...keyed });
      c.header('Location', `/v1/applications/${encodeURIComponent(view.id)}`);
      c.header('ETag', etagOf(view.version));
      return c.json(present(view, principal.role, workflows), 201);
    })
    .get('/', queryOf<ApplicationListQuery>(schemas.list), async (c) => {
      const principal = c.get('principal');
      const { overdue, ...filters } = c.req.valid('query');
      const query: ApplicationQuery = { ...filters, ...(overdue === true ? { overdueAt: clock.now(), status: 'open' as const } : {}) };
      const scoped = scopeQuery(principal, query);
      const page = scoped ? await withPaths(() => engine.list(scoped), { '/cursor': '/query/cursor', '/limit': '/query/limit' }) : { items: [], nextCursor: null };
      if (page.items.length > 0) {
        await auditRead(ports.audit, principal, { action: 'application.list', details: { applicationIds: page.items.map((item) => item.id) } });
      }
      return c.json({ items: page.items.map((view) => present(view, principal.role, workflows)), nextCursor: page.nextCursor }, 200);
    })
    .get('/:id', async (c) => {
      const principal = c.get('principal');
      const id = c.req.param('id');
      const view = await visible(id, principal);
      await auditRead(ports.audit, principal, { action: 'application.read', applicationId: id, pupil: view.pupil, school: view.school });
      const [history, notices, access] = await Promise.all([engine.history(id), ports.notifier.list(id), noticeAccess({ principal, application: view, workflows, roster: ports.roster })]);
      c.header('ETag', etagOf(view.version));
      return c.json(
        {
          ...present(view, principal.role, workflows),
          history: history.map(({ applicationId: _omit, ...entry }) => entry),
          notices: visibleNotices(notices, access).map(({ html: _html, ...notice }) => notice),
        },
        200,
      );
    })
    .post('/:id/events', jsonBody<EventCommand>(schemas.event), async (c) => {
      const principal = c.get('principal');
      const id = c.req.param('id');
      const event = c.req.valid('json');
      const expectedVersion = expectedVersionOf(c.req.header('if-match'));
      const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'), principal);
      const current = await loadVisibleRecord(deps.store, principal, id);
      const actor = actorOf(principal);
      const allowedNow = async () => (await engine.allowedEvents(id, actor)).filter((type) => maySend(workflows, current.service, current.workflowVersion, type, principal.role));
      if (!maySend(workflows, current.service, current.workflowVersion, event.type, principal.role)) {
        const known = workflows.get(current.service, current.workflowVersion).definition.events;
        if (known && !Object.hasOwn(known, event.type)) {
          throw new ReglamentError('EVENT_NOT_ALLOWED', `${current.service} has no event ${event.type}`, { path: '/type', details: { allowedEvents: await allowedNow() } });
        }
        throw new ReglamentError('FORBIDDEN', `role ${principal.role} may not send ${event.type}`, { path: '/type' });
      }
      try {
        const keyed = idempotencyKey ? { idempotencyKey, fingerprint: requestFingerprint('POST', `/v1/applications/${id}/events`, event) } : {};
        const view = await engine.send(id, event, { actor, expectedVersion, current, ...keyed });
        c.header('ETag', etagOf(view.version));
        return c.json(present(view, principal.role, workflows), 200);
      } catch (error) {
        if (isReglamentError(error, 'EVENT_NOT_ALLOWED')) {
          throw new ReglamentError('EVENT_NOT_ALLOWED', error.message, { path: '/type', details: { allowedEvents: await allowedNow() } });
        }
        throw error;
      }
    })
    .get('/:id/notices', async (c) => {
      const principal = c.get('principal');
      const id = c.req.param('id');
      const view = await visible(id, principal);
      await auditRead(ports.audit, principal, { action: 'notice.list', applicationId: id, pupil: view.pupil, school: view.school });
      const access = await noticeAccess({ principal, application: view, workflows, roster: ports.roster });
      return c.json({ items: visibleNotices(await ports.notifier.list(id), access) }, 200);
    });
}
