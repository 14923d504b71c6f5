/**
 * @module admin/data/dashboard
 * The department dashboard's figures for one service, from its applications (pure):
 * applications per school and state, the share of terms met within term per month, average
 * processing time in working days per month, and what is overdue now.
 */
import type { Calendar } from '../../calendar/types.js';
import type { ApplicationRecord } from '../../store/types.js';
import type { WorkflowGraph } from '../../viz/graph.js';

export interface MonthFigure {
  /** `YYYY-MM` in the body's zone. */
  month: string;
  /** Terms that ended (were met, or ran out unmet) that month. */
  decided: number;
  withinTerm: number;
  /** Percent within term, null when nothing was decided that month. */
  share: number | null;
  /** Applications closed that month. */
  closed: number;
  /** Average working days from receipt to closure of those, null when none. */
  averageWorkingDays: number | null;
}

export interface DashboardFigures {
  total: number;
  open: number;
  overdueNow: ApplicationRecord[];
  schools: string[];
  /** Top-level state groups shown in the per-school chart, in definition order. */
  groups: { id: string; label: string }[];
  /** `perSchool[school][group]` = number of applications. */
  perSchool: Record<string, Record<string, number>>;
  months: MonthFigure[];
  /** Over all applications closed in the months shown. */
  averageWorkingDays: number | null;
  shareWithinTerm: number | null;
}

export interface DashboardOptions {
  calendar: Calendar;
  now: string;
  /** How many months back, including the current one (default 12). */
  months?: number;
}

/**
 * Computes the dashboard figures.
 *
 * @example
 * const figures = dashboardFigures(applications, graph, { calendar, now: clock.now() });
 * figures.months.at(-1); // { month: '2025-11', decided: 14, withinTerm: 13, share: 92.9, closed: 9, averageWorkingDays: 4.2 }
 */
export function dashboardFigures(applications: ApplicationRecord[], graph: WorkflowGraph, { calendar, now, months = 12 }: DashboardOptions): DashboardFigures {
  const monthOf = (instant: string) => calendar.localDate(instant).slice(0, 7);
  const keys = lastMonths(monthOf(now), months);
  const figures = new Map(keys.map((month) => [month, { month, decided: 0, withinTerm: 0, closed: 0, days: 0 }]));
  const groups = graph.roots.filter((id) => id !== '*').map((id) => ({ id, label: graph.nodes.find((node) => node.id === id)!.label }));
  const perSchool: Record<string, Record<string, number>> = {};
  const overdueNow: ApplicationRecord[] = [];

  for (const application of applications) {
    const school = application.school ?? '—';
    const group = application.state.split('.')[0]!;
    const row = (perSchool[school] ??= {});
    row[group] = (row[group] ?? 0) + 1;
    if (application.status === 'open' && application.terms.some((term) => term.metAt === null && term.dueAt <= now)) overdueNow.push(application);
    for (const term of application.terms) {
      const endedAt = term.metAt ?? (term.dueAt <= now ? term.dueAt : null);
      const figure = endedAt === null ? undefined : figures.get(monthOf(endedAt));
      if (!figure) continue;
      figure.decided += 1;
      if (term.metAt !== null && term.metAt < term.dueAt) figure.withinTerm += 1;
    }
    if (application.status === 'closed') {
      const figure = figures.get(monthOf(application.updatedAt));
      if (figure) {
        figure.closed += 1;
        figure.days += Math.max(0, calendar.workingDaysBetween(calendar.localDate(application.receivedAt), calendar.localDate(application.updatedAt)));
      }
    }
  }

  const all = [...figures.values()];
  const sum = (pick: (f: (typeof all)[number]) => number) => all.reduce((total, f) => total + pick(f), 0);
  return {
    total: applications.length,
    open: applications.filter((application) => application.status === 'open').length,
    overdueNow: overdueNow.sort((a, b) => (a.nextDueAt ?? '').localeCompare(b.nextDueAt ?? '')),
    schools: Object.keys(perSchool).sort(),
    groups: groups.filter((group) => Object.values(perSchool).some((row) => row[group.id])),
    perSchool,
    months: all.map(({ month, decided, withinTerm, closed, days }) => ({
      month,
      decided,
      withinTerm,
      share: decided === 0 ? null : round((100 * withinTerm) / decided),
      closed,
      averageWorkingDays: closed === 0 ? null : round(days / closed),
    })),
    averageWorkingDays: sum((f) => f.closed) === 0 ? null : round(sum((f) => f.days) / sum((f) => f.closed)),
    shareWithinTerm: sum((f) => f.decided) === 0 ? null : round((100 * sum((f) => f.withinTerm)) / sum((f) => f.decided)),
  };
}

function lastMonths(current: string, count: number): string[] {
  const [year, month] = current.split('-').map(Number) as [number, number];
  const keys: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    keys.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return keys;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
