/**
 * @module admin/routes/application
 * An application's page and its documents (HTML and PDF). Each read by staff is audited:
 * `application.read` for the page, `document.read` for a document.
 */
import { Hono } from 'hono';
import type { Principal } from '../../http/auth/token.js';
import type { ApplicationRecord } from '../../store/types.js';
import { ReglamentError } from '../../errors.js';
import { stateLabel } from '../../viz/labels.js';
import type { AdminContext, AdminEnv } from '../app.js';
import { termViews, timeline } from '../data/application.js';
import { documentResponse, parseDocumentFile, readDocument } from '../documents.js';
import { ApplicationPage } from '../views/application.js';

/**
 * Routes of the application page.
 *
 * @example
 * admin.route('/', applicationRoutes(ctx));
 */
export function applicationRoutes(ctx: AdminContext) {
  const { store, workflows, calendar, clock, notifier, audit, basePath: base } = ctx;
  const app = new Hono<AdminEnv>();

  async function visibleApplication(principal: Principal, id: string): Promise<ApplicationRecord> {
    const application = await store.getApplication(id);
    if (!application || !ctx.visible(principal, application)) throw new ReglamentError('APPLICATION_NOT_FOUND', 'no such application', { path: '/id' });
    return application;
  }

  function auditRead(principal: Principal, application: ApplicationRecord, action: string, details: Record<string, unknown>) {
    return audit.record({
      actor: { id: principal.sub, role: principal.role, ...(principal.school ? { school: principal.school } : {}) },
      action,
      applicationId: application.id,
      ...(application.pupil ? { pupil: application.pupil } : {}),
      ...(application.school ? { school: application.school } : {}),
      details: { via: 'admin', ...details },
    });
  }

  app.get('/applications/:id', async function applicationPage(c) {
    const principal = c.get('principal');
    const application = await visibleApplication(principal, c.req.param('id'));
    const workflow = workflows.has(application.service, application.workflowVersion) ? workflows.get(application.service, application.workflowVersion) : workflows.has(application.service) ? workflows.get(application.service) : undefined;
    const definition = workflow?.definition;
    const [history, notices] = await Promise.all([store.getHistory(application.id), notifier.list(application.id)]);
    await auditRead(principal, application, 'application.read', { page: 'application' });
    const now = clock.now();
    const state = application.state.split(',')[0]!;
    const config = definition ? configAt(definition as never, state) : {};
    return c.html(
      <ApplicationPage
        base={base}
        principal={principal}
        application={application}
        service={{ id: application.service, title: definition?.title ?? application.service }}
        stateTitle={definition ? stateLabel(config, state, definition as never) : state}
        epguStatus={workflow ? workflow.epguStatusOf(state) : null}
        terms={termViews(application, definition, calendar, now)}
        timeline={timeline(history, definition)}
        notices={notices}
        zone={calendar.timeZone}
      />,
    );
  });

  app.get('/applications/:id/documents/:file', async function documentFile(c) {
    const principal = c.get('principal');
    const application = await visibleApplication(principal, c.req.param('id'));
    const { id, format } = parseDocumentFile(c.req.param('file'));
    const notice = await readDocument(notifier, application, id, principal);
    await auditRead(principal, application, 'document.read', { document: notice.id, template: notice.template, format });
    const title = workflows.has(application.service) ? workflows.get(application.service).definition.title : application.service;
    return documentResponse(c, notice, { application, serviceTitle: title, format, now: clock.now(), fonts: ctx.fonts });
  });

  return app;
}

function configAt(definition: { states?: Record<string, unknown> }, path: string): Record<string, unknown> {
  let config: { states?: Record<string, unknown> } = definition;
  for (const key of path.split('.')) config = (config.states?.[key] ?? {}) as { states?: Record<string, unknown> };
  return config as Record<string, unknown>;
}
