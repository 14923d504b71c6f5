/**
 * @module admin/routes/dashboard
 * The department dashboard of one service, scoped like every admin page (a clerk: their school).
 */
import { Hono } from 'hono';
import type { AdminContext, AdminEnv } from '../app.js';
import { dashboardFigures } from '../data/dashboard.js';
import { allApplications } from '../data/scan.js';
import { graphOf } from '../diagrams.js';
import { DashboardPage } from '../views/dashboard.js';

/**
 * Routes of the dashboard.
 *
 * @example
 * admin.route('/', dashboardRoutes(ctx));
 */
export function dashboardRoutes(ctx: AdminContext) {
  const { store, workflows, calendar, clock, basePath: base } = ctx;
  const app = new Hono<AdminEnv>();

  app.get('/dashboard', async function dashboard(c) {
    const principal = c.get('principal');
    const services = workflows.latest().map((workflow) => ({ id: workflow.service, title: workflow.definition.title }));
    const asked = c.req.query('service');
    const service = services.find((s) => s.id === asked) ?? services[0];
    if (!service) return c.html(<p>Нет зарегистрированных услуг.</p>);
    const school = ctx.schoolOf(principal);
    const applications = await allApplications(store, { service: service.id, ...(school ? { school } : {}) });
    const figures = dashboardFigures(applications, graphOf(workflows, service.id), { calendar, now: clock.now() });
    return c.html(<DashboardPage base={base} principal={principal} services={services} service={service} figures={figures} zone={calendar.timeZone} />);
  });

  return app;
}
