/**
 * @module test/http/journal
 * A small e-journal export for the report tests, as JSON Lines and as CSV: lessons on Monday
 * 3 March 2025 in two schools; one mark on day 5 (on time), one on day 6 (late), an interim
 * mark 3 days after its period (late), an absence never shown in the diary, and one bad line.
 */
export const journalLines = [
  { school: 'school-1', class: '5А', subject: 'math', teacher: 't-1', pupil: 'p-1', lessonDate: '2025-03-03', kind: 'mark', enteredAt: '2025-03-08T23:00:00', visibleInDiaryAt: '2025-03-08T23:00:00' },
  { school: 'school-1', class: '5А', subject: 'math', teacher: 't-1', pupil: 'p-2', lessonDate: '2025-03-03', kind: 'mark', enteredAt: '2025-03-09T09:00:00', visibleInDiaryAt: '2025-03-09T09:00:00' },
  { school: 'school-1', class: '5А', subject: 'math', teacher: 't-1', pupil: 'p-3', lessonDate: '2025-03-03', kind: 'absence', enteredAt: '2025-03-03' },
  { school: 'school-2', class: '6Б', subject: 'russian', teacher: 't-2', pupil: 'p-4', lessonDate: '2025-02-28', kind: 'interim', periodEnd: '2025-02-28', enteredAt: '2025-03-03', visibleInDiaryAt: '2025-03-03' },
];

/** The export as JSON Lines, with a malformed 3rd line (a date that does not exist) and an unreadable 6th. */
export function journalJsonl(): string {
  const lines = journalLines.map((line) => JSON.stringify(line));
  lines.splice(2, 0, JSON.stringify({ ...journalLines[0], pupil: 'p-secret', lessonDate: '2025-02-30' }));
  lines.push('{"school": oops');
  return `${lines.join('\n')}\n`;
}

/** The same four good records as a Russian CSV export. */
export function journalCsv(): string {
  const header = 'Школа;Класс;Предмет;Учитель;Ученик;Дата урока;Вид;Окончание периода;Внесено;Отображено в дневнике';
  const kinds: Record<string, string> = { mark: 'Отметка', absence: 'Пропуск', interim: 'Промежуточная аттестация' };
  const rows = journalLines.map((line) =>
    [line.school, line.class, line.subject, line.teacher, line.pupil, line.lessonDate, kinds[line.kind], line.periodEnd ?? '', line.enteredAt.replace('T', ' '), line.visibleInDiaryAt?.replace('T', ' ') ?? ''].join(';'),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}
