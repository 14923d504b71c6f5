/**
 * @module quality/record
 * Turns one journal record (from JSON or a CSV row) into a {@link QualityEntry}: ids checked,
 * the kind read, every date reduced to its local day. A bad field throws INVALID_INPUT whose
 * `path` names the field; the message never repeats an id (ids may identify a pupil).
 */
import { ReglamentError } from '../errors.js';
import { parseLocalDay, type DayZone } from './days.js';
import type { QualityEntry, JournalEntryKind } from './types.js';

/** Spellings of the kind accepted in imports, lower case, `ё` written `е`. */
const kindNames: Record<string, JournalEntryKind> = {
  mark: 'mark',
  absence: 'absence',
  interim: 'interim',
  'отметка': 'mark',
  'оценка': 'mark',
  'текущая': 'mark',
  'пропуск': 'absence',
  'отсутствие': 'absence',
  'н': 'absence',
  'аттестация': 'interim',
  'промежуточная аттестация': 'interim',
  'итоговая': 'interim',
  'итоговая отметка': 'interim',
};

/**
 * The kind named by an export's spelling, or undefined.
 *
 * @example
 * readKind('Пропуск'); // 'absence'
 */
export function readKind(value: string): JournalEntryKind | undefined {
  const exact = kindNames[value];
  if (exact !== undefined) return exact;
  return kindNames[value.trim().toLowerCase().replace(/ё/g, 'е')];
}

function fail(field: string, message: string): never {
  throw new ReglamentError('INVALID_INPUT', message, { path: `/${field}`, details: { field } });
}

function readId(raw: Record<string, unknown>, field: string): string {
  const value = raw[field];
  if (typeof value === 'string') {
    if (value.length > 0 && value.trim().length > 0) return value;
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return fail(field, value === undefined || value === null || value === '' ? 'required' : 'expected a non-empty id');
}

function readDay(raw: Record<string, unknown>, field: string, zone: DayZone, required: boolean): number {
  const value = raw[field];
  if (value === undefined || value === null || value === '') {
    return required ? fail(field, 'required') : Number.NaN;
  }
  if (typeof value !== 'string') return fail(field, 'expected a date as text');
  const day = parseLocalDay(value, zone);
  if (Number.isNaN(day)) {
    // Dates are not personal data; a short excerpt helps find the broken cell.
    return fail(field, `not a date: "${value.slice(0, 32)}" (expected YYYY-MM-DD or DD.MM.YYYY, optionally with a time)`);
  }
  return day;
}

/**
 * Reads a journal record with English field names (see `JournalRecord`).
 *
 * @example
 * const entry = readJournalRecord(JSON.parse(line), createDayZone('Asia/Yekaterinburg'));
 * entry.lessonDay; // local day number of lessonDate
 */
export function readJournalRecord(raw: unknown, zone: DayZone): QualityEntry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ReglamentError('INVALID_INPUT', 'expected an object', { path: '' });
  }
  const record = raw as Record<string, unknown>;
  const kindValue = record.kind;
  const kind = typeof kindValue === 'string' ? readKind(kindValue) : undefined;
  if (kind === undefined) {
    fail('kind', kindValue === undefined || kindValue === null || kindValue === '' ? 'required' : 'expected mark, absence or interim');
  }
  const entry: QualityEntry = {
    school: readId(record, 'school'),
    class: readId(record, 'class'),
    subject: readId(record, 'subject'),
    teacher: readId(record, 'teacher'),
    pupil: readId(record, 'pupil'),
    kind,
    lessonDay: readDay(record, 'lessonDate', zone, true),
    periodEndDay: readDay(record, 'periodEnd', zone, kind === 'interim'),
    enteredDay: readDay(record, 'enteredAt', zone, true),
    visibleDay: readDay(record, 'visibleInDiaryAt', zone, false),
  };
  return entry;
}
