/**
 * @module ediary/journal-extract
 * The journal extract (выписка из классного журнала): the pupil's marks by subject and date
 * and the absences, for the period asked (the current school year to the day of the extract
 * by default). It renders only the data of the application's own pupil that the facts port
 * hands over, and nothing when the applicant does not represent that pupil.
 */
import { escapeHtml, page } from '../ports/html.js';
import type { JournalEntry, RenderedDocument } from '../ports/types.js';

const absenceTitles: Record<NonNullable<JournalEntry['absence']>, string> = {
  absent: 'Н — отсутствовал',
  ill: 'Б — по болезни',
  excused: 'УП — по уважительной причине',
};

/**
 * The school year (1 September – 31 August) a date falls in, as `{ from, to }`.
 *
 * @example
 * schoolYearOf('2026-03-02') // { from: '2025-09-01', to: '2026-08-31' }
 */
export function schoolYearOf(date: string): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '09-01' ? year : year - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

function period(data: Record<string, unknown>): { from: string; to: string } {
  const at = String(data['at'] ?? new Date(0).toISOString()).slice(0, 10);
  const asked = ((data['application'] as { data?: { period?: { from?: string; to?: string } } } | undefined)?.data?.period ?? {});
  const from = typeof asked.from === 'string' ? asked.from : schoolYearOf(at).from;
  const to = typeof asked.to === 'string' && asked.to < at ? asked.to : at;
  return { from, to };
}

function russianDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

function subjectRows(lines: JournalEntry[]): string {
  const subjects = [...new Set(lines.filter((line) => line.mark !== undefined).map((line) => line.subject))].sort((a, b) => a.localeCompare(b, 'ru'));
  return subjects
    .map((subject) => {
      const marks = lines.filter((line) => line.subject === subject && line.mark !== undefined);
      const numeric = marks.map((line) => Number(line.mark)).filter((value) => Number.isFinite(value));
      const average = numeric.length ? (numeric.reduce((sum, value) => sum + value, 0) / numeric.length).toFixed(2).replace('.', ',') : '—';
      const cells = marks.map((line) => `${russianDate(line.date)}: <b>${escapeHtml(line.mark)}</b>${line.work ? ` (${escapeHtml(line.work)})` : ''}`).join('; ');
      return `<tr><td>${escapeHtml(subject)}</td><td>${cells}</td><td>${average}</td></tr>`;
    })
    .join('');
}

function absenceRows(lines: JournalEntry[]): string {
  const absences = lines.filter((line) => line.absence !== undefined);
  if (absences.length === 0) return '<p>Пропусков уроков нет.</p>';
  const rows = absences.map((line) => `<tr><td>${russianDate(line.date)}</td><td>${escapeHtml(line.subject)}</td><td>${escapeHtml(absenceTitles[line.absence!])}</td></tr>`).join('');
  return `<table class="absences"><thead><tr><th>Дата</th><th>Предмет</th><th>Отметка о пропуске</th></tr></thead><tbody>${rows}</tbody></table><p>Всего пропущено уроков: ${absences.length}.</p>`;
}

/**
 * Renders the extract from the facts port's document data (`representative`, `pupil`,
 * `journal`) and the application (`application.data.period`, optional).
 *
 * @example
 * journalExtract({ representative: true, pupil: { id: 'p1', school: 's1', grade: '5А' },
 *   journal: [{ pupil: 'p1', subject: 'Математика', date: '2025-09-03', mark: '5' }],
 *   application: { id: 'a1' }, at: '2025-09-10T05:00:00.000Z' }).html // '…Математика…5…'
 */
export function journalExtract(data: Record<string, unknown>): RenderedDocument {
  const title = 'Выписка из классного журнала';
  const application = (data['application'] ?? {}) as { id?: string };
  if (data['representative'] !== true) {
    return { title, html: page(title, '<p>Сведения об успеваемости не предоставляются: заявитель не является родителем (законным представителем) учащегося.</p>') };
  }
  const pupil = (data['pupil'] ?? {}) as { id?: string; school?: string; grade?: string };
  const { from, to } = period(data);
  const lines = (Array.isArray(data['journal']) ? (data['journal'] as JournalEntry[]) : []).filter((line) => line.pupil === pupil.id && line.date >= from && line.date <= to);
  const head =
    `<p>Учащийся: № ${escapeHtml(pupil.id)}${pupil.grade ? `, класс ${escapeHtml(pupil.grade)}` : ''}; общеобразовательная организация: ${escapeHtml(pupil.school)}.</p>` +
    `<p>Период: с ${russianDate(from)} по ${russianDate(to)}. Выписка по заявлению № ${escapeHtml(application.id)}.</p>`;
  const marks = subjectRows(lines);
  const table = marks
    ? `<h2>Текущая успеваемость</h2><table class="marks"><thead><tr><th>Предмет</th><th>Отметки (дата: отметка)</th><th>Средний балл</th></tr></thead><tbody>${marks}</tbody></table>`
    : '<h2>Текущая успеваемость</h2><p>За период отметок нет.</p>';
  return { title, html: page(title, `${head}${table}<h2>Посещаемость</h2>${absenceRows(lines)}`) };
}
