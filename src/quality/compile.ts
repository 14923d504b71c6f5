/**
 * @module quality/compile
 * Compiles quality rules (data) into one checker that judges a journal entry with integer
 * comparisons. How a rule compiles:
 * - `scope`: compiled by ajv once. A scope that reads only `kind` (the usual case) is then run
 *   for each of the three kinds and kept as a table, so no schema runs per record; any other
 *   scope runs its ajv function per record.
 * - `term`: the last day is `from + calendarDays` as a local day number; with
 *   `lastDayOff: 'nextWorkingDay'` it is moved by the calendar, memoised per day.
 * - `done`: the day the duty was done, compared with the last day and the check date.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { Calendar } from '../calendar/types.js';
import { ReglamentError } from '../errors.js';
import { dayToIso, parseLocalDay, createDayZone } from './days.js';
import { journalEntryKinds, type DutyDone, type QualityEntry, type JournalEntryKind, type QualityRuleSet, type RuleOutcome, type TermStart } from './types.js';

/** Outcome codes written by {@link QualityChecker.evaluate}, indexes of {@link ruleOutcomes}. */
export const NOT_APPLICABLE = 0;
export const MET = 1;
export const LATE = 2;
export const MISSING = 3;
export const PENDING = 4;
export const ruleOutcomes: readonly RuleOutcome[] = ['notApplicable', 'met', 'late', 'missing', 'pending'];

/** One rule, ready to run. */
export interface CompiledQualityRule {
  id: string;
  citation: string;
  text: string;
  counter: string;
  /** Index of `counter` in {@link QualityChecker.counters}. */
  counterIndex: number;
  from: TermStart;
  calendarDays: number;
  lastDayOff: 'stays' | 'nextWorkingDay';
  done: DutyDone;
}

/** Compiled rules. */
export interface QualityChecker {
  readonly ruleSet: QualityRuleSet;
  readonly rules: readonly CompiledQualityRule[];
  /** Distinct counters the rules add to, in rule order. */
  readonly counters: readonly string[];
  /** True when rule `index` covers the entry (its scope accepts it). */
  covers(index: number, entry: QualityEntry): boolean;
  /** The last day of rule `index`'s term for the entry, or NaN when the entry lacks the start date. */
  lastDay(index: number, entry: QualityEntry): number;
  /** Writes the outcome code of every rule for the entry, as of local day `asOfDay`, into `outcomes`. */
  evaluate(entry: QualityEntry, asOfDay: number, outcomes: Uint8Array): void;
}

export interface CompileQualityOptions {
  /** Needed by rules with `lastDayOff: 'nextWorkingDay'`. */
  calendar?: Pick<Calendar, 'workingDayOnOrAfter'>;
}

/** A scope that constrains nothing but `kind` can be decided per kind, once. */
function readsOnlyKind(scope: Record<string, unknown>): boolean {
  const allowed = new Set(['type', 'properties', 'required', 'title', 'description', '$comment']);
  if (!Object.keys(scope).every((key) => allowed.has(key))) return false;
  if (scope.type !== undefined && scope.type !== 'object') return false;
  const properties = (scope.properties ?? {}) as Record<string, unknown>;
  const required = (scope.required ?? []) as unknown[];
  return Object.keys(properties).every((key) => key === 'kind') && required.every((key) => key === 'kind');
}

function kindTable(validate: ValidateFunction): Record<JournalEntryKind, boolean> {
  const table = {} as Record<JournalEntryKind, boolean>;
  for (const kind of journalEntryKinds) table[kind] = validate({ kind }) === true;
  return table;
}

/**
 * Compiles a rule set into a checker.
 *
 * @example
 * const checker = compileQualityRules(defaultQualityRules());
 * const outcomes = new Uint8Array(checker.rules.length);
 * checker.evaluate(entry, Infinity, outcomes); // outcomes[0] === LATE when a mark came on day 6
 */
