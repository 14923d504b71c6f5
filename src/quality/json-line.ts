/**
 * @module quality/json-line
 * The fast path of the JSON Lines import: reads a line that is a flat object of plain strings
 * and nulls straight into a {@link QualityEntry}, parsing dates where they stand in the line.
 * Anything else (escapes, numbers, nesting, a missing or bad field, broken JSON) returns
 * undefined and the caller takes the general path (`JSON.parse` + `readJournalRecord`), which
 * also writes the error. So the fast path only decides lines the general path would accept with
 * the same entry; the test suite checks the two agree.
 */
import { parseLocalDayAt, type DayZone } from './days.js';
import { readKind } from './record.js';
import type { QualityEntry, JournalEntryKind } from './types.js';

const QUOTE = 34;
const BACKSLASH = 92;

function skipSpace(line: string, at: number, end: number): number {
  while (at < end) {
    const code = line.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 10) break;
    at++;
  }
  return at;
}

/** End of a JSON string starting after its opening quote, or -1 when it needs the general path. */
function stringEnd(line: string, at: number, end: number): number {
  for (let i = at; i < end; i++) {
    const code = line.charCodeAt(i);
    if (code === QUOTE) return i;
    if (code === BACKSLASH || code < 32) return -1;
  }
  return -1;
}

