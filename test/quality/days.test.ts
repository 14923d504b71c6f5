import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DateTime } from 'luxon';
import { createDayZone, dayFromCivil, dayToIso, parseLocalDay } from '../../src/quality/days.js';

const ekb = createDayZone('Asia/Yekaterinburg');
const iso = (text: string, zone = ekb) => {
  const day = parseLocalDay(text, zone);
  return Number.isNaN(day) ? null : dayToIso(day);
};

const formats = suite('days: formats');

formats('reads ISO and Russian dates as the same day', () => {
  assert.is(iso('2025-03-12'), '2025-03-12');
  assert.is(iso('12.03.2025'), '2025-03-12');
  assert.is(parseLocalDay('12.03.2025', ekb), dayFromCivil(2025, 3, 12));
});

formats('a local time without a zone keeps its date', () => {
  assert.is(iso('2025-03-12 23:59'), '2025-03-12');
  assert.is(iso('2025-03-12T00:01:30'), '2025-03-12');
  assert.is(iso('12.03.2025 23:59:59'), '2025-03-12');
  assert.is(iso('2025-03-12T23:59:59.999'), '2025-03-12');
});

formats('rejects what is not a date', () => {
  for (const text of ['', '2025-3-12', '2025-02-29', '2024-02-30', '31.04.2025', '2025-13-01', '00.01.2025', '2025-03-12T24:00', '2025-03-12T10:60', '2025-03-12 10', '2025-03-12T10:00+5', '2025-03-12T10:00:00.Z', 'yesterday', '1899-12-31']) {
    assert.is(iso(text), null, text);
  }
  assert.is(iso('2024-02-29'), '2024-02-29');
});

const zones = suite('days: time zones');

zones('an instant is read in the school zone: 23:59 and 00:01 local', () => {
  assert.is(iso('2025-03-12T18:59:00Z'), '2025-03-12', '23:59 in Yekaterinburg');
  assert.is(iso('2025-03-12T19:01:00Z'), '2025-03-13', '00:01 in Yekaterinburg');
  assert.is(iso('2025-03-12T23:59:00+05:00'), '2025-03-12');
  assert.is(iso('2025-03-13T00:01:00+0500'), '2025-03-13');
  assert.is(iso('2025-03-12T23:30:00+03:00'), '2025-03-13', '23:30 in Moscow is 01:30 in Yekaterinburg');
  assert.is(iso('2025-03-12T23:30:00+03:00', createDayZone('Europe/Moscow')), '2025-03-12');
});

zones('agrees with Luxon on random instants in zones with and without DST', () => {
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const name of ['Asia/Yekaterinburg', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
    const zone = createDayZone(name);
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2010, 0, 1) + Math.floor(next() * 16 * 365 * 86_400_000);
      const text = new Date(ms).toISOString();
      const expected = DateTime.fromMillis(ms, { zone: name }).toISODate();
      assert.is(iso(text, zone), expected, `${name} ${text}`);
    }
  }
});

zones('unknown zones are refused', () => {
  assert.throws(() => createDayZone('Mars/Olympus'), (error: Error & { code?: string }) => error.code === 'INVALID_INPUT');
});

formats.run();
zones.run();
