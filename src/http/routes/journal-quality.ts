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
import { importJournal, type JournalFormat, type RejectedLine } from '../../quality/import.js';
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

/** What a journal quality report is asked for: a school already decided by access rules. */
export interface JournalQualityRequest {
  format: JournalFormat;
  from?: string | undefined;
  to?: string | undefined;
  school: string | null;
  asOf?: string | undefined;
  by?: string | undefined;
}

/**
 * Streams an export through the rules into the report, with what the import rejected (values
 * left out); used by the API and the admin upload alike.
 *
 * @example
 * const report = await journalQualityReport(limitedChunks(request, max), { format: 'csv', school: null }, { calendar, clock, maxBytes: max });
 * report.totals.lateMarks;
 */
export async function journalQualityReport(chunks: AsyncIterable<Uint8Array>, request: JournalQualityRequest, { calendar, clock, rules, keepErrors = 100 }: JournalQualityOptions) {
  const builder = createQualityReportBuilder({
    ...(rules ? { rules } : {}),
    calendar,
    asOf: request.asOf ?? calendar.localDate(clock.now()),
    from: request.from ?? null,
    to: request.to ?? null,
    school: request.school,
    ...(request.by ? { groupBy: request.by.split(',') as QualityDimension[] } : {}),
  });
  const summary = await importJournal(chunks, { format: request.format, onEntry: builder.add, keepErrors, timeZone: builder.checker.ruleSet.timeZone });
  const imported = { format: summary.format, accepted: summary.accepted, rejected: summary.rejected, errors: summary.errors.map(withoutValues) };
  return { ...builder.report(), import: imported };
}

/**
 * The journal quality route (relative to `/v1/reports`).
 *
 * @example
 * app.route('/v1/reports', journalQualityRoutes({ calendar, clock, maxBytes: 200 * 1024 * 1024 }));
 */
export function journalQualityRoutes(options: JournalQualityOptions) {
  return new Hono<{ Variables: AuthVariables }>().post('/journal-quality', queryOf<JournalQualityQuery>(querySchema), async (c) => {
    const { school: asked, ...query } = c.req.valid('query');
    const school = reportSchool(c.get('principal'), asked);
    const format = journalFormatOf(c.req.header('content-type'));
    return c.json(await journalQualityReport(limitedChunks(c.req.raw, options.maxBytes), { ...query, format, school }, options), 200);
  });
}
