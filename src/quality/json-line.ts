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
import { CLASS, dateEnd, ENTERED_AT, fieldAt, isKey, isNull, KEY_LENGTH, KIND, LESSON_DATE, OTHER, PERIOD_END, PUPIL, QUOTE, SCHOOL, skipSpace, stringEnd, SUBJECT, TEACHER, VISIBLE_AT } from './json-scan.js';
import { readKind } from './record.js';
import type { QualityEntry, JournalEntryKind } from './types.js';

/**
 * The last id read per field. Exports list a class's entries together, so the school, class,
 * subject and teacher of a line are usually those of the line before: comparing in place and
 * reusing that string saves an allocation per id, and the report's group lookup then compares
 * identical strings.
 */
const lastIds: string[] = ['', '', '', '', '', ''];

function readId(line: string, start: number, end: number, field: number): string | undefined {
  if (end === start) return undefined;
  const last = lastIds[field] as string;
  if (last.length === end - start && isKey(line, start, end, last)) return last;
  const id = readNewId(line, start, end);
  if (id !== undefined) lastIds[field] = id;
  return id;
}

function readNewId(line: string, start: number, end: number): string | undefined {
  const id = line.slice(start, end);
  const first = id.charCodeAt(0);
  const final = id.charCodeAt(id.length - 1);
  // Only an id that might be all white space pays for trim().
  if ((first <= 32 || first > 126) && (final <= 32 || final > 126) && id.trim().length === 0) return undefined;
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
    const field = fieldAt(line, keyStart, lineEnd);
    const keyEnd = field === OTHER ? stringEnd(line, keyStart, lineEnd) : keyStart + (KEY_LENGTH[field] as number);
    if (keyEnd < 0) return undefined;
    at = skipSpace(line, keyEnd + 1, lineEnd);
    if (at >= lineEnd || line.charCodeAt(at) !== 58 /* : */) return undefined;
    at = skipSpace(line, at + 1, lineEnd);
    let start = -1;
    let end = -1;
    if (at < lineEnd && line.charCodeAt(at) === QUOTE) {
      start = at + 1;
      end = field >= LESSON_DATE && line.charCodeAt(start) !== QUOTE ? dateEnd(line, start, lineEnd) : stringEnd(line, start, lineEnd);
      if (end < 0 || end >= lineEnd) return undefined;
      at = end + 1;
    } else if (isNull(line, at, lineEnd)) {
      at += 4;
    } else {
      return undefined;
    }
    const empty = start === end;
    switch (field) {
      case SCHOOL: if (empty || (school = readId(line, start, end, SCHOOL)) === undefined) return undefined; break;
      case CLASS: if (empty || (klass = readId(line, start, end, CLASS)) === undefined) return undefined; break;
      case SUBJECT: if (empty || (subject = readId(line, start, end, SUBJECT)) === undefined) return undefined; break;
      case TEACHER: if (empty || (teacher = readId(line, start, end, TEACHER)) === undefined) return undefined; break;
      case PUPIL: if (empty || (pupil = readId(line, start, end, PUPIL)) === undefined) return undefined; break;
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
