import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildQualityReport } from '../../src/quality/report.js';
import type { JournalRecord } from '../../src/quality/types.js';

const base: JournalRecord = { school: 's1', class: '5А', subject: 'math', teacher: 't1', pupil: 'p1', kind: 'mark', lessonDate: '2025-03-03', enteredAt: '2025-03-04', visibleInDiaryAt: '2025-03-04' };
const record = (overrides: Partial<JournalRecord>): JournalRecord => ({ ...base, ...overrides });

/** Two schools; the expected counts are worked out by hand next to each record. */
const journal: JournalRecord[] = [
  record({}), // s1 math: on time
  record({ pupil: 'p2', enteredAt: '2025-03-09', visibleInDiaryAt: '2025-03-09' }), // s1 math: late mark, late in diary
  record({ pupil: 'p3', kind: 'absence', visibleInDiaryAt: null }), // s1 math: missing in diary
  record({ subject: 'art', teacher: 't2', kind: 'interim', periodEnd: '2025-03-07', enteredAt: '2025-03-10', visibleInDiaryAt: '2025-03-09' }), // s1 art: late interim, diary on time
  record({ school: 's2', class: '6Б', teacher: 't3', lessonDate: '2025-04-01', enteredAt: '2025-04-02', visibleInDiaryAt: null }), // s2: missing in diary (or pending as of 2025-04-03)
  record({ school: 's2', class: '6Б', teacher: 't3', pupil: 'p9', lessonDate: '2025-04-01', enteredAt: '2025-04-01' }), // s2: on time
];

const report = suite('quality report');

report('counts per school, class, subject and teacher, with totals', () => {
  const result = buildQualityReport(journal);
  assert.equal(result.totals, {
    records: 6, marks: 4, absences: 1, interimMarks: 1,
    onTime: 2, violating: 4, pending: 0, shareOnTime: 0.3333,
    lateMarks: 1, lateInterimMarks: 1, missingInDiary: 3,
  });
  assert.equal(result.rows.map(({ counts, ...group }) => [group, counts.records, counts.lateMarks, counts.lateInterimMarks, counts.missingInDiary, counts.shareOnTime]), [
    [{ school: 's1', class: '5А', subject: 'art', teacher: 't2' }, 1, 0, 1, 0, 0],
    [{ school: 's1', class: '5А', subject: 'math', teacher: 't1' }, 3, 1, 0, 2, 0.3333],
    [{ school: 's2', class: '6Б', subject: 'math', teacher: 't3' }, 2, 0, 0, 1, 0.5],
  ]);
});

report('each rule is summarised with its citation', () => {
  const rules = buildQualityReport(journal).rules;
  const byId = Object.fromEntries(rules.map((rule) => [rule.id, rule]));
  assert.equal(
    { applicable: byId.markEnteredLate!.applicable, met: byId.markEnteredLate!.met, late: byId.markEnteredLate!.late },
    { applicable: 4, met: 3, late: 1 },
  );
  assert.equal(
    [byId.currentEntryMissingInDiary!.applicable, byId.currentEntryMissingInDiary!.met, byId.currentEntryMissingInDiary!.late, byId.currentEntryMissingInDiary!.missing],
    [5, 2, 1, 2],
  );
  assert.ok(rules.every((rule) => rule.citation.length > 0 && rule.text.length > 0));
});

report('a check date leaves duties whose term has not ended pending', () => {
  const result = buildQualityReport(journal, { asOf: '2025-04-03' });
  assert.is(result.asOf, '2025-04-03');
  assert.is(result.totals.pending, 1);
  assert.is(result.totals.missingInDiary, 2);
  assert.is(result.totals.shareOnTime, 0.4);
});

report('filters by lesson dates (inclusive) and by school', () => {
  assert.is(buildQualityReport(journal, { from: '2025-04-01' }).totals.records, 2);
  assert.is(buildQualityReport(journal, { to: '31.03.2025' }).totals.records, 4);
  assert.is(buildQualityReport(journal, { from: '2025-03-04', to: '2025-03-31' }).totals.records, 0);
  const s2 = buildQualityReport(journal, { school: 's2' });
  assert.is(s2.totals.records, 2);
  assert.equal(s2.filter, { from: null, to: null, school: 's2' });
});

report('groups by the dimensions asked for', () => {
  const result = buildQualityReport(journal, { groupBy: ['school'] });
  assert.equal(result.rows.map((row) => [row.school, row.counts.records, row.counts.missingInDiary]), [['s1', 4, 2], ['s2', 2, 1]]);
  assert.equal(Object.keys(result.rows[0]!), ['school', 'counts']);
});

report('an empty journal has no share on time yet', () => {
  const result = buildQualityReport([]);
  assert.is(result.totals.records, 0);
  assert.is(result.totals.shareOnTime, null);
  assert.equal(result.rows, []);
});

report('a bad record or option names where', () => {
  assert.throws(() => buildQualityReport([base, record({ enteredAt: 'вчера' })]), (error: any) => error.code === 'INVALID_INPUT' && error.path === '/records/1/enteredAt');
  assert.throws(() => buildQualityReport(journal, { from: '2025-02-30' }), (error: any) => error.code === 'INVALID_DATE' && error.path === '/from');
  assert.throws(() => buildQualityReport(journal, { groupBy: ['region' as never] }), (error: any) => error.code === 'INVALID_INPUT');
});

report.run();
