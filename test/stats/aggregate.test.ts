import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildServiceStats } from '../../src/stats/aggregate.js';
import { asOf, calendar, statsCases } from './fixtures.js';

const decisionTerms = { 'journal-extract': ['extract', 'extractInPerson'], 'diary-access': ['credentials'], appeal: ['review', 'reviewShort'] };
const stats = suite('service statistics');

stats('per service: outcomes, decisions within term, working days to decide', () => {
  const report = buildServiceStats(statsCases(), { calendar, asOf, decisionTerms });
  const extract = report.services.find((item) => item.service === 'journal-extract')!;
  assert.equal(extract, {
    service: 'journal-extract',
    applications: 3, open: 2, closed: 1,
    states: { issued: 1, refused: 1, registered: 1 },
    decided: 2, decidedWithinTerm: 1, decidedLate: 1, overdue: 1,
    shareDecidedWithinTerm: 0.5,
    // 2 → 5 March: 3 working days; 2 → 13 March: 8 (9 March 2026 is a day off).
    averageWorkingDays: 5.5,
    decisions: { issued: 1, refused: 1 },
  });
  const access = report.services.find((item) => item.service === 'diary-access')!;
  assert.equal([access.decided, access.decidedWithinTerm, access.averageWorkingDays, access.decisions], [1, 1, 1, { access: 1 }]);
  assert.equal(report.services.map((item) => item.service), ['appeal', 'diary-access', 'journal-extract']);
});

stats('totals over every service', () => {
  const { totals } = buildServiceStats(statsCases(), { calendar, asOf, decisionTerms });
  assert.equal(totals, { applications: 6, open: 4, closed: 2, decided: 4, decidedWithinTerm: 3, decidedLate: 1, overdue: 1, shareDecidedWithinTerm: 0.75, averageWorkingDays: 3.5 });
});

stats('appeals and their outcomes, with the service appealed', () => {
  const { appeals } = buildServiceStats(statsCases(), { calendar, asOf, decisionTerms });
  assert.equal(appeals, { appeals: 2, open: 1, decided: 1, decidedWithinTerm: 1, shareDecidedWithinTerm: 1, outcomes: { answeredSatisfied: 1 }, byAppealedService: { 'journal-extract': 1 } });
});

stats('an undecided term is overdue only once it ran out at the check instant', () => {
  const early = buildServiceStats(statsCases(), { calendar, asOf: '2026-03-12T18:59:00.000Z', decisionTerms });
  assert.is(early.services.find((item) => item.service === 'journal-extract')!.overdue, 0, '23:59 of the last day in Yekaterinburg');
  const later = buildServiceStats(statsCases(), { calendar, asOf: '2026-03-12T19:00:00.000Z', decisionTerms });
  assert.is(later.services.find((item) => item.service === 'journal-extract')!.overdue, 1, '24:00 of the last day');
});

stats('decided at 23:59:59 of the last day is within term, at 24:00 it is late', () => {
  const [onTime] = statsCases();
  const extract = onTime!.application.terms[1]!;
  const at = (metAt: string) => {
    const application = { ...onTime!.application, terms: [onTime!.application.terms[0]!, { ...extract, metAt }] };
    return buildServiceStats([{ application, history: onTime!.history }], { calendar, asOf, decisionTerms }).totals;
  };
  assert.is(extract.dueAt, '2026-03-12T19:00:00.000Z', '24:00 of 12 March in Yekaterinburg');
  assert.equal([at('2026-03-12T18:59:59.000Z').decidedWithinTerm, at('2026-03-12T18:59:59.000Z').decidedLate], [1, 0]);
  assert.equal([at('2026-03-12T19:00:00.000Z').decidedWithinTerm, at('2026-03-12T19:00:00.000Z').decidedLate], [0, 1]);
});

stats('without decision terms, every term not named registration counts', () => {
  const report = buildServiceStats(statsCases(), { calendar, asOf });
  assert.is(report.totals.decided, 4);
  assert.equal(report.decisionTerms, { appeal: ['review'], 'diary-access': ['credentials'], 'journal-extract': ['extract'] });
});

stats('nothing to count gives nulls, not zeros', () => {
  const report = buildServiceStats([], { calendar, asOf });
  assert.is(report.totals.shareDecidedWithinTerm, null);
  assert.is(report.totals.averageWorkingDays, null);
  assert.equal(report.services, []);
});

stats.run();
