/**
 * @module admin/api-documents
 * The API's document routes, mounted by the HTTP service behind its bearer-token middleware:
 *
 * - `GET /v1/applications/{id}/documents` — the application's notices and documents, with links;
 * - `GET /v1/applications/{id}/documents/{doc}.html|.pdf` — one of them as printable HTML or PDF.
 *
 * Who may see the application may download its documents (a parent: their own; a clerk: their
 * school's); staff downloads are audited. A one-time code shows once (see `readDocument`). Errors are ReglamentErrors for the app's `onError`.
 */
import { Hono } from 'hono';
import { isStaff, requireVisible } from '../http/auth/access.js';
import type { AuthVariables } from '../http/auth/middleware.js';
import type { WorkflowRegistry } from '../definition/registry.js';
import type { PdfFonts } from '../pdf/fonts.js';
import type { AuditPort, Clock, NotifierPort } from '../ports/types.js';
import type { Store } from '../store/types.js';
import { documentResponse, parseDocumentFile, readDocument } from './documents.js';

export interface DocumentApiOptions {
  store: Store;
  notifier: NotifierPort;
  audit: AuditPort;
  workflows: WorkflowRegistry;
  clock?: Clock;
  fonts?: PdfFonts;
}

/**
 * Creates the document routes (relative to `/v1/applications`).
 *
 * @example
 * app.use('/v1/*', requireAuth(keys));
 * app.route('/v1/applications', documentApiRoutes({ store, notifier: ports.notifier, audit: ports.audit, workflows, clock }));
 */
export function documentApiRoutes({ store, notifier, audit, workflows, clock = { now: () => new Date().toISOString() }, fonts }: DocumentApiOptions) {
  const app = new Hono<{ Variables: AuthVariables }>();

  app.get('/:id/documents', async function listDocuments(c) {
    const principal = c.get('principal');
    const id = c.req.param('id');
    const application = requireVisible(principal, id, await store.getApplication(id));
    const notices = await notifier.list(application.id);
    const base = `/v1/applications/${encodeURIComponent(application.id)}/documents`;
    return c.json({
      items: notices.map((notice) => ({
        id: notice.id,
        template: notice.template,
        title: notice.title,
        to: notice.to,
        createdAt: notice.createdAt,
        html: `${base}/${encodeURIComponent(notice.id)}.html`,
        pdf: `${base}/${encodeURIComponent(notice.id)}.pdf`,
      })),
    });
  });

  app.get('/:id/documents/:file', async function getDocument(c) {
    const principal = c.get('principal');
    const id = c.req.param('id');
    const application = requireVisible(principal, id, await store.getApplication(id));
    const { id: documentId, format } = parseDocumentFile(c.req.param('file'));
    const notice = await readDocument(notifier, application, documentId, principal);
    if (isStaff(principal)) {
      await audit.record({
        actor: { id: principal.sub, role: principal.role, ...(principal.school ? { school: principal.school } : {}) },
        action: 'document.read',
        applicationId: application.id,
        ...(application.pupil ? { pupil: application.pupil } : {}),
        ...(application.school ? { school: application.school } : {}),
        details: { via: 'api', document: notice.id, template: notice.template, format },
      });
    }
    const title = workflows.has(application.service) ? workflows.get(application.service).definition.title : application.service;
    return documentResponse(c, notice, { application, serviceTitle: title, format, now: clock.now(), fonts });
  });

  return app;
}
