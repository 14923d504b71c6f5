/**
 * @module quality/report
 * Aggregates checked journal entries into the quality report: per group (school, class,
 * subject, teacher by default) the records, late marks, late interim marks, entries missing
 * from the diary and the share on time, plus totals and per-rule summaries with citations.
 * The builder keeps one small counter array per group, so memory follows the number of groups,
 * never the number of records.
 */
import { ReglamentError } from '../errors.js';
import type { Calendar } from '../calendar/types.js';
import { compileQualityRules, LATE, MISSING, PENDING, type QualityChecker } from './compile.js';
import { createDayZone, dayToIso, parseLocalDay } from './days.js';
import { createGroupIndex } from './groups.js';
import { readJournalRecord } from './record.js';
import { defaultQualityRules } from './rules.js';
import type { QualityEntry, JournalRecord, QualityCounts, QualityDimension, QualityReport, QualityReportRow, QualityRuleSet } from './types.js';

export const qualityDimensions: readonly QualityDimension[] = ['school', 'class', 'subject', 'teacher'];

export interface QualityReportOptions {
  /** Default: the regulation's rules ({@link defaultQualityRules}). */
  rules?: QualityRuleSet;
  /** IANA zone the records' times are read in. Default: the rule set's `timeZone`. */
  timeZone?: string;
  /** Needed when a rule moves a last day off to a working day. */
  calendar?: Pick<Calendar, 'workingDayOnOrAfter'>;
  /** The check date, `YYYY-MM-DD` (local). Duties whose term ends on or after it and are not done yet are pending. Default: none, every duty is judged. */
  asOf?: string | null;
  /** Only lessons on or after this date. */
  from?: string | null;
  /** Only lessons on or before this date. */
  to?: string | null;
  school?: string | null;
  /** Dimensions of a row, in order. Default: school, class, subject, teacher. */
  groupBy?: QualityDimension[];
}

/** Accumulates entries; `report()` may be called at any time. */
export interface QualityReportBuilder {
  readonly checker: QualityChecker;
  /** Checks and counts one entry; returns false when the filter leaves it out. */
  add(entry: QualityEntry): boolean;
  report(): QualityReport;
}

const RECORDS = 0, MARKS = 1, ABSENCES = 2, INTERIM = 3, ON_TIME = 4, VIOLATING = 5, PENDING_RECORDS = 6, FIXED = 7;
const requiredCounters = ['lateMarks', 'lateInterimMarks', 'missingInDiary'];

function bump(values: Float64Array, index: number): void {
  values[index] = (values[index] as number) + 1;
}

function optionalDay(value: string | null | undefined, name: string): number {
  if (value === undefined || value === null) return Number.NaN;
  const day = parseLocalDay(value, createDayZone('UTC'));
  if (Number.isNaN(day) || value.length !== 10) throw new ReglamentError('INVALID_DATE', `${name}: not a calendar date "${value}" (expected YYYY-MM-DD or DD.MM.YYYY)`, { path: `/${name}` });
  return day;
}

/**
 * A streaming report builder: feed it entries from {@link importJournal}, then read the report.
 *
 * @example
 * const builder = createQualityReportBuilder({ asOf: '2025-06-01', school: 'school-7' });
 * await importJournal(createReadStream('journal.jsonl'), { format: 'jsonl', onEntry: builder.add });
 * builder.report().totals.lateMarks;
 */
