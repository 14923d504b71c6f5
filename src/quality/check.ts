/**
 * @module quality/check
 * Explains one journal record: every quality rule with whether it applies (the duty was
 * missed), its citation and why, in the `RuleResult` shape the rest of reglament uses for
 * refusal grounds. Reasons name days and dates only, never the record's ids.
 */
import type { Calendar } from '../calendar/types.js';
import type { RuleResult } from '../store/types.js';
import { compileQualityRules, LATE, MISSING, NOT_APPLICABLE, PENDING, type QualityChecker } from './compile.js';
import { createDayZone, dayToIso, parseLocalDay } from './days.js';
import { readJournalRecord } from './record.js';
import { defaultQualityRules } from './rules.js';
import type { JournalRecord, QualityRuleSet } from './types.js';

export interface CheckJournalOptions {
  rules?: QualityRuleSet;
  /** A compiled checker, to skip compiling per call. */
  checker?: QualityChecker;
  calendar?: Pick<Calendar, 'workingDayOnOrAfter'>;
  /** IANA zone; default the rule set's. */
  timeZone?: string;
  /** Check date `YYYY-MM-DD`; default: every duty is judged. */
  asOf?: string;
}

const doneWords = { enteredAt: 'внесено в журнал', visibleInDiaryAt: 'отображено в дневнике' } as const;
const fromWords = { lessonDate: 'даты урока', periodEnd: 'окончания учебного периода' } as const;

/**
 * Checks one journal record against the quality rules; one result per rule, in rule order.
 * Rules whose scope does not cover the record are returned with `applies: false` and no reasons.
 *
 * @example
 * const [markRule] = checkJournalRecord({ school: 's1', class: '5А', subject: 'math', teacher: 't1',
 *   pupil: 'p1', kind: 'mark', lessonDate: '2025-03-03', enteredAt: '2025-03-09T10:00' });
 * markRule.applies; // true
 * markRule.reasons; // ['внесено в журнал 2025-03-09, на 6-й день после даты урока; последний день срока 2025-03-08']
 */
export function checkJournalRecord(record: JournalRecord, options: CheckJournalOptions = {}): RuleResult[] {
  const checker = options.checker ?? compileQualityRules(options.rules ?? defaultQualityRules(), options.calendar ? { calendar: options.calendar } : {});
  const zone = createDayZone(options.timeZone ?? checker.ruleSet.timeZone);
  const entry = readJournalRecord(record, zone);
  const asOfDay = options.asOf === undefined ? Number.POSITIVE_INFINITY : parseLocalDay(options.asOf, createDayZone('UTC'));
  const outcomes = new Uint8Array(checker.rules.length);
  checker.evaluate(entry, asOfDay, outcomes);
  return checker.rules.map((rule, index) => {
    const outcome = outcomes[index];
    const result: RuleResult = { id: rule.id, applies: outcome === LATE || outcome === MISSING, citation: rule.citation, text: rule.text, reasons: [] };
    if (outcome === NOT_APPLICABLE) return result;
    const last = dayToIso(checker.lastDay(index, entry));
    const start = rule.from === 'lessonDate' ? entry.lessonDay : entry.periodEndDay;
    const doneDay = rule.done === 'enteredAt' ? entry.enteredDay : entry.visibleDay;
    if (outcome === LATE) {
      result.reasons.push(`${doneWords[rule.done]} ${dayToIso(doneDay)}, на ${doneDay - start}-й день после ${fromWords[rule.from]}; последний день срока ${last}`);
    } else if (outcome === MISSING) {
      result.reasons.push(`не ${doneWords[rule.done]} к дате проверки; последний день срока ${last}`);
    } else if (outcome === PENDING) {
      result.reasons.push(`ещё не ${doneWords[rule.done]}; срок не истёк, последний день ${last}`);
    }
    return result;
  });
}
