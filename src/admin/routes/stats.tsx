/**
 * @module admin/routes/stats
 * `/admin/stats`: the service statistics (the same figures as `GET /v1/reports/service-stats`),
 * filtered by the date of receipt, the service and the school; a clerk sees their own school.
 */
import { Hono } from 'hono';
import { reportSchool } from '../../http/routes/report-access.js';
import { serviceStatsFor } from '../../http/routes/service-stats.js';
import querySchema from '../../http/schemas/service-stats-query.json' with { type: 'json' };
import { compileValidator } from '../../http/validation.js';
import type { AdminContext, AdminEnv } from '../app.js';
import { StatsPage } from '../views/stats.js';

type Filter = { from?: string; to?: string; service?: string; school?: string };

const checkFilter = compileValidator<Filter>(querySchema, { coerce: true, prefix: '/query' });

/**
 * Routes of the statistics page.
 *
 * @example
 * admin.route('/', statsRoutes(ctx));
 */
export function statsRoutes(ctx: AdminContext) {
  const { store, workflows, calendar, clock, basePath: base } = ctx;
  const app = new Hono<AdminEnv>();

  app.get('/stats', async function stats(c) {
    const principal = c.get('principal');
    const asked = c.req.query();
    // Empty inputs of the form mean "any".
    const form = checkFilter(Object.fromEntries(['from', 'to', 'service', 'school'].flatMap((name) => (asked[name]?.trim() ? [[name, asked[name]!.trim()]] : []))));
    const school = principal.role === 'clerk' ? reportSchool(principal, undefined) : reportSchool(principal, form.school);
    const figures = await serviceStatsFor({ store, workflows, calendar, clock }, { ...form, school });
    const titles = Object.fromEntries(workflows.latest().map((workflow) => [workflow.service, workflow.definition.title]));
    return c.html(<StatsPage base={base} principal={principal} stats={figures} titles={titles} form={form} zone={calendar.timeZone} />);
  });

  return app;
}
