import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkJournalRecord } from '../../src/quality/check.js';
import type { JournalRecord } from '../../src/quality/types.js';

const mark: JournalRecord = { school: 's1', class: '5А', subject: 'math', teacher: 'teacher-77', pupil: 'pupil-42', kind: 'mark', lessonDate: '2025-03-03', enteredAt: '2025-03-09T10:00', visibleInDiaryAt: null };

const check = suite('checkJournalRecord');

check('gives every rule with its citation, and reasons for the ones that apply', () => {
  const results = checkJournalRecord(mark);
  assert.equal(results.map((result) => [result.id, result.applies]), [
    ['markEnteredLate', true],
    ['interimEnteredLate', false],
    ['currentEntryMissingInDiary', true],
    ['interimMissingInDiary', false],
  ]);
  assert.equal(results[0]!.reasons, ['внесено в журнал 2025-03-09, на 6-й день после даты урока; последний день срока 2025-03-08']);
  assert.equal(results[2]!.reasons, ['не отображено в дневнике к дате проверки; последний день срока 2025-03-08']);
  assert.equal(results[1]!.reasons, []);
  assert.match(results[0]!.citation, /не более 5 дней/);
});

check('a duty still in its term is pending, not applied', () => {
  const [, , diary] = checkJournalRecord(mark, { asOf: '2025-03-05' });
  assert.is(diary!.applies, false);
  assert.equal(diary!.reasons, ['ещё не отображено в дневнике; срок не истёк, последний день 2025-03-08']);
});

check('reasons never carry ids', () => {
  for (const result of checkJournalRecord(mark)) {
    for (const reason of result.reasons) assert.not.match(reason, /teacher-77|pupil-42/);
  }
});

check.run();
