import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDate, formatInstant, monthLabel, plural, startOfLocalDay } from '../../src/admin/data/format.js';
import { periodOf } from '../../src/admin/routes/workflows.js';

const format = suite('admin formats');

format('writes instants in the body’s zone and dates the Russian way', () => {
  assert.is(formatInstant('2025-09-01T04:30:00.000Z', 'Asia/Yekaterinburg'), '01.09.2025 09:30');
  assert.is(formatDate('2025-09-01'), '01.09.2025');
  assert.is(monthLabel('2025-09'), 'сен 25');
  assert.is(startOfLocalDay('2025-09-01', 'Asia/Yekaterinburg'), '2025-08-31T19:00:00.000Z');
});

format('chooses the Russian plural form', () => {
  const days = (n: number) => plural(n, ['день', 'дня', 'дней']);
  assert.equal([1, 2, 4, 5, 11, 12, 21, 22, 25, 111].map(days), ['день', 'дня', 'дня', 'дней', 'дней', 'дней', 'день', 'дня', 'дней', 'дней']);
});

format('the period of transition counts: inclusive local dates, the last 30 days by default, bad input ignored', () => {
  assert.equal(periodOf('2025-09-01', '2025-09-30', '2025-10-05', 'Asia/Yekaterinburg'), {
    dates: { from: '2025-09-01', to: '2025-09-30' },
    instants: { from: '2025-08-31T19:00:00.000Z', to: '2025-09-30T19:00:00.000Z' },
  });
  assert.equal(periodOf(undefined, undefined, '2025-10-05', 'Asia/Yekaterinburg').dates, { from: '2025-09-06', to: '2025-10-05' });
  assert.equal(periodOf('2025-02-30', 'yesterday', '2025-10-05', 'Asia/Yekaterinburg').dates, { from: '2025-09-06', to: '2025-10-05' });
});

format.run();
