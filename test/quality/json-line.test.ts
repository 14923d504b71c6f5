import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createDayZone } from '../../src/quality/days.js';
import { readJournalLine } from '../../src/quality/json-line.js';
import { readJournalRecord } from '../../src/quality/record.js';
import type { QualityEntry } from '../../src/quality/types.js';

const zone = createDayZone('Asia/Yekaterinburg');

function general(line: string): QualityEntry | Error {
  try {
    return readJournalRecord(JSON.parse(line), zone);
  } catch (error) {
    return error as Error;
  }
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fields = ['school', 'class', 'subject', 'teacher', 'pupil', 'lessonDate', 'kind', 'periodEnd', 'enteredAt', 'visibleInDiaryAt'];
const values: Record<string, unknown[]> = {
  school: ['s1', 'Школа № 3', 7, '', '  ', null, '\u00a0'],
  class: ['5А', '11Б', ' 5А ', 'x"y', '\\n'],
  subject: ['math', 'Русский язык'],
  teacher: ['t-1', 'teacher-0000000000000042'],
  pupil: ['p-1', 'pupil-42'],
  lessonDate: ['2025-03-03', '03.03.2025', '2025-02-30', '2025-03-03 08:30', '', null, 20250303],
  kind: ['mark', 'absence', 'interim', 'Отметка', 'пропуск', 'Промежуточная аттестация', 'grade', '', null],
  periodEnd: ['2025-03-07', '07.03.2025', null, '', 'soon'],
  enteredAt: ['2025-03-04T10:00:00+05:00', '2025-03-08T19:01:00Z', '04.03.2025 23:59', '2025-03-04', '2025-03-04T10:00:00+5', null, '2025-03-04T10:00:00.123+05:00', '2025-03-04T10:00Z', '2025-03-04 10:00:00.5', '2025-03-04T10:00:00+05"', '2025-03-04"x', '2025-03-04T10:00:00+0500', '2025-03-04T10:00:00+05:0', '2025-03-04T10:00:00.', '2025-03-04\t', '2025-03-04T10:00:00-03'],
  visibleInDiaryAt: ['2025-03-04T10:05:00Z', null, '', '2025-03-05', '2025-03-05T25:00'],
};

function randomLine(random: () => number): string {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const parts: string[] = [];
  for (const field of fields) {
    const roll = random();
    if (roll < 0.04) continue;
    const value = roll < 0.75 ? (values[field] as unknown[])[0] : pick(values[field] as unknown[]);
    const space = random() < 0.1 ? ' ' : '';
    parts.push(`${space}"${field}"${space}:${space}${JSON.stringify(value)}`);
  }
  if (random() < 0.05) parts.push('"extra":{"nested":true}');
  if (random() < 0.05) parts.push('"comment":"ok"');
  if (random() < 0.05) parts.push(`"kind":${JSON.stringify(pick(values.kind as unknown[]))}`);
  let line = `{${parts.join(',')}}`;
  const damage = random();
  if (damage < 0.02) line = line.slice(0, Math.floor(random() * line.length));
  else if (damage < 0.03) line += ' x';
  else if (damage < 0.04) line = ` ${line}\t`;
  return line;
}

const fast = suite('JSON line fast path');

fast('decides exactly like JSON.parse + readJournalRecord, or defers', () => {
  const random = mulberry32(7);
  let decided = 0;
  let acceptedByGeneral = 0;
  for (let i = 0; i < 20_000; i++) {
    const line = randomLine(random);
    const quick = readJournalLine(line, zone);
    // Read in place inside a chunk, the neighbours must not change the outcome.
    assert.equal(readJournalLine(`{"a":1}\n${line}\n"b"}`, zone, 8, 8 + line.length), quick, `in place: ${line}`);
    const slow = general(line);
    if (!(slow instanceof Error)) acceptedByGeneral++;
    if (quick === undefined) continue;
    decided++;
    assert.ok(!(slow instanceof Error), `fast path accepted a line the general path rejects: ${line}`);
    assert.equal(quick, slow, line);
  }
  // Most good lines must take the fast path, or the import is no faster than JSON.parse.
  assert.ok(decided > acceptedByGeneral * 0.8, `${decided} of ${acceptedByGeneral}`);
});

fast('takes plain export lines', () => {
  const line = '{"school":"s1","class":"5А","subject":"math","teacher":"t1","pupil":"p1","lessonDate":"2025-03-03","kind":"interim","periodEnd":"2025-03-07","enteredAt":"2025-03-08T19:01:00Z","visibleInDiaryAt":null}';
  assert.equal(readJournalLine(line, zone), general(line));
});

fast('defers escapes, numbers and broken lines', () => {
  const base = '"school":"s1","class":"5А","subject":"math","teacher":"t1","pupil":"p1","lessonDate":"2025-03-03","kind":"mark","enteredAt":"2025-03-04"';
  assert.is(readJournalLine(`{${base}}`, zone)?.kind, 'mark');
  for (const line of [`{${base},"x":1}`, `{${base.replace('5А', '5\\u0410')}}`, `{${base}`, `{${base}} x`, `[${base}]`, `{${base.replace('"s1"', '7')}}`]) {
    assert.is(readJournalLine(line, zone), undefined, line);
  }
});

fast.run();
