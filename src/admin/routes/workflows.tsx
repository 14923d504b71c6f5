/**
 * @module admin/routes/workflows
 * The start page (services with open and overdue counts), a service's live diagram, and the
 * list of applications in one of its states.
 */
import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { ReglamentError } from '../../errors.js';
import type { Principal } from '../../http/auth/token.js';
import type { ApplicationRecord } from '../../store/types.js';
import { renderSvg } from '../../viz/svg.js';
import type { AdminContext, AdminEnv } from '../app.js';
import { termViews } from '../data/application.js';
import { flowInPeriod, stateCounts } from '../data/counts.js';
import { startOfLocalDay } from '../data/format.js';
import { diagramOf } from '../diagrams.js';
import { OverviewPage, type WorkflowSummary } from '../views/overview.js';
import { StateListPage, type StateListRow } from '../views/state-list.js';
import { WorkflowPage } from '../views/workflow.js';

/**
 * Routes of the diagram pages.
 *
 * @example
 * admin.route('/', workflowRoutes(ctx));
 */
export function workflowRoutes(ctx: AdminContext) {
  const { store, workflows, calendar, clock, basePath: base } = ctx;
  const app = new Hono<AdminEnv>();

  app.get('/', async function overview(c) {
    const principal = c.get('principal');
    const school = ctx.schoolOf(principal);
    const now = clock.now();
    const summaries: WorkflowSummary[] = await Promise.all(
      workflows.latest().map(async (workflow) => {
        const scope = { service: workflow.service, ...(school ? { school } : {}) };
        const [total, open, overdue] = await Promise.all([
          store.countApplications(scope),
          store.countApplications({ ...scope, status: 'open' }),
          store.countApplications({ ...scope, status: 'open', overdueAt: now }),
        ]);
        return { service: workflow.service, title: workflow.definition.title, version: workflow.version, regulation: workflow.definition.regulation ?? null, total, open, overdue };
      }),
    );
    return c.html(<OverviewPage base={base} principal={principal} workflows={summaries} />);
  });

  /** The diagram of a service with the principal's counts for the period asked. */
  async function paintedDiagram(principal: Principal, service: string, from: string | undefined, to: string | undefined) {
    const { workflow, graph, layout } = await diagramOf(workflows, service);
    const now = clock.now();
    const period = periodOf(from, to, calendar.localDate(now), calendar.timeZone);
    const scope = { service: workflow.service, school: ctx.schoolOf(principal), now };
    const [states, transitions] = await Promise.all([stateCounts(store, graph, scope), flowInPeriod(store, graph, scope, period.instants)]);
    const stateHref = (state: string) => `${base}/workflows/${encodeURIComponent(workflow.service)}/states/${encodeURIComponent(state)}`;
    const svg = renderSvg(layout, { counts: { states, transitions }, stateHref });
    return { workflow, graph, svg, counts: { states, transitions }, period };
  }

  app.get('/workflows/:service', async function diagram(c) {
    const principal = c.get('principal');
    const { workflow, graph, svg, counts, period } = await paintedDiagram(principal, c.req.param('service'), c.req.query('from'), c.req.query('to'));
    return c.html(<WorkflowPage base={base} principal={principal} graph={graph} version={workflow.version} svg={svg} counts={counts} period={period.dates} />);
  });

  app.get('/workflows/:service/diagram.svg', async function diagramFile(c) {
    const { svg } = await paintedDiagram(c.get('principal'), c.req.param('service'), c.req.query('from'), c.req.query('to'));
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
  });

  app.get('/workflows/:service/states/:state', async function stateList(c) {
    const principal = c.get('principal');
    const { workflow, graph } = await diagramOf(workflows, c.req.param('service'));
    const node = graph.nodes.find((item) => item.id === c.req.param('state') && item.kind !== 'any');
    if (!node) throw new ReglamentError('WORKFLOW_NOT_FOUND', `no state ${c.req.param('state')}`);
    const now = clock.now();
    const overdueOnly = c.req.query('overdue') === '1';
    const school = ctx.schoolOf(principal);
    const leaves = node.children.length === 0 ? [node.id] : graph.nodes.filter((item) => item.id.startsWith(`${node.id}.`) && item.children.length === 0).map((item) => item.id);
    const cursor = leaves.length === 1 ? c.req.query('cursor') : undefined;
    const pages = await Promise.all(
      leaves.map((state) =>
        store.listApplications({ service: workflow.service, state, limit: 50, ...(school ? { school } : {}), ...(overdueOnly ? { status: 'open' as const, overdueAt: now } : {}), ...(cursor ? { cursor } : {}) }),
      ),
    );
    const titles = new Map(graph.nodes.map((item) => [item.id, item.label]));
    const rows: StateListRow[] = pages
      .flatMap((page) => page.items)
      .filter((application: ApplicationRecord) => ctx.visible(principal, application))
      .map((application) => ({ application, stateTitle: titles.get(application.state) ?? application.state, terms: termViews(application, workflow.definition, calendar, now) }));
    const next = leaves.length === 1 ? pages[0]!.nextCursor : null;
    const nextHref = next ? `?${new URLSearchParams({ ...(overdueOnly ? { overdue: '1' } : {}), cursor: next })}` : null;
    return c.html(
      <StateListPage
        base={base}
        principal={principal}
        service={{ id: workflow.service, title: workflow.definition.title }}
        state={{ id: node.id, title: node.label }}
        rows={rows}
        zone={calendar.timeZone}
        overdueOnly={overdueOnly}
        nextHref={nextHref}
      />,
    );
  });

  return app;
}

/**
 * The period of the transition counts: `from`..`to` inclusive local dates, default the last 30 days.
 *
 * @example
 * periodOf('2025-09-01', '2025-09-30', '2025-10-05', 'Asia/Yekaterinburg').instants;
 * // { from: '2025-08-31T19:00:00.000Z', to: '2025-09-30T19:00:00.000Z' }
 */
export function periodOf(from: string | undefined, to: string | undefined, today: string, zone: string) {
  const valid = (date: string | undefined) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date, { zone }).isValid ? date : undefined);
  const end = valid(to) ?? today;
  const start = valid(from) ?? DateTime.fromISO(end, { zone }).minus({ days: 29 }).toISODate()!;
  const dayAfterEnd = DateTime.fromISO(end, { zone }).plus({ days: 1 }).toISODate()!;
  return { dates: { from: start, to: end }, instants: { from: startOfLocalDay(start, zone), to: startOfLocalDay(dayAfterEnd, zone) } };
}
