import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildQualityReport } from '../../src/quality/report.js';
import { formatQualityTable } from '../../src/quality/table.js';
import type { JournalRecord } from '../../src/quality/types.js';

const base: JournalRecord = { school: 's1', class: '5А', subject: 'math', teacher: 't1', pupil: 'p1', kind: 'mark', lessonDate: '2025-03-03', enteredAt: '2025-03-04', visibleInDiaryAt: '2025-03-04' };

const table = suite('quality table');

table('one aligned line per group, then the totals', () => {
  const report = buildQualityReport([base, { ...base, school: 's10', enteredAt: '2025-03-10' }], { groupBy: ['school'], asOf: '2025-04-01', school: null });
  const lines = formatQualityTable(report).split('\n');
  assert.is(lines[0], 'Journal quality as of 2025-04-01 (Asia/Yekaterinburg)');
  assert.is(lines[2], 'School  Records  Late marks  Late interim  Missing in diary  Pending  On time');
  assert.is(lines[4], 's1            1           0             0                 0        0   100.0%');
  assert.is(lines[5], 's10           1           1             0                 0        0     0.0%');
  assert.is(lines[7], 'Total         2           1             0                 0        0    50.0%');
});

table('no judged record shows a dash for the share', () => {
  const report = buildQualityReport([{ ...base, visibleInDiaryAt: null }], { asOf: '2025-03-04', groupBy: ['school'] });
  assert.match(formatQualityTable(report), /Total\s+1\s+0\s+0\s+0\s+1\s+—/);
});

table.run();
