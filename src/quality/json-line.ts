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

/** `field` when the key starting at `start` is `name` (its closing quote right after), else OTHER. */
function keyIs(line: string, start: number, lineEnd: number, name: string, field: number): number {
  const end = start + name.length;
  return end < lineEnd && line.charCodeAt(end) === QUOTE && isKey(line, start, end, name) ? field : OTHER;
}

/** Which record field the key starting at `start` names, read once by its first letter; OTHER for any other key. */
function fieldAt(line: string, start: number, lineEnd: number): number {
  switch (line.charCodeAt(start)) {
    case 115 /* s */: return keyIs(line, start, lineEnd, 'school', SCHOOL) || keyIs(line, start, lineEnd, 'subject', SUBJECT);
    case 99 /* c */: return keyIs(line, start, lineEnd, 'class', CLASS);
    case 116 /* t */: return keyIs(line, start, lineEnd, 'teacher', TEACHER);
    case 112 /* p */: return keyIs(line, start, lineEnd, 'pupil', PUPIL) || keyIs(line, start, lineEnd, 'periodEnd', PERIOD_END);
    case 107 /* k */: return keyIs(line, start, lineEnd, 'kind', KIND);
    case 108 /* l */: return keyIs(line, start, lineEnd, 'lessonDate', LESSON_DATE);
    case 101 /* e */: return keyIs(line, start, lineEnd, 'enteredAt', ENTERED_AT);
    case 118 /* v */: return keyIs(line, start, lineEnd, 'visibleInDiaryAt', VISIBLE_AT);
    default: return OTHER;
  }
}

const KEY_LENGTH = [0, 6, 5, 7, 7, 5, 4, 10, 9, 9, 16];

/**
 * Where a date value starting at `start` ends (its closing quote), found from the date grammar
 * instead of scanning: the parser then checks every character up to there. -1 when no form fits.
 */
function dateEnd(line: string, start: number, lineEnd: number): number {
  let at = start + 10;
  if (at >= lineEnd) return -1;
  let code = line.charCodeAt(at);
  if (code === QUOTE) return at;
  if (code !== 84 /* T */ && code !== 32) return -1;
  at += 6;
  if (at >= lineEnd) return -1;
  code = line.charCodeAt(at);
  if (code === 58 /* : */) {
    at += 3;
    code = line.charCodeAt(at);
    if (code === 46 /* . */) {
      do code = line.charCodeAt(++at);
      while (code >= 48 && code <= 57);
    }
  }
  if (code === QUOTE) return at;
  if (code === 90 /* Z */) return line.charCodeAt(at + 1) === QUOTE ? at + 1 : -1;
  if (code !== 43 && code !== 45) return -1;
  for (const length of [3, 5, 6]) if (line.charCodeAt(at + length) === QUOTE) return at + length;
  return -1;
}

function isNull(line: string, at: number, end: number): boolean {
  return at + 4 <= end && line.charCodeAt(at) === 110 && line.charCodeAt(at + 1) === 117 && line.charCodeAt(at + 2) === 108 && line.charCodeAt(at + 3) === 108;
}

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