export function compileQualityRules(ruleSet: QualityRuleSet, options: CompileQualityOptions = {}): QualityChecker {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  const counters: string[] = [];
  const rules: CompiledQualityRule[] = [];
  const tables: (Record<JournalEntryKind, boolean> | null)[] = [];
  const scopes: ValidateFunction[] = [];
  for (const [id, rule] of Object.entries(ruleSet.rules)) {
    const lastDayOff = rule.term.lastDayOff ?? 'stays';
    if (lastDayOff === 'nextWorkingDay' && !options.calendar) {
      throw new ReglamentError('INVALID_DEFINITION', `rule ${id} moves a last day off to a working day: give a calendar`, { path: `/rules/${id}/term/lastDayOff` });
    }
    if (!counters.includes(rule.counter)) counters.push(rule.counter);
    const validate = ajv.compile(rule.scope);
    scopes.push(validate);
    tables.push(readsOnlyKind(rule.scope) ? kindTable(validate) : null);
    rules.push({ id, citation: rule.citation, text: rule.text, counter: rule.counter, counterIndex: counters.indexOf(rule.counter), from: rule.term.from, calendarDays: rule.term.calendarDays, lastDayOff, done: rule.done });
  }

  const zone = createDayZone('UTC');
  const movedDays = new Map<number, number>();
  function workingDayOnOrAfter(day: number): number {
    let moved = movedDays.get(day);
    if (moved === undefined) {
      moved = parseLocalDay((options.calendar as Pick<Calendar, 'workingDayOnOrAfter'>).workingDayOnOrAfter(dayToIso(day)), zone);
      movedDays.set(day, moved);
    }
    return moved;
  }

  // The rules as flat typed arrays, so judging an entry reads no objects but the entry itself.
  const count = rules.length;
  const fromPeriodEnd = Uint8Array.from(rules, (rule) => (rule.from === 'periodEnd' ? 1 : 0));
  const doneInDiary = Uint8Array.from(rules, (rule) => (rule.done === 'visibleInDiaryAt' ? 1 : 0));
  const movesOffDays = Uint8Array.from(rules, (rule) => (rule.lastDayOff === 'nextWorkingDay' ? 1 : 0));
  const lengths = Int32Array.from(rules, (rule) => rule.calendarDays);
  /** Per rule and kind (mark, absence, interim): 1 covered, 0 not, 2 ask the scope's ajv function. */
  const coverage = new Uint8Array(count * 3);
  tables.forEach((table, index) => {
    journalEntryKinds.forEach((kind, k) => (coverage[index * 3 + k] = table === null ? 2 : table[kind] ? 1 : 0));
  });

  function kindIndex(kind: JournalEntryKind): number {
    return kind === 'mark' ? 0 : kind === 'absence' ? 1 : 2;
  }

  function covers(index: number, entry: QualityEntry): boolean {
    const covered = coverage[index * 3 + kindIndex(entry.kind)];
    return covered === 2 ? (scopes[index] as ValidateFunction)(entry) === true : covered === 1;
  }

  function lastDay(index: number, entry: QualityEntry): number {
    const last = (fromPeriodEnd[index] === 1 ? entry.periodEndDay : entry.lessonDay) + (lengths[index] as number);
    return movesOffDays[index] === 0 || Number.isNaN(last) ? last : workingDayOnOrAfter(last);
  }

  function evaluate(entry: QualityEntry, asOfDay: number, outcomes: Uint8Array): void {
    const kind = kindIndex(entry.kind);
    for (let i = 0; i < count; i++) {
      const covered = coverage[i * 3 + kind];
      if (covered === 0 || (covered === 2 && (scopes[i] as ValidateFunction)(entry) !== true)) {
        outcomes[i] = NOT_APPLICABLE;
        continue;
      }
      const last = lastDay(i, entry);
      if (Number.isNaN(last)) {
        outcomes[i] = NOT_APPLICABLE;
        continue;
      }
      const doneDay = doneInDiary[i] === 1 ? entry.visibleDay : entry.enteredDay;
      // Done after the check date counts as not done at the check date.
      if (doneDay <= asOfDay) outcomes[i] = doneDay <= last ? MET : LATE;
      else outcomes[i] = asOfDay > last ? MISSING : PENDING;
    }
  }

  return { ruleSet, rules, counters, covers, lastDay, evaluate };
}
