/**
 * @module stats/aggregate
 * The pure aggregation behind the service statistics: application records with their history
 * in, the report out. The decision of an application is its decision term being met; its
 * outcome is the state the history entry that met it led to; processing time is counted in
 * working days by the calendar from the term's start (registration) to the decision.
 */
import type { Calendar } from '../calendar/types.js';
import type { ApplicationRecord, HistoryEntry, TermRecord } from '../store/types.js';
import { isDecisionTermByName } from './decision-terms.js';
import type { AppealSummary, ServiceStats, ServiceSummary } from './types.js';

export interface ServiceStatsOptions {
  /** Counts working days: `workingDaysBetween` and `localDate`. */
  calendar: Pick<Calendar, 'workingDaysBetween' | 'localDate' | 'timeZone'>;
  /** The check instant (ISO); an injected clock's `now()`. */
  asOf: string;
  /** Decision term names per service (see `decisionTermsOf`); others fall back to every term not named `registration…`. */
  decisionTerms?: Record<string, string[]>;
  /** Services that are appeals. Default ['appeal']. */
  appealServices?: string[];
}

/** Adds applications one by one; `report()` may be called at any time. */
export interface ServiceStatsBuilder {
  add(application: ApplicationRecord, history: readonly HistoryEntry[]): void;
  report(): ServiceStats;
}

interface Tally {
  summary: ServiceSummary;
  workingDays: number;
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const mean = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 100) / 100);
const sortedKeys = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

function emptySummary(service: string): ServiceSummary {
  return { service, applications: 0, open: 0, closed: 0, states: {}, decided: 0, decidedWithinTerm: 0, decidedLate: 0, overdue: 0, shareDecidedWithinTerm: null, averageWorkingDays: null, decisions: {} };
}

/** The state the decision led to: the `to` of the command that met the term. */
function decisionState(term: TermRecord, history: readonly HistoryEntry[]): string {
  const metAt = Date.parse(term.metAt as string);
  const entry = history.find((item) => item.at === term.metAt) ?? history.find((item) => Date.parse(item.at) >= metAt);
  return entry?.to ?? 'unknown';
}

/**
 * A statistics builder, for paging through a store without holding it all.
 *
 * @example
 * const stats = createServiceStatsBuilder({ calendar, asOf: clock.now() });
 * stats.add(application, await store.getHistory(application.id));
 * stats.report().services[0].shareDecidedWithinTerm;
 */
export function createServiceStatsBuilder(options: ServiceStatsOptions): ServiceStatsBuilder {
  const { calendar, asOf, decisionTerms = {}, appealServices = ['appeal'] } = options;
  const asOfMs = Date.parse(asOf);
  const tallies = new Map<string, Tally>();
  const appealedService = new Map<string, string>();
  const appealLinks: string[][] = [];
  const appealOutcomes: Record<string, number> = {};
  const termsUsed: Record<string, Set<string>> = {};

  function decisionTermOf(application: ApplicationRecord): TermRecord | undefined {
    const names = decisionTerms[application.service];
    return application.terms.find((term) => (names ? names.includes(term.name) : isDecisionTermByName(term.name)));
  }

  function add(application: ApplicationRecord, history: readonly HistoryEntry[]): void {
    let tally = tallies.get(application.service);
    if (!tally) tallies.set(application.service, (tally = { summary: emptySummary(application.service), workingDays: 0 }));
    const summary = tally.summary;
    summary.applications++;
    summary[application.status]++;
    bump(summary.states, application.state);
    appealedService.set(application.id, application.service);
    if (appealServices.includes(application.service)) {
      appealLinks.push(application.links.map((link) => link.applicationId));
      if (application.status === 'closed') bump(appealOutcomes, application.state);
    }
    const term = decisionTermOf(application);
    if (!term) return;
    (termsUsed[application.service] ??= new Set()).add(term.name);
    if (term.metAt === null) {
      if (Date.parse(term.dueAt) <= asOfMs) summary.overdue++;
      return;
    }
    summary.decided++;
    // dueAt is 24:00 of the last day, the first instant after the term (as the engine counts overdue).
    if (Date.parse(term.metAt) < Date.parse(term.dueAt)) summary.decidedWithinTerm++;
    else summary.decidedLate++;
    tally.workingDays += Math.max(0, calendar.workingDaysBetween(calendar.localDate(term.startedAt), calendar.localDate(term.metAt)));
    bump(summary.decisions, decisionState(term, history));
  }

  function report(): ServiceStats {
    const services = [...tallies.values()]
      .sort((a, b) => (a.summary.service < b.summary.service ? -1 : 1))
      .map(({ summary, workingDays }) => ({ ...summary, states: sortedKeys(summary.states), decisions: sortedKeys(summary.decisions), shareDecidedWithinTerm: share(summary.decidedWithinTerm, summary.decided), averageWorkingDays: mean(workingDays, summary.decided) }));
    const sum = (field: 'applications' | 'open' | 'closed' | 'decided' | 'decidedWithinTerm' | 'decidedLate' | 'overdue') => services.reduce((total, item) => total + item[field], 0);
    const allWorkingDays = [...tallies.values()].reduce((total, tally) => total + tally.workingDays, 0);
    const totals = {
      applications: sum('applications'), open: sum('open'), closed: sum('closed'), decided: sum('decided'),
      decidedWithinTerm: sum('decidedWithinTerm'), decidedLate: sum('decidedLate'), overdue: sum('overdue'),
      shareDecidedWithinTerm: share(sum('decidedWithinTerm'), sum('decided')), averageWorkingDays: mean(allWorkingDays, sum('decided')),
    };
    const appealSummaries = services.filter((item) => appealServices.includes(item.service));
    const byAppealedService: Record<string, number> = {};
    for (const links of appealLinks) {
      for (const id of links) {
        const service = appealedService.get(id);
        if (service !== undefined && !appealServices.includes(service)) bump(byAppealedService, service);
      }
    }
    const appeals: AppealSummary = {
      appeals: appealSummaries.reduce((total, item) => total + item.applications, 0),
      open: appealSummaries.reduce((total, item) => total + item.open, 0),
      decided: appealSummaries.reduce((total, item) => total + item.decided, 0),
      decidedWithinTerm: appealSummaries.reduce((total, item) => total + item.decidedWithinTerm, 0),
      shareDecidedWithinTerm: null,
      outcomes: sortedKeys(appealOutcomes),
      byAppealedService: sortedKeys(byAppealedService),
    };
    appeals.shareDecidedWithinTerm = share(appeals.decidedWithinTerm, appeals.decided);
    const decisionTermsUsed = Object.fromEntries(Object.entries(termsUsed).sort().map(([service, names]) => [service, [...names].sort()]));
    return { report: 'service-statistics', asOf: new Date(asOfMs).toISOString(), timeZone: calendar.timeZone, decisionTerms: decisionTermsUsed, totals, services, appeals };
  }

  return { add, report };
}

/**
 * Statistics over applications in memory, each with its history.
 *
 * @example
 * const stats = buildServiceStats([{ application, history }], { calendar, asOf: '2026-04-01T00:00:00Z' });
 * stats.totals.shareDecidedWithinTerm;
 */
export function buildServiceStats(items: Iterable<{ application: ApplicationRecord; history: readonly HistoryEntry[] }>, options: ServiceStatsOptions): ServiceStats {
  const builder = createServiceStatsBuilder(options);
  for (const { application, history } of items) builder.add(application, history);
  return builder.report();
}
