/**
 * @module http/middleware/document-guard
 * Stands in front of the document routes (`/v1/applications/{id}/documents/{doc}.html|.pdf`,
 * provided by the admin module): a caller gets a document only when the notice rule allows them
 * to read it (see `notices.ts`); otherwise the document does not exist for them (404). Staff
 * listing an application's documents leave an audit record (downloads are audited by the route).
 */
import { createMiddleware } from 'hono/factory';
import { ReglamentError } from '../../errors.js';
import type { AuthVariables } from '../auth/middleware.js';
import type { HttpDeps } from '../deps.js';
import { auditRead } from '../audit.js';
import { noticeAccess } from '../notices.js';
import { loadVisible } from '../visible.js';

/**
 * The guard; mount it on `/v1/applications/:id/documents/:file`.
 *
 * @example
 * app.use('/v1/applications/:id/documents/:file', guardDocuments(deps));
 */
export function guardDocuments({ engine, workflows, ports }: Pick<HttpDeps, 'engine' | 'workflows' | 'ports'>) {
  return createMiddleware<{ Variables: AuthVariables }>(async function documentGuard(c, next) {
    const principal = c.get('principal');
    const id = c.req.param('id') ?? '';
    const file = c.req.param('file') ?? '';
    const application = await loadVisible(engine, principal, id);
    const noticeId = file.replace(/\.(html|pdf)$/, '');
    const notice = (await ports.notifier.list(application.id)).find((item) => item.id === noticeId);
    if (notice) {
      const access = await noticeAccess({ principal, application, workflows, roster: ports.roster });
      if (access(notice) !== 'read') throw new ReglamentError('APPLICATION_NOT_FOUND', `application ${id} has no document ${noticeId}`, { path: '/doc' });
    }
    await next();
  });
}

/**
 * Audits staff listing the documents of an application; mount it on `/v1/applications/:id/documents`.
 *
 * @example
 * app.use('/v1/applications/:id/documents', auditDocumentList(deps));
 */
export function auditDocumentList({ engine, ports }: Pick<HttpDeps, 'engine' | 'ports'>) {
  return createMiddleware<{ Variables: AuthVariables }>(async function documentListAudit(c, next) {
    const principal = c.get('principal');
    const application = await loadVisible(engine, principal, c.req.param('id') ?? '');
    await auditRead(ports.audit, principal, { action: 'document.list', applicationId: application.id, pupil: application.pupil, school: application.school });
    await next();
  });
}
