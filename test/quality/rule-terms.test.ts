import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCalendar } from '../../src/calendar/calendar.js';
import { compileQualityRules, ruleOutcomes, type QualityChecker } from '../../src/quality/compile.js';
import { createDayZone, parseLocalDay } from '../../src/quality/days.js';
import { readJournalRecord } from '../../src/quality/record.js';
import { defaultQualityRules } from '../../src/quality/rules.js';
import type { JournalRecord, QualityRuleSet } from '../../src/quality/types.js';

const zone = createDayZone('Asia/Yekaterinburg');
const defaults = compileQualityRules(defaultQualityRules());

/** The outcome of each rule for a record, by rule id; rules that do not cover it are left out. */
function outcomes(overrides: Partial<JournalRecord>, options: { asOf?: string; checker?: QualityChecker } = {}): Record<string, string> {
  const checker = options.checker ?? defaults;
  const record: JournalRecord = { school: 's1', class: '5А', subject: 'math', teacher: 't1', pupil: 'p1', kind: 'mark', lessonDate: '2025-03-03', enteredAt: '2025-03-03', visibleInDiaryAt: '2025-03-03', ...overrides };
  const codes = new Uint8Array(checker.rules.length);
  const asOf = options.asOf === undefined ? Number.POSITIVE_INFINITY : parseLocalDay(options.asOf, zone);
  checker.evaluate(readJournalRecord(record, zone), asOf, codes);
  const result: Record<string, string> = {};
  checker.rules.forEach((rule, index) => {
    if (codes[index] !== 0) result[rule.id] = ruleOutcomes[codes[index]!]!;
  });
  return result;
}

const marks = suite('rule: a mark within 5 calendar days of the lesson');

marks('entered on day 5 is on time, on day 6 late', () => {
  assert.is(outcomes({ enteredAt: '2025-03-08' }).markEnteredLate, 'met');
  assert.is(outcomes({ enteredAt: '2025-03-09' }).markEnteredLate, 'late');
});

marks('the lesson day itself and day 0 count as on time', () => {
  assert.is(outcomes({ enteredAt: '2025-03-03 08:00' }).markEnteredLate, 'met');
});

marks('day 5 lasts until 24:00 local time of the school (Asia/Yekaterinburg)', () => {
  assert.is(outcomes({ enteredAt: '2025-03-08T23:59:00+05:00' }).markEnteredLate, 'met');
  assert.is(outcomes({ enteredAt: '2025-03-08T18:59:59Z' }).markEnteredLate, 'met', '23:59:59 local');
  assert.is(outcomes({ enteredAt: '2025-03-08T19:01:00Z' }).markEnteredLate, 'late', '00:01 local on day 6');
  assert.is(outcomes({ enteredAt: '2025-03-09T00:01' }).markEnteredLate, 'late');
  assert.is(outcomes({ enteredAt: '2025-03-08T23:30:00+03:00' }).markEnteredLate, 'late', '23:30 in Moscow is 01:30 of day 6 in Yekaterinburg');
});

marks('weekends and holidays do not extend the term (calendar days)', () => {
  // Lesson on Tuesday 2026-02-17: day 5 is Sunday 22 February, then the 23 February holiday.
  assert.is(outcomes({ lessonDate: '2026-02-17', enteredAt: '2026-02-22' }).markEnteredLate, 'met');
  assert.is(outcomes({ lessonDate: '2026-02-17', enteredAt: '2026-02-23' }).markEnteredLate, 'late');
});

marks('absences and interim marks are not judged by the 5-day mark rule', () => {
  assert.is(outcomes({ kind: 'absence', enteredAt: '2025-04-01' }).markEnteredLate, undefined);
  assert.is(outcomes({ kind: 'interim', periodEnd: '2025-03-03', enteredAt: '2025-03-05' }).markEnteredLate, undefined);
});

const interim = suite('rule: interim marks within 2 days after the period');

interim('entered on the 2nd day after the period end is on time, on the 3rd late', () => {
  const base = { kind: 'interim' as const, lessonDate: '2025-05-20', periodEnd: '2025-05-23' };
  assert.is(outcomes({ ...base, enteredAt: '2025-05-25 23:59' }).interimEnteredLate, 'met');
  assert.is(outcomes({ ...base, enteredAt: '2025-05-26 00:01' }).interimEnteredLate, 'late');
});

interim('a period ending before a holiday: by default the holiday does not extend the term', () => {
  // The second term ends Monday 2025-12-29; the 2nd day, 31 December 2025, is a day off, then the New Year holidays.
  const base = { kind: 'interim' as const, lessonDate: '2025-12-26', periodEnd: '2025-12-29' };
  assert.is(outcomes({ ...base, enteredAt: '2025-12-31T23:59:00+05:00' }).interimEnteredLate, 'met');
  assert.is(outcomes({ ...base, enteredAt: '2026-01-01T00:01:00+05:00' }).interimEnteredLate, 'late');
});

