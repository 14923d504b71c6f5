import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { createCalendar } from '../../src/calendar/calendar.js';

interface YearFile {
  year: number;
  source: string;
  transfers: { from: string; to: string }[];
  nonWorkingDays: string[];
  workingDays: string[];
  shortDays: string[];
}

const dir = new URL('../../calendars/RU/', import.meta.url);
const files: YearFile[] = readdirSync(dir)
  .filter((name) => /^\d{4}\.json$/.test(name))
  .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as YearFile);
const federal = createCalendar({ presidentialDays: false });

// Independent of src/: plain UTC Date arithmetic.
function* daysOf(year: number): Generator<{ iso: string; weekend: boolean; month: number; day: number; time: number }> {
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
    const date = new Date(time);
    yield { iso: date.toISOString().slice(0, 10), weekend: date.getUTCDay() === 0 || date.getUTCDay() === 6, month: date.getUTCMonth() + 1, day: date.getUTCDate(), time };
  }
}
const isoOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const weekendIso = (iso: string) => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());

// The official totals of the published production calendars (five-day week, no presidential days):
// working days and hours of a 40-hour week.
const officialTotals: Record<number, [number, number]> = {
  2013: [247, 1970], 2014: [247, 1970], 2015: [247, 1971], 2016: [247, 1974], 2017: [247, 1973],
  2018: [247, 1970], 2019: [247, 1970], 2020: [248, 1979], 2021: [247, 1972], 2022: [247, 1973],
  2023: [247, 1973], 2024: [248, 1979], 2025: [247, 1972], 2026: [247, 1972],
};

const data = suite('official calendar data');

data('ships every year 2013–2026, each naming its Government decree', () => {
  assert.equal(files.map((file) => file.year), Object.keys(officialTotals).map(Number));
  for (const file of files) assert.match(file.source, new RegExp(`^Постановление Правительства РФ от \\d\\d\\.\\d\\d\\.\\d{4} № \\d+ «О переносе выходных дней в ${file.year} году»$`));
});

data('every day of every year is working exactly as the data says', () => {
  for (const file of files) {
    const off = new Set(file.nonWorkingDays);
    const on = new Set(file.workingDays);
    for (const { iso, weekend } of daysOf(file.year)) {
      const expected = weekend ? on.has(iso) : !off.has(iso);
      assert.is(federal.isWorkingDay(iso), expected, `${iso} working should be ${expected}`);
    }
  }
});

data('non-working days are weekdays, working days are weekends, shortened days are working', () => {
  for (const file of files) {
    for (const iso of file.nonWorkingDays) assert.not.ok(weekendIso(iso), `${iso} is listed as a weekday off but is a weekend`);
    for (const iso of file.workingDays) assert.ok(weekendIso(iso), `${iso} is listed as a working weekend but is a weekday`);
    for (const iso of file.shortDays) assert.ok(federal.isWorkingDay(iso) && federal.isShortDay(iso), `${iso} should be a shortened working day`);
  }
});

data('yearly totals equal the published production calendars', () => {
  for (const [year, [workingDays, hours40]] of Object.entries(officialTotals)) {
    const summary = federal.yearSummary(Number(year));
    assert.equal([summary.workingDays, summary.hours40, summary.provisional], [workingDays, hours40, false], `year ${year}`);
  }
});

// Labour Code art. 112 plus the decree's transfers, applied by the rule, must give the lists the
// data stores: a transfer moves the day off of `from` (a weekend holiday, a weekend day, or a
// weekday art. 112 had made free) to `to`.
const holidays = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];
function fromTheDecree(file: YearFile): { off: string[]; on: string[] } {
  const holiday = new Set(holidays.map((md) => `${file.year}-${md}`));
  const off = new Set<string>();
  const movedFrom = new Map<string, string>();
  for (const { iso, weekend, month, time } of daysOf(file.year)) {
    if (!holiday.has(iso)) continue;
    if (!weekend) off.add(iso);
    else if (month !== 1) {
      let next = time + 86_400_000;
      while (weekendIso(isoOf(next)) || holiday.has(isoOf(next)) || off.has(isoOf(next))) next += 86_400_000;
      off.add(isoOf(next));
      movedFrom.set(iso, isoOf(next));
    }
  }
  const on = new Set<string>();
  for (const { from, to } of file.transfers) {
    if (movedFrom.has(from)) off.delete(movedFrom.get(from) as string);
    else if (off.has(from)) off.delete(from);
    else if (weekendIso(from) && !holiday.has(from)) on.add(from);
    off.add(to);
  }
  return { off: [...off].filter((iso) => !weekendIso(iso)).sort(), on: [...on].sort() };
}

