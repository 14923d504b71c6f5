/**
 * @module engine/terms
 * Terms of an application, counted by the calendar: started on entering the `from` point,
 * met on entering an `until` state; each open term has a reminder and an overdue timer.
 * Pure: every instant comes from the caller.
 */
import { DateTime } from 'luxon';
import type { Calendar, TermEnd } from '../calendar/types.js';
import type { TermRecord } from '../store/types.js';
import type { TermSpec, TimerSpec } from '../definition/types.js';
import { systemEvents } from '../definition/builtins.js';
import type { Effect } from './effects.js';

/** Timer ids of a term: the reminder and the overdue mark. */
export function termTimerIds(applicationId: string, term: string): { reminder: string; overdue: string } {
  return { reminder: `${applicationId}:term:${term}:reminder`, overdue: `${applicationId}:term:${term}:overdue` };
}

function toInstant(date: DateTime): string {
  return new Date(date.toMillis()).toISOString();
}

/**
 * Calendar answers memoised per calendar: the calendar is pure, and the same dates come up for
 * every application received that day, while each answer costs several Luxon conversions.
 */
const memos = new WeakMap<Calendar, Map<string, unknown>>();

function memo<T>(calendar: Calendar, key: string, compute: () => T): T {
  let cache = memos.get(calendar);
  if (!cache) memos.set(calendar, (cache = new Map()));
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size >= 50_000) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

/** The calendar date of an instant in the calendar's zone; zone offsets change on whole minutes. */
export function localDateOf(calendar: Calendar, instant: string): string {
  return memo(calendar, `d${instant.slice(0, 16)}`, () => calendar.localDate(instant));
}

/** The start (00:00 local) of a calendar date in the calendar's zone, as a UTC instant. */
export function startOfDay(calendar: Calendar, date: string): string {
  return memo(calendar, `s${date}`, () => toInstant(DateTime.fromISO(date, { zone: calendar.timeZone }).startOf('day')));
}

/** The working day `n` working days before `date` (n = 0: `date` itself). */
export function workingDaysBefore(calendar: Calendar, date: string, n: number): string {
  return memo(calendar, `b${date}|${n}`, () => {
    let day = DateTime.fromISO(date, { zone: calendar.timeZone });
    for (let counted = 0; counted < n; ) {
      day = day.minus({ days: 1 });
      if (calendar.isWorkingDay(day.toISODate()!)) counted += 1;
    }
    return day.toISODate()!;
  });
}

function termEnd(calendar: Calendar, from: string, n: number, unit: 'workingDays' | 'calendarDays'): TermEnd {
  return memo(calendar, `t${from}|${n}|${unit}`, () => calendar.term(from, n, unit));
}

/**
 * Starts a term at `startedAt`: a receipt on a non-working day, or at or after `officeHoursEnd`
 * local time, counts from the next working day (`fromReceipt`); the end is counted by the Civil Code (art. 191–194) via the calendar.
 *
 * @example
 * startTerm(calendar, 'app-1', { name: 'credentials', workingDays: 10, from: 'registered', until: 'issued' }, '2025-04-30T05:00:00.000Z', false)
 * // { record: { name: 'credentials', lastDay: '2025-05-19', ... }, effects: [scheduleTimer ×2] }
 */
export function startTerm(calendar: Calendar, applicationId: string, term: TermSpec, startedAt: string, fromReceipt: boolean): { record: TermRecord; effects: Effect[] } {
  let from = localDateOf(calendar, startedAt);
  if (fromReceipt) {
    const afterHours = term.officeHoursEnd !== undefined && memo(calendar, `h${startedAt.slice(0, 16)}`, () => DateTime.fromISO(startedAt, { zone: calendar.timeZone }).toFormat('HH:mm')) >= term.officeHoursEnd;
    from = afterHours || !calendar.isWorkingDay(from) ? calendar.nextWorkingDay(from) : from;
  }
  const unit = term.calendarDays !== undefined ? 'calendarDays' : 'workingDays';
  const end = termEnd(calendar, from, (term.calendarDays ?? term.workingDays)!, unit);
  const record: TermRecord = { name: term.name, startedAt, lastDay: end.lastDay, dueAt: end.dueAt, provisional: end.provisional, metAt: null };
  const ids = termTimerIds(applicationId, term.name);
  const effects: Effect[] = [{ type: 'scheduleTimer', id: ids.overdue, dueAt: end.dueAt, event: { type: systemEvents.overdue, term: term.name } }];
  if (term.reminder) {
    const remindAt = startOfDay(calendar, workingDaysBefore(calendar, end.lastDay, term.reminder.workingDaysBefore));
    if (remindAt > startedAt) effects.unshift({ type: 'scheduleTimer', id: ids.reminder, dueAt: remindAt, event: { type: systemEvents.reminder, term: term.name } });
  }
  return { record, effects };
}

/** True when the term runs for an application received through `channel` (`channels` / `exceptChannels`). */
export function termAppliesTo(term: TermSpec, channel: string | null | undefined): boolean {
  if (term.channels && !term.channels.includes(channel ?? '')) return false;
  return !(term.exceptChannels && term.exceptChannels.includes(channel ?? ''));
}

/**
 * Marks an open term met at `now` and cancels its timers (the reminder only when the term has
 * one); a met or unknown term is left alone.
 */
export function meetTerm(terms: TermRecord[], applicationId: string, name: string, now: string, hasReminder = true): { terms: TermRecord[]; effects: Effect[] } {
  const index = terms.findIndex((term) => term.name === name && term.metAt === null);
  if (index < 0) return { terms, effects: [] };
  const ids = termTimerIds(applicationId, name);
  const next = terms.slice();
  next[index] = { ...terms[index]!, metAt: now };
  const effects: Effect[] = [{ type: 'cancelTimer', id: ids.overdue }];
  if (hasReminder) effects.unshift({ type: 'cancelTimer', id: ids.reminder });
  return { terms: next, effects };
}

/** Puts a started term in the list, replacing an earlier one of the same name. */
export function putTerm(terms: TermRecord[], record: TermRecord): TermRecord[] {
  return [...terms.filter((term) => term.name !== record.name), record];
}

/** Earliest `dueAt` of the open terms, or null. */
export function nextDueAt(terms: TermRecord[]): string | null {
  let earliest: string | null = null;
  for (const term of terms) if (term.metAt === null && (earliest === null || term.dueAt < earliest)) earliest = term.dueAt;
  return earliest;
}

/**
 * True when the term ran out before it was met (or is still open at `now`, at or past `dueAt`).
 * `dueAt` is 24:00 local of the last day (Civil Code art. 194): the first instant the term is
 * over, so `>=`. The Store's `overdueAt` query (`nextDueAt <= overdueAt`) and the overdue timer
 * (fires at `dueAt`) use the same rule.
 */
export function isOverdue(term: TermRecord, now: string): boolean {
  return term.metAt === null ? now >= term.dueAt : term.metAt >= term.dueAt;
}

/** The stored timer of a workflow `timers` entry: fires at the start of the delay's last day. */
export function scheduleWorkflowTimer(calendar: Calendar, applicationId: string, timer: TimerSpec, now: string): Effect {
  const unit = timer.calendarDays !== undefined ? 'calendarDays' : 'workingDays';
  const end = termEnd(calendar, localDateOf(calendar, now), (timer.calendarDays ?? timer.workingDays)!, unit);
  const at = startOfDay(calendar, end.lastDay);
  return { type: 'scheduleTimer', id: `${applicationId}:timer:${timer.name}`, dueAt: at > now ? at : now, event: { type: timer.send, timer: timer.name } };
}
