/**
 * @module admin/data/application
 * What the application page shows, computed from the stored record: its terms with working
 * days left by the calendar, and its history as a timeline with titles from the definition.
 */
import type { Calendar } from '../../calendar/types.js';
import type { WorkflowDefinition } from '../../definition/types.js';
import type { ApplicationRecord, HistoryEntry, RuleResult, TermRecord } from '../../store/types.js';
import { stateLabel } from '../../viz/labels.js';

export type TermStatus = 'open' | 'lastDay' | 'overdue' | 'met' | 'metLate';

export interface TermView {
  name: string;
  title: string;
  lastDay: string;
  dueAt: string;
  provisional: boolean;
  metAt: string | null;
  status: TermStatus;
  /** Working days from today to the last day (0: today is the last day); negative: overdue by that many. Null once met. */
  workingDaysLeft: number | null;
}

/**
 * The terms of an application as of `now`.
 *
 * @example
 * termViews(application, definition, calendar, '2025-09-10T06:00:00Z')[0];
 * // { name: 'credentials', title: 'Выдача логина и пароля', status: 'open', workingDaysLeft: 4, ... }
 */
export function termViews(application: ApplicationRecord, definition: WorkflowDefinition | undefined, calendar: Calendar, now: string): TermView[] {
  const today = calendar.localDate(now);
  return application.terms.map((term: TermRecord) => {
    const title = definition?.terms?.find((spec) => spec.name === term.name)?.title ?? term.name;
    const base = { name: term.name, title, lastDay: term.lastDay, dueAt: term.dueAt, provisional: term.provisional, metAt: term.metAt };
    if (term.metAt !== null) return { ...base, status: term.metAt < term.dueAt ? 'met' : 'metLate', workingDaysLeft: null };
    if (now >= term.dueAt) return { ...base, status: 'overdue', workingDaysLeft: -Math.max(1, calendar.workingDaysBetween(term.lastDay, today)) };
    const left = calendar.workingDaysBetween(today, term.lastDay);
    return { ...base, status: left === 0 ? 'lastDay' : 'open', workingDaysLeft: left };
  });
}

export interface TimelineItem {
  version: number;
  at: string;
  actor: HistoryEntry['actor'];
  event: string;
  eventTitle: string;
  from: string | null;
  fromTitle: string | null;
  to: string;
  toTitle: string;
  /** Other fields of the event (ids, flags), as sent. */
  details: [string, string][];
  grounds: RuleResult[];
  checked: RuleResult[];
}

/** Event types the engine itself sends, named for people. */
const systemEventTitles: Record<string, string> = {
  'term.reminder': 'Напоминание о сроке',
  'term.overdue': 'Срок истёк',
  'xstate.init': 'Заявление подано',
};

/**
 * The history as a timeline, oldest first: each step's title, the states by their titles,
 * which grounds applied (with citations) and which rules were checked and passed.
 *
 * @example
 * timeline(history, definition)[1].eventTitle; // 'Зарегистрировать заявление'
 */
export function timeline(history: HistoryEntry[], definition: WorkflowDefinition | undefined): TimelineItem[] {
  const title = (path: string | null) => (path === null ? null : definition ? stateLabel(configAt(definition, path), path, definition as never) : path);
  return [...history]
    .sort((a, b) => a.version - b.version)
    .map((entry) => ({
      version: entry.version,
      at: entry.at,
      actor: entry.actor,
      event: entry.event.type,
      eventTitle: definition?.events?.[entry.event.type]?.title ?? systemEventTitles[entry.event.type] ?? (entry.from === null ? 'Заявление подано' : entry.event.type),
      from: entry.from,
      fromTitle: title(entry.from),
      to: entry.to,
      toTitle: title(entry.to)!,
      details: Object.entries(entry.event)
        .filter(([key, value]) => key !== 'type' && value !== null && value !== undefined)
        .map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)] as [string, string]),
      grounds: entry.ruleResults.filter((result) => result.applies),
      checked: entry.ruleResults.filter((result) => !result.applies),
    }));
}

function configAt(definition: WorkflowDefinition, path: string): Record<string, unknown> {
  let config: { states?: Record<string, unknown> } = definition as never;
  for (const key of path.split('.')) config = (config.states?.[key] ?? {}) as { states?: Record<string, unknown> };
  return config as Record<string, unknown>;
}