interim('with lastDayOff "nextWorkingDay" the last day moves past the holidays (Civil Code art. 193)', () => {
  const rules = defaultQualityRules();
  const moved: QualityRuleSet = { ...rules, rules: Object.fromEntries(Object.entries(rules.rules).map(([id, rule]) => [id, { ...rule, term: { ...rule.term, lastDayOff: 'nextWorkingDay' as const } }])) };
  const checker = compileQualityRules(moved, { calendar: createCalendar({ timeZone: 'Asia/Yekaterinburg' }) });
  const base = { kind: 'interim' as const, lessonDate: '2025-12-26', periodEnd: '2025-12-29', visibleInDiaryAt: '2026-01-12' };
  assert.equal(outcomes({ ...base, enteredAt: '2026-01-12 23:59' }, { checker }), { interimEnteredLate: 'met', interimMissingInDiary: 'met' });
  assert.is(outcomes({ ...base, enteredAt: '2026-01-13' }, { checker }).interimEnteredLate, 'late');
  // Day 5 of a lesson on 2025-03-03 is Saturday 8 March (a holiday): it moves to Monday 10 March.
  assert.is(outcomes({ lessonDate: '2025-03-03', enteredAt: '2025-03-10' }, { checker }).markEnteredLate, 'met');
  assert.is(outcomes({ lessonDate: '2025-03-03', enteredAt: '2025-03-11' }, { checker }).markEnteredLate, 'late');
  // Day 5 of a lesson on 2025-03-05 is Monday 10 March, a working day: it stays.
  assert.is(outcomes({ lessonDate: '2025-03-05', enteredAt: '2025-03-11' }, { checker }).markEnteredLate, 'late');
});

interim('a rule moving a last day off needs a calendar', () => {
  const rules = defaultQualityRules();
  const moved: QualityRuleSet = { ...rules, rules: { only: { ...rules.rules.markEnteredLate!, term: { ...rules.rules.markEnteredLate!.term, lastDayOff: 'nextWorkingDay' } } } };
  assert.throws(() => compileQualityRules(moved), /give a calendar/);
});

const diary = suite('rule: every journal entry in the diary in time');

diary('visible within the term is met; visible later than allowed counts as missing in time', () => {
  assert.is(outcomes({ visibleInDiaryAt: '2025-03-08 23:59' }).currentEntryMissingInDiary, 'met');
  assert.is(outcomes({ visibleInDiaryAt: '2025-03-09 00:01' }).currentEntryMissingInDiary, 'late');
  assert.is(outcomes({ kind: 'absence', visibleInDiaryAt: '2025-03-10' }).currentEntryMissingInDiary, 'late');
});

diary('a diary entry never made is missing once the term is over, pending before', () => {
  assert.is(outcomes({ visibleInDiaryAt: null }).currentEntryMissingInDiary, 'missing');
  assert.is(outcomes({ visibleInDiaryAt: null }, { asOf: '2025-03-09' }).currentEntryMissingInDiary, 'missing');
  assert.is(outcomes({ visibleInDiaryAt: null }, { asOf: '2025-03-08' }).currentEntryMissingInDiary, 'pending');
});

diary('visible only after the check date counts as not visible at the check date', () => {
  assert.is(outcomes({ visibleInDiaryAt: '2025-03-20' }, { asOf: '2025-03-15' }).currentEntryMissingInDiary, 'missing');
  assert.is(outcomes({ visibleInDiaryAt: '2025-03-07' }, { asOf: '2025-03-06' }).currentEntryMissingInDiary, 'pending');
});

diary('interim marks have 2 days after the period end to reach the diary', () => {
  const base = { kind: 'interim' as const, lessonDate: '2025-05-20', periodEnd: '2025-05-23', enteredAt: '2025-05-23' };
  assert.is(outcomes({ ...base, visibleInDiaryAt: '2025-05-25' }).interimMissingInDiary, 'met');
  assert.is(outcomes({ ...base, visibleInDiaryAt: '2025-05-26' }).interimMissingInDiary, 'late');
  assert.is(outcomes({ ...base, visibleInDiaryAt: undefined }).interimMissingInDiary, 'missing');
});

const scope = suite('rule scope');

scope('a scope on other fields than kind runs per record', () => {
  const rules = defaultQualityRules();
  const ruleSet: QualityRuleSet = { ...rules, rules: { mathMarks: { ...rules.rules.markEnteredLate!, scope: { type: 'object', properties: { kind: { const: 'mark' }, subject: { enum: ['math'] } }, required: ['kind', 'subject'] }, counter: 'lateMathMarks' } } };
  const checker = compileQualityRules(ruleSet);
  assert.equal(outcomes({ enteredAt: '2025-03-09' }, { checker }), { mathMarks: 'late' });
  assert.equal(outcomes({ subject: 'art', enteredAt: '2025-03-09' }, { checker }), {});
});

marks.run();
interim.run();
diary.run();
scope.run();
