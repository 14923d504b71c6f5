/**
 * @module http/routes/journal-quality
 * `POST /v1/reports/journal-quality`: the department uploads an e-journal export (JSON Lines or
 * CSV) and gets the journal quality report back (late marks, late interim marks, entries
 * missing from the diary, the share on time, per school, class, subject and teacher). The body
 * is streamed through `importJournal` into the report builder under its own, larger size
 * limit; nothing is stored. Rejected lines come back with their number, field and reason,
 * never a value from the record.
 */
import { Hono } from 'hono';
import type { Calendar } from '../../calendar/types.js';
import { importJournal, type RejectedLine } from '../../quality/import.js';
import { createQualityReportBuilder } from '../../quality/report.js';
import type { QualityDimension, QualityRuleSet } from '../../quality/types.js';
import type { Clock } from '../../ports/types.js';
import type { AuthVariables } from '../auth/middleware.js';
import querySchema from '../schemas/journal-quality-query.json' with { type: 'json' };
import { journalFormatOf, limitedChunks } from '../upload.js';
import { queryOf } from '../validation.js';
import { reportSchool } from './report-access.js';

/** The validated query of the journal quality report. */
export interface JournalQualityQuery {
  from?: string;
  to?: string;
  school?: string;
  asOf?: string;
  by?: string;
}

export interface JournalQualityOptions {
  calendar: Pick<Calendar, 'workingDayOnOrAfter' | 'localDate'>;
  clock: Clock;
  /** Largest export accepted, bytes. */
  maxBytes: number;
  /** Default: the regulation's rules. */
  rules?: QualityRuleSet;
  /** How many rejected lines the answer lists in full (all are counted). Default 100. */
  keepErrors?: number;
}

/**
 * A rejected line as the API shows it: quoted values (a bad date, say) are left out, so the
 * answer repeats nothing from the file.
 *
 * @example
 * withoutValues({ line: 3, field: 'lessonDate', message: 'line 3: lessonDate: not a date: "32.01.2025" (…)' });
 * // { line: 3, field: 'lessonDate', message: 'lessonDate: not a date (…)' }
 */
export function withoutValues(rejected: RejectedLine): RejectedLine {
  const message = rejected.message.replace(/^line \d+: /, '').replace(/:?\s*"(?:[^"\\]|\\.)*"/g, '');
  return { line: rejected.line, field: rejected.field, message };
}

/**
 * The journal quality route (relative to `/v1/reports`).
 *
 * @example
 * app.route('/v1/reports', journalQualityRoutes({ calendar, clock, maxBytes: 200 * 1024 * 1024 }));
 */
export function journalQualityRoutes({ calendar, clock, maxBytes, rules, keepErrors = 100 }: JournalQualityOptions) {
  return new Hono<{ Variables: AuthVariables }>().post('/journal-quality', queryOf<JournalQualityQuery>(querySchema), async (c) => {
    const query = c.req.valid('query');
    const school = reportSchool(c.get('principal'), query.school);
    const format = journalFormatOf(c.req.header('content-type'));
    const builder = createQualityReportBuilder({
      ...(rules ? { rules } : {}),
      calendar,
      asOf: query.asOf ?? calendar.localDate(clock.now()),
      from: query.from ?? null,
      to: query.to ?? null,
      school,
      ...(query.by ? { groupBy: query.by.split(',') as QualityDimension[] } : {}),
    });
    const summary = await importJournal(limitedChunks(c.req.raw, maxBytes), { format, onEntry: builder.add, keepErrors, timeZone: builder.checker.ruleSet.timeZone });
    const imported = { format: summary.format, accepted: summary.accepted, rejected: summary.rejected, errors: summary.errors.map(withoutValues) };
    return c.json({ ...builder.report(), import: imported }, 200);
  });
}