export function createQualityReportBuilder(options: QualityReportOptions = {}): QualityReportBuilder {
  const ruleSet = options.rules ?? defaultQualityRules();
  const checker = compileQualityRules(ruleSet, options.calendar ? { calendar: options.calendar } : {});
  const groupBy = options.groupBy ?? [...qualityDimensions];
  if (groupBy.some((dimension) => !qualityDimensions.includes(dimension))) {
    throw new ReglamentError('INVALID_INPUT', `groupBy: expected some of ${qualityDimensions.join(', ')}`, { path: '/groupBy' });
  }
  const asOfDay = optionalDay(options.asOf, 'asOf');
  const fromDay = optionalDay(options.from, 'from');
  const toDay = optionalDay(options.to, 'to');
  const judgeUntil = Number.isNaN(asOfDay) ? Number.POSITIVE_INFINITY : asOfDay;
  const minDay = Number.isNaN(fromDay) ? Number.NEGATIVE_INFINITY : fromDay;
  const maxDay = Number.isNaN(toDay) ? Number.POSITIVE_INFINITY : toDay;
  const school = options.school ?? null;
  const counters = [...checker.counters, ...requiredCounters.filter((name) => !checker.counters.includes(name))];
  const width = FIXED + counters.length;
  const ruleCount = checker.rules.length;
  const ruleStats = new Float64Array(ruleCount * 5);
  const outcomes = new Uint8Array(ruleCount);
  const counterOf = Int32Array.from(checker.rules, (rule) => rule.counterIndex);
  const index = createGroupIndex(groupBy, width);

  function add(entry: QualityEntry): boolean {
    if (entry.lessonDay < minDay || entry.lessonDay > maxDay || (school !== null && entry.school !== school)) return false;
    checker.evaluate(entry, judgeUntil, outcomes);
    const counts = index.countsOf(entry);
    bump(counts, RECORDS);
    bump(counts, entry.kind === 'mark' ? MARKS : entry.kind === 'absence' ? ABSENCES : INTERIM);
    let violating = false;
    let pending = false;
    for (let i = 0; i < ruleCount; i++) {
      const outcome = outcomes[i] as number;
      bump(ruleStats, i * 5 + outcome);
      if (outcome === LATE || outcome === MISSING) {
        bump(counts, FIXED + (counterOf[i] as number));
        violating = true;
      } else if (outcome === PENDING) {
        pending = true;
      }
    }
    bump(counts, violating ? VIOLATING : pending ? PENDING_RECORDS : ON_TIME);
    return true;
  }

  function toCounts(values: Float64Array): QualityCounts {
    const judged = (values[ON_TIME] as number) + (values[VIOLATING] as number);
    const counts: QualityCounts = {
      records: values[RECORDS] as number,
      marks: values[MARKS] as number,
      absences: values[ABSENCES] as number,
      interimMarks: values[INTERIM] as number,
      onTime: values[ON_TIME] as number,
      violating: values[VIOLATING] as number,
      pending: values[PENDING_RECORDS] as number,
      shareOnTime: judged === 0 ? null : Math.round(((values[ON_TIME] as number) / judged) * 10_000) / 10_000,
      lateMarks: 0,
      lateInterimMarks: 0,
      missingInDiary: 0,
    };
    counters.forEach((name, index) => (counts[name] = values[FIXED + index] as number));
    return counts;
  }

  function report(): QualityReport {
    const totals = new Float64Array(width);
    const rows: QualityReportRow[] = [];
    for (const { parts, counts: values } of index.groups()) {
      for (let i = 0; i < width; i++) totals[i] = (totals[i] as number) + (values[i] as number);
      const row = {} as QualityReportRow;
      groupBy.forEach((dimension, index) => (row[dimension] = parts[index]));
      row.counts = toCounts(values);
      rows.push(row);
    }
    return {
      report: 'journal-quality',
      ruleSet: `${ruleSet.id}@${ruleSet.version}`,
      timeZone: options.timeZone ?? ruleSet.timeZone,
      asOf: Number.isNaN(asOfDay) ? null : dayToIso(asOfDay),
      filter: { from: Number.isNaN(fromDay) ? null : dayToIso(fromDay), to: Number.isNaN(toDay) ? null : dayToIso(toDay), school },
      groupBy,
      totals: toCounts(totals),
      rules: checker.rules.map((rule, i) => {
        const [notApplicable, met, late, missing, pending] = Array.from(ruleStats.subarray(i * 5, i * 5 + 5));
        const records = (notApplicable as number) + (met as number) + (late as number) + (missing as number) + (pending as number);
        return { id: rule.id, citation: rule.citation, text: rule.text, counter: rule.counter, applicable: records - (notApplicable as number), met: met as number, late: late as number, missing: missing as number, pending: pending as number };
      }),
      rows,
    };
  }

  return { checker, add, report };
}

/**
 * The quality report of journal records in memory: a pure function (the API and admin pages
 * call it). A bad record throws INVALID_INPUT with the path `/records/<index>/<field>`.
 *
 * @example
 * const report = buildQualityReport([{ school: 's1', class: '5А', subject: 'math', teacher: 't1',
 *   pupil: 'p1', kind: 'mark', lessonDate: '2025-03-03', enteredAt: '2025-03-09' }]);
 * report.totals.lateMarks; // 1 (entered on day 6)
 */
export function buildQualityReport(records: Iterable<JournalRecord>, options: QualityReportOptions = {}): QualityReport {
  const builder = createQualityReportBuilder(options);
  const zone = createDayZone(options.timeZone ?? builder.checker.ruleSet.timeZone);
  let index = 0;
  for (const record of records) {
    try {
      builder.add(readJournalRecord(record, zone));
    } catch (error) {
      if (error instanceof ReglamentError) {
        throw new ReglamentError(error.code, `record ${index}: ${error.message}`, { path: `/records/${index}${error.path ?? ''}`, cause: error, ...(error.details ? { details: error.details } : {}) });
      }
      throw error;
    }
    index++;
  }
  return builder.report();
}
