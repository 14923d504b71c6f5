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

function isKey(line: string, start: number, end: number, name: string): boolean {
  return end - start === name.length && line.startsWith(name, start);
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
    } else if (at + 4 <= lineEnd && line.startsWith('null', at)) {
      at += 4;
    } else {
      return undefined;
    }
    const empty = start === end;
    switch (keyEnd - keyStart) {
      case 4:
        if (isKey(line, keyStart, keyEnd, 'kind') && (empty || (kind = readKindAt(line, start, end)) === undefined)) return undefined;
        break;
      case 5:
        if (isKey(line, keyStart, keyEnd, 'class') && (empty || (klass = readId(line, start, end)) === undefined)) return undefined;
        if (isKey(line, keyStart, keyEnd, 'pupil') && (empty || (pupil = readId(line, start, end)) === undefined)) return undefined;
        break;
      case 6:
        if (isKey(line, keyStart, keyEnd, 'school') && (empty || (school = readId(line, start, end)) === undefined)) return undefined;
        break;
      case 7:
        if (isKey(line, keyStart, keyEnd, 'subject') && (empty || (subject = readId(line, start, end)) === undefined)) return undefined;
        if (isKey(line, keyStart, keyEnd, 'teacher') && (empty || (teacher = readId(line, start, end)) === undefined)) return undefined;
        break;
      case 9:
        if (isKey(line, keyStart, keyEnd, 'enteredAt') && Number.isNaN((enteredDay = empty ? Number.NaN : parseLocalDayAt(line, start, end, zone)))) return undefined;
        if (isKey(line, keyStart, keyEnd, 'periodEnd')) {
          periodEndDay = empty ? Number.NaN : parseLocalDayAt(line, start, end, zone);
          if (!empty && Number.isNaN(periodEndDay)) return undefined;
        }
        break;
      case 10:
        if (isKey(line, keyStart, keyEnd, 'lessonDate') && Number.isNaN((lessonDay = empty ? Number.NaN : parseLocalDayAt(line, start, end, zone)))) return undefined;
        break;
      case 16:
        if (isKey(line, keyStart, keyEnd, 'visibleInDiaryAt')) {
          visibleDay = empty ? Number.NaN : parseLocalDayAt(line, start, end, zone);
          if (!empty && Number.isNaN(visibleDay)) return undefined;
        }
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
