/**
 * @module reglament
 * The library's root: the engine, the calendar and the ports, with no database driver and no
 * web framework loaded. Adapters and the HTTP service sit behind subpath exports
 * (`reglament/sqlite`, `reglament/mongodb`, `reglament/http`, `reglament/viz`, `reglament/testing`).
 */
export { ReglamentError, isReglamentError, errorCodes } from './errors.js';
export type { ErrorCode, ReglamentErrorOptions } from './errors.js';
export type { Calendar, CalendarOptions, CalendarOverrides, DateInput, IsoDate, TermEnd, YearSummary } from './calendar/types.js';
export { createCalendar } from './calendar/calendar.js';
export { loadCalendarOverrides } from './calendar/overrides.js';
export type {
  Actor,
  ApplicationQuery,
  ApplicationRecord,
  CommitCommand,
  CommitOutcome,
  HistoryEntry,
  Lease,
  OutboxRecord,
  Page,
  RuleResult,
  Store,
  StoredCommand,
  StoredRecord,
  TermRecord,
  TimerRecord,
} from './store/types.js';
