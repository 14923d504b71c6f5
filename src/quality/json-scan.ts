/**
 * @module quality/json-scan
 * Scanning primitives of the JSON Lines fast path: white space, string ends (refusing escapes
 * and control characters, which send a line to `JSON.parse`), the record's keys recognised by
 * their first letter, and the end of a date value found from the date grammar. All work on a
 * line in place, `text[start, end)`, by character codes.
 */

export const QUOTE = 34;
const BACKSLASH = 92;

/**
 * The first position at or after `at` that is not JSON white space (or `end`).
 *
 * @example
 * skipSpace('{  "a"', 1, 6); // 3
 */
export function skipSpace(line: string, at: number, end: number): number {
  while (at < end) {
    const code = line.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 13 && code !== 10) break;
    at++;
  }
  return at;
}

/**
 * End of a JSON string starting after its opening quote, or -1 when it holds an escape or a
 * control character (the general path decodes those) or does not end before `end`.
 *
 * @example
 * stringEnd('"5А",', 1, 5); // 3
 */
export function stringEnd(line: string, at: number, end: number): number {
  for (let i = at; i < end; i++) {
    const code = line.charCodeAt(i);
    if (code === QUOTE) return i;
    if (code === BACKSLASH || code < 32) return -1;
  }
  return -1;
}

/**
 * True when `line[start, end)` is `name`; a char loop, as `startsWith` costs a call per key.
 *
 * @example
 * isKey('"kind"', 1, 5, 'kind'); // true
 */
export function isKey(line: string, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (line.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
  return true;
}

/** Field codes of the journal record keys. */
export const OTHER = 0, SCHOOL = 1, CLASS = 2, SUBJECT = 3, TEACHER = 4, PUPIL = 5, KIND = 6, LESSON_DATE = 7, PERIOD_END = 8, ENTERED_AT = 9, VISIBLE_AT = 10;

/** `field` when the key starting at `start` is `name` (its closing quote right after), else OTHER. */
function keyIs(line: string, start: number, lineEnd: number, name: string, field: number): number {
  const end = start + name.length;
  return end < lineEnd && line.charCodeAt(end) === QUOTE && isKey(line, start, end, name) ? field : OTHER;
}

/**
 * Which record field the key starting at `start` names, read once by its first letter; OTHER
 * for any other key.
 *
 * @example
 * fieldAt('"kind":"mark"', 1, 13); // KIND
 */
export function fieldAt(line: string, start: number, lineEnd: number): number {
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

/** Key length per field code. */
export const KEY_LENGTH = [0, 6, 5, 7, 7, 5, 4, 10, 9, 9, 16];

/**
 * Where a date value starting at `start` ends (its closing quote), found from the date grammar
 * instead of scanning: the parser then checks every character up to there. -1 when no form fits.
 *
 * @example
 * dateEnd('"2025-03-03T10:00Z"}', 1, 20); // 18
 */
export function dateEnd(line: string, start: number, lineEnd: number): number {
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

/**
 * True when the JSON literal `null` starts at `at`.
 *
 * @example
 * isNull(':null}', 1, 6); // true
 */
export function isNull(line: string, at: number, end: number): boolean {
  return at + 4 <= end && line.charCodeAt(at) === 110 && line.charCodeAt(at + 1) === 117 && line.charCodeAt(at + 2) === 108 && line.charCodeAt(at + 3) === 108;
}