/** True when `line[start, end)` is `name`; a char loop, as `startsWith` costs a call per key. */
function isKey(line: string, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (line.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
  return true;
}

const OTHER = 0, SCHOOL = 1, CLASS = 2, SUBJECT = 3, TEACHER = 4, PUPIL = 5, KIND = 6, LESSON_DATE = 7, PERIOD_END = 8, ENTERED_AT = 9, VISIBLE_AT = 10;

/** Which record field the key `line[start, end)` names (OTHER for any other key). */
function fieldOf(line: string, start: number, end: number): number {
  switch (end - start) {
    case 4: return isKey(line, start, end, 'kind') ? KIND : OTHER;
    case 5: return isKey(line, start, end, 'class') ? CLASS : isKey(line, start, end, 'pupil') ? PUPIL : OTHER;
    case 6: return isKey(line, start, end, 'school') ? SCHOOL : OTHER;
    case 7: return isKey(line, start, end, 'subject') ? SUBJECT : isKey(line, start, end, 'teacher') ? TEACHER : OTHER;
    case 9: return isKey(line, start, end, 'enteredAt') ? ENTERED_AT : isKey(line, start, end, 'periodEnd') ? PERIOD_END : OTHER;
    case 10: return isKey(line, start, end, 'lessonDate') ? LESSON_DATE : OTHER;
    case 16: return isKey(line, start, end, 'visibleInDiaryAt') ? VISIBLE_AT : OTHER;
    default: return OTHER;
  }
}

function isNull(line: string, at: number, end: number): boolean {
  return at + 4 <= end && line.charCodeAt(at) === 110 && line.charCodeAt(at + 1) === 117 && line.charCodeAt(at + 2) === 108 && line.charCodeAt(at + 3) === 108;
}

function readId(line: string, start: number, end: number): string | undefined {
  if (end === start) return undefined;
  const id = line.slice(start, end);
  const first = id.charCodeAt(0);
  const last = id.charCodeAt(id.length - 1);
  // Only an id that might be all white space pays for trim().
  if ((first <= 32 || first > 126) && (last <= 32 || last > 126) && id.trim().length === 0) return undefined;
  return id;
}

function readKindAt(line: string, start: number, end: number): JournalEntryKind | undefined {
  if (isKey(line, start, end, 'mark')) return 'mark';
  if (isKey(line, start, end, 'absence')) return 'absence';
  if (isKey(line, start, end, 'interim')) return 'interim';
  return readKind(line.slice(start, end));
}

/**
 * The entry of a simple JSON line, or undefined when the line needs the general path. The line
 * is `text` from `lineStart` to `lineEnd` (default: all of it), so a chunk of the file is read
 * in place, without cutting a string per line.
 *
 * @example
 * readJournalLine('{"school":"s1","class":"5А","subject":"math","teacher":"t1","pupil":"p1",' +
 *   '"lessonDate":"2025-03-03","kind":"mark","enteredAt":"2025-03-04"}', zone)?.kind; // 'mark'
 */
export function readJournalLine(line: string, zone: DayZone, lineStart = 0, lineEnd = line.length): QualityEntry | undefined {
  let school: string | undefined, klass: string | undefined, subject: string | undefined, teacher: string | undefined, pupil: string | undefined;
  let kind: JournalEntryKind | undefined;
  let lessonDay = Number.NaN, periodEndDay = Number.NaN, enteredDay = Number.NaN, visibleDay = Number.NaN;
  let at = skipSpace(line, lineStart, lineEnd);
  if (line.charCodeAt(at) !== 123 /* { */) return undefined;
  at = skipSpace(line, at + 1, lineEnd);
  if (at >= lineEnd || line.charCodeAt(at) === 125 /* } */) return undefined;
  for (;;) {
    if (at >= lineEnd || line.charCodeAt(at) !== QUOTE) return undefined;
    const keyStart = at + 1;
    const keyEnd = stringEnd(line, keyStart, lineEnd);
    if (keyEnd < 0) return undefined;
    const field = fieldOf(line, keyStart, keyEnd);
    at = skipSpace(line, keyEnd + 1, lineEnd);
    if (at >= lineEnd || line.charCodeAt(at) !== 58 /* : */) return undefined;
    at = skipSpace(line, at + 1, lineEnd);
    let start = -1;
    let end = -1;
    if (at < lineEnd && line.charCodeAt(at) === QUOTE) {
      start = at + 1;
      end = stringEnd(line, start, lineEnd);
      if (end < 0) return undefined;
      at = end + 1;
    } else if (isNull(line, at, lineEnd)) {
      at += 4;
    } else {
      return undefined;
    }
    const empty = start === end;
    switch (field) {
      case SCHOOL: if (empty || (school = readId(line, start, end)) === undefined) return undefined; break;
      case CLASS: if (empty || (klass = readId(line, start, end)) === undefined) return undefined; break;
      case SUBJECT: if (empty || (subject = readId(line, start, end)) === undefined) return undefined; break;
      case TEACHER: if (empty || (teacher = readId(line, start, end)) === undefined) return undefined; break;
      case PUPIL: if (empty || (pupil = readId(line, start, end)) === undefined) return undefined; break;
      case KIND: if (empty || (kind = readKindAt(line, start, end)) === undefined) return undefined; break;
      case LESSON_DATE: if (Number.isNaN((lessonDay = empty ? Number.NaN : parseLocalDayAt(line, start, end, zone)))) return undefined; break;
      case ENTERED_AT: if (Number.isNaN((enteredDay = empty ? Number.NaN : parseLocalDayAt(line, start, end, zone)))) return undefined; break;
      case PERIOD_END:
        periodEndDay = empty ? Number.NaN : parseLocalDayAt(line, start, end, zone);
        if (!empty && Number.isNaN(periodEndDay)) return undefined;
        break;
      case VISIBLE_AT:
        visibleDay = empty ? Number.NaN : parseLocalDayAt(line, start, end, zone);
        if (!empty && Number.isNaN(visibleDay)) return undefined;
        break;
    }
    at = skipSpace(line, at, lineEnd);
    if (at >= lineEnd) return undefined;
    const next = line.charCodeAt(at);
    if (next === 125 /* } */) break;
    if (next !== 44 /* , */) return undefined;
    at = skipSpace(line, at + 1, lineEnd);
  }
  if (skipSpace(line, at + 1, lineEnd) !== lineEnd) return undefined;
  if (school === undefined || klass === undefined || subject === undefined || teacher === undefined || pupil === undefined || kind === undefined) return undefined;
  if (Number.isNaN(lessonDay) || Number.isNaN(enteredDay) || (kind === 'interim' && Number.isNaN(periodEndDay))) return undefined;
  return { school, class: klass, subject, teacher, pupil, kind, lessonDay, periodEndDay, enteredDay, visibleDay };
}
