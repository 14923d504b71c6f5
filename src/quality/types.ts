/**
 * @module quality/types
 * Shapes of the journal quality check: the journal record as exported by an e-journal, its
 * normalised form (local day numbers), the rules as data and the report.
 */

/** What a journal entry is: a current mark, an absence, or a mark of interim attestation. */
export type JournalEntryKind = 'mark' | 'absence' | 'interim';

export const journalEntryKinds: readonly JournalEntryKind[] = ['mark', 'absence', 'interim'];

/**
 * One e-journal entry as exported. Ids only: `pupil` and `teacher` are identifiers, never
 * names, and are never written to logs or error messages.
 */
export interface JournalRecord {
  school: string;
  class: string;
  subject: string;
  teacher: string;
  pupil: string;
  /** Date of the lesson or of the work the mark is for: `YYYY-MM-DD` or `DD.MM.YYYY`. */
  lessonDate: string;
  kind: JournalEntryKind;
  /** Last day of the study period; required for `interim`. */
  periodEnd?: string | null;
  /** When the entry was made in the journal: a date, a local date-time, or an instant with zone. */
  enteredAt: string;
  /** When the entry became visible in the pupil's e-diary; absent or null when it never did. */
  visibleInDiaryAt?: string | null;
}

/** A journal record as the quality rules read it: ids, the kind, and local day numbers in the school's zone. */
export interface QualityEntry {
  school: string;
  class: string;
  subject: string;
  teacher: string;
  pupil: string;
  kind: JournalEntryKind;
  lessonDay: number;
  /** NaN when the record has no period end. */
  periodEndDay: number;
  enteredDay: number;
  /** NaN when the entry never became visible in the diary. */
  visibleDay: number;
}

/** A date field of a journal record a term can start from. */
export type TermStart = 'lessonDate' | 'periodEnd';
/** A date field of a journal record that shows when a duty was done. */
export type DutyDone = 'enteredAt' | 'visibleInDiaryAt';

/** A duty of the school with a term, as data (one entry of `rules` in `rules/quality.json`). */
export interface QualityRule {
  /** e.g. 'journalQuality'. */
  group?: string;
  /** The clause of the regulation the duty comes from, quoted. */
  citation: string;
  /** What a violation means, in Russian, for reports. */
  text: string;
  /** JSON Schema over the record's ids and kind: the duty covers records it accepts. */
  scope: Record<string, unknown>;
  term: {
    /** The date the term counts from; counting starts the next day (Civil Code art. 191). */
    from: TermStart;
    /** The last day is `from + calendarDays`; the duty may be done until 24:00 local of it. */
    calendarDays: number;
    /**
     * 'stays' (default): the last day is what it is, even a day off. 'nextWorkingDay': a last
     * day that is not a working day moves to the next working day (Civil Code art. 193); needs
     * a calendar.
     */
    lastDayOff?: 'stays' | 'nextWorkingDay';
  };
  /** The record field that shows the duty done; absent means not done. */
  done: DutyDone;
  /** The report counter a violation adds to, e.g. 'lateMarks'. */
  counter: string;
}

/** A set of quality rules after loading: validated, parameters resolved. */
export interface QualityRuleSet {
  id: string;
  version: string;
  title?: string;
  /** The act the rules come from. */
  regulation?: string;
  /** IANA zone the schools count days in. */
  timeZone: string;
  parameters?: Record<string, number | string | boolean>;
  /** Rules by id, in file order. */
  rules: Record<string, QualityRule>;
}

/** What a rule found for one record. */
export type RuleOutcome = 'notApplicable' | 'met' | 'late' | 'missing' | 'pending';

/** Counters of one report row or of the totals. */
export interface QualityCounts {
  records: number;
  marks: number;
  absences: number;
  interimMarks: number;
  /** Records whose every applicable rule is met. */
  onTime: number;
  /** Records with at least one rule late or missing. */
  violating: number;
  /** Records with no violation yet but a duty whose term has not ended at the check date. */
  pending: number;
  /** onTime / (onTime + violating); null when nothing could be judged yet. */
  shareOnTime: number | null;
  lateMarks: number;
  lateInterimMarks: number;
  missingInDiary: number;
  /** Any further counters named by custom rules. */
  [counter: string]: number | null;
}

/** One rule's results over the whole report, with its citation. */
export interface QualityRuleSummary {
  id: string;
  citation: string;
  text: string;
  counter: string;
  applicable: number;
  met: number;
  late: number;
  missing: number;
  pending: number;
}

/** A dimension a report can be grouped by. */
export type QualityDimension = 'school' | 'class' | 'subject' | 'teacher';

/** One row of the report: the group it counts (the `groupBy` dimensions) and its counts. */
export interface QualityReportRow {
  school?: string;
  class?: string;
  subject?: string;
  teacher?: string;
  counts: QualityCounts;
}

/** The journal quality report: plain JSON. */
export interface QualityReport {
  report: 'journal-quality';
  ruleSet: string;
  timeZone: string;
  /** The check date (local), or null when every duty was judged: duties not done whose last day is on or after it are pending, not missing. */
  asOf: string | null;
  filter: { from: string | null; to: string | null; school: string | null };
  groupBy: QualityDimension[];
  totals: QualityCounts;
  rules: QualityRuleSummary[];
  rows: QualityReportRow[];
}