data('the stored lists follow from the Labour Code and the decree transfers', () => {
  for (const file of files) {
    const derived = fromTheDecree(file);
    assert.equal([...file.nonWorkingDays].sort(), derived.off, `${file.year} non-working weekdays`);
    assert.equal([...file.workingDays].sort(), derived.on, `${file.year} working weekends`);
  }
});

// The periods off and working Saturdays as the Government announced them with each decree.
const announced: Record<number, { off: [string, string][]; workingSaturdays: string[] }> = {
  2014: { off: [['01-01', '01-08'], ['02-22', '02-23'], ['03-08', '03-10'], ['05-01', '05-04'], ['05-09', '05-11'], ['06-12', '06-15'], ['11-01', '11-04']], workingSaturdays: [] },
  2018: { off: [['01-01', '01-08'], ['02-23', '02-25'], ['03-08', '03-11'], ['04-29', '05-02'], ['05-09', '05-09'], ['06-10', '06-12'], ['11-03', '11-05'], ['12-30', '12-31']], workingSaturdays: ['04-28', '06-09', '12-29'] },
  2021: { off: [['01-01', '01-10'], ['02-21', '02-23'], ['03-06', '03-08'], ['05-01', '05-03'], ['05-08', '05-10'], ['06-12', '06-14'], ['11-04', '11-07'], ['12-31', '12-31']], workingSaturdays: ['02-20'] },
  2022: { off: [['01-01', '01-09'], ['02-23', '02-23'], ['03-06', '03-08'], ['04-30', '05-03'], ['05-07', '05-10'], ['06-11', '06-13'], ['11-04', '11-06']], workingSaturdays: ['03-05'] },
  2023: { off: [['01-01', '01-08'], ['02-23', '02-26'], ['03-08', '03-08'], ['04-29', '05-01'], ['05-06', '05-09'], ['06-10', '06-12'], ['11-04', '11-06']], workingSaturdays: [] },
  2024: { off: [['01-01', '01-08'], ['02-23', '02-25'], ['03-08', '03-10'], ['04-28', '05-01'], ['05-09', '05-12'], ['06-12', '06-12'], ['11-03', '11-04'], ['12-29', '12-31']], workingSaturdays: ['04-27', '11-02', '12-28'] },
  2025: { off: [['01-01', '01-08'], ['02-22', '02-23'], ['03-08', '03-09'], ['05-01', '05-04'], ['05-08', '05-11'], ['06-12', '06-15'], ['11-02', '11-04'], ['12-31', '12-31']], workingSaturdays: ['11-01'] },
  2026: { off: [['01-01', '01-11'], ['02-21', '02-23'], ['03-07', '03-09'], ['05-01', '05-03'], ['05-09', '05-11'], ['06-12', '06-14'], ['11-04', '11-04'], ['12-31', '12-31']], workingSaturdays: [] },
};

data('the calendar matches the periods off announced with each decree', () => {
  for (const [year, { off, workingSaturdays }] of Object.entries(announced)) {
    const offDays = new Set<string>();
    for (const [first, last] of off) {
      for (let time = Date.parse(`${year}-${first}T00:00:00Z`); time <= Date.parse(`${year}-${last}T00:00:00Z`); time += 86_400_000) offDays.add(isoOf(time));
    }
    const saturdays = new Set(workingSaturdays.map((md) => `${year}-${md}`));
    for (const { iso, weekend } of daysOf(Number(year))) {
      const expected = saturdays.has(iso) || (!weekend && !offDays.has(iso));
      assert.is(federal.isWorkingDay(iso), expected, `${iso} working should be ${expected}`);
    }
  }
});

data.run();
