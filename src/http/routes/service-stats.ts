/**
 * @module http/routes/service-stats
 * `GET /v1/reports/service-stats`: the service statistics of the store (applications by
 * service and outcome, the share decided within term, average processing time in working days,
 * appeals and their outcomes), optionally for applications received in a period, one service
 * or one school. Counts only: no personal data.
 */
import { Hono } from 'hono';
import type { Calendar } from '../../calendar/types.js';
import type { WorkflowRegistry } from '../../definition/registry.js';
import type { Clock } from '../../ports/types.js';
import { collectServiceStats } from '../../stats/collect.js';
import { decisionTermsOf, type TermsOfWorkflow } from '../../stats/decision-terms.js';
import type { ApplicationQuery, Store } from '../../store/types.js';
import type { AuthVariables } from '../auth/middleware.js';
import querySchema from '../schemas/service-stats-query.json' with { type: 'json' };
import { queryOf } from '../validation.js';
import { reportSchool } from './report-access.js';

/** The validated query of the service statistics. */
export interface ServiceStatsQuery {
  from?: string;
  to?: string;
  service?: string;
  school?: string;
  asOf?: string;
}

export interface ServiceStatsRouteDeps {
  store: Pick<Store, 'listApplications' | 'getHistory'>;
  workflows: WorkflowRegistry;
  calendar: Calendar;
  clock: Clock;
}

/**
 * The store as the statistics read it, limited to applications received between two local
 * dates (inclusive); the store has no date filter, so pages are narrowed as they are read.
 *
 * @example
 * receivedBetween(store, calendar, '2025-01-01', '2025-03-31').listApplications({ limit: 500 });
 */
export function receivedBetween(store: ServiceStatsRouteDeps['store'], calendar: Pick<Calendar, 'localDate'>, from: string | undefined, to: string | undefined): ServiceStatsRouteDeps['store'] {
  if (from === undefined && to === undefined) return store;
  const inPeriod = (receivedAt: string) => {
    const day = calendar.localDate(receivedAt);
    return (from === undefined || day >= from) && (to === undefined || day <= to);
  };
  return {
    getHistory: (id) => store.getHistory(id),
    async listApplications(query) {
      const page = await store.listApplications(query);
      return { ...page, items: page.items.filter((application) => inPeriod(application.receivedAt)) };
    },
  };
}

/** What the statistics are asked for: a school already decided by access rules. */
export interface ServiceStatsFilter {
  from?: string | undefined;
  to?: string | undefined;
  service?: string | undefined;
  school: string | null;
  /** The check instant (ISO); default the clock's now. */
  asOf?: string | undefined;
}

/**
 * The statistics of the store's applications, with the filter they were asked for; used by
 * the API and the admin pages alike.
 *
 * @example
 * const stats = await serviceStatsFor(deps, { from: '2025-01-01', school: null });
 * stats.totals.shareDecidedWithinTerm;
 */
export async function serviceStatsFor({ store, workflows, calendar, clock }: ServiceStatsRouteDeps, { from, to, service, school, asOf }: ServiceStatsFilter) {
  const query: Omit<ApplicationQuery, 'limit' | 'cursor'> = { ...(service ? { service } : {}), ...(school ? { school } : {}) };
  const definitions = workflows.services().flatMap((id) => workflows.versions(id).map((version) => workflows.get(id, version).definition as unknown as TermsOfWorkflow));
  const stats = await collectServiceStats(receivedBetween(store, calendar, from, to), {
    calendar,
    asOf: asOf ? new Date(asOf).toISOString() : clock.now(),
    decisionTerms: decisionTermsOf(definitions),
    query,
  });
  return { ...stats, filter: { from: from ?? null, to: to ?? null, service: service ?? null, school } };
}

/**
 * The statistics route (relative to `/v1/reports`).
 *
 * @example
 * app.route('/v1/reports', serviceStatsRoutes({ store, workflows, calendar, clock }));
 */
export function serviceStatsRoutes(deps: ServiceStatsRouteDeps) {
  return new Hono<{ Variables: AuthVariables }>().get('/service-stats', queryOf<ServiceStatsQuery>(querySchema), async (c) => {
    const { school: asked, ...filter } = c.req.valid('query');
    const school = reportSchool(c.get('principal'), asked);
    return c.json(await serviceStatsFor(deps, { ...filter, school }), 200);
  });
}
