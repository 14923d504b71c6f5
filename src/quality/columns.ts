/**
 * @module quality/columns
 * The column headers of e-journal CSV exports, mapped to journal record fields. Matching ignores
 * case, surrounding spaces, `ё`/`е` and a trailing colon, so «Дата урока», «дата урока » and
 * `lessonDate` all name the same field. The full list is in `docs/quality.md`.
 */
import { ReglamentError } from '../errors.js';

/** The fields of a journal record an import fills. */
export const journalFields = ['school', 'class', 'subject', 'teacher', 'pupil', 'lessonDate', 'kind', 'periodEnd', 'enteredAt', 'visibleInDiaryAt'] as const;
export type JournalField = (typeof journalFields)[number];

const requiredFields: readonly JournalField[] = ['school', 'class', 'subject', 'teacher', 'pupil', 'lessonDate', 'kind', 'enteredAt'];

/** Header spellings per field (compared after `normaliseHeader`). */
export const columnHeaders: Record<JournalField, readonly string[]> = {
  school: ['школа', 'оо', 'образовательная организация', 'организация', 'код школы', 'id школы', 'school'],
  class: ['класс', 'группа', 'class'],
  subject: ['предмет', 'учебный предмет', 'дисциплина', 'subject'],
  teacher: ['учитель', 'педагог', 'преподаватель', 'id учителя', 'teacher'],
  pupil: ['ученик', 'учащийся', 'обучающийся', 'id ученика', 'pupil'],
  lessonDate: ['дата урока', 'дата занятия', 'дата работы', 'дата', 'lessondate'],
  kind: ['вид', 'вид записи', 'тип', 'тип записи', 'kind'],
  periodEnd: ['окончание периода', 'конец периода', 'дата окончания периода', 'periodend'],
  enteredAt: ['внесено', 'дата внесения', 'дата и время внесения', 'выставлено', 'enteredat'],
  visibleInDiaryAt: ['отображено в дневнике', 'в дневнике', 'дата отображения в дневнике', 'опубликовано в дневнике', 'visibleindiaryat'],
};

/**
 * A header as compared: trimmed, lower case, `ё` as `е`, inner spaces collapsed, no trailing colon.
 *
 * @example
 * normaliseHeader(' Дата  урока: '); // 'дата урока'
 */
export function normaliseHeader(header: string): string {
  return header.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/:$/, '').trim();
}

const fieldByHeader = new Map<string, JournalField>();
for (const field of journalFields) {
  for (const header of columnHeaders[field]) fieldByHeader.set(header, field);
}

/** Where each field sits in a CSV row, and the header text it came from (for error messages). */
export interface ColumnMap {
  /** Column index per field; -1 when the file has no such column. */
  index: Record<JournalField, number>;
  /** The header as written in the file, per field found. */
  label: Partial<Record<JournalField, string>>;
  /** Number of columns in the header. */
  width: number;
}

/**
 * Maps a CSV header row to fields. Throws INVALID_INPUT naming the missing required columns or
 * a column named twice; unknown columns are ignored.
 *
 * @example
 * mapColumns(['Школа', 'Класс', 'Предмет', 'Учитель', 'Ученик', 'Дата урока', 'Вид', 'Внесено']).index.kind; // 6
 */
export function mapColumns(headers: string[]): ColumnMap {
  const index = Object.fromEntries(journalFields.map((field) => [field, -1])) as Record<JournalField, number>;
  const label: Partial<Record<JournalField, string>> = {};
  headers.forEach((header, column) => {
    const field = fieldByHeader.get(normaliseHeader(header));
    if (field === undefined) return;
    if (index[field] !== -1) {
      throw new ReglamentError('INVALID_INPUT', `line 1: columns «${label[field]}» and «${header.trim()}» both give ${field}`, { path: '/1' });
    }
    index[field] = column;
    label[field] = header.trim();
  });
  const missing = requiredFields.filter((field) => index[field] === -1);
  if (missing.length > 0) {
    const expected = missing.map((field) => `${field} («${columnHeaders[field][0]}»)`).join(', ');
    throw new ReglamentError('INVALID_INPUT', `line 1: the header lacks columns: ${expected}`, { path: '/1', details: { missing } });
  }
  return { index, label, width: headers.length };
}
