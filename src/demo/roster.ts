/**
 * @module demo/roster
 * The demo municipality: two schools, five pupils, four parents and the staff who serve them.
 * Ids only, as everywhere in reglament: the roster never holds names. parent-4 represents no
 * pupil, so a newcomer can watch refusal ground 3 («заявитель не является родителем») fire.
 */
import type { RosterData } from '../ports/roster.js';
import type { JournalEntry } from '../ports/types.js';
import type { Principal } from '../http/auth/token.js';

/** The demo roster. */
export const demoRoster: Required<RosterData> = {
  schools: [
    { id: 'school-1', title: 'МАОУ «Средняя общеобразовательная школа № 1» (демо)' },
    { id: 'school-2', title: 'МАОУ «Средняя общеобразовательная школа № 2» (демо)' },
  ],
  pupils: [
    { id: 'pupil-1', school: 'school-1', grade: '5А' },
    { id: 'pupil-2', school: 'school-1', grade: '8Б' },
    { id: 'pupil-3', school: 'school-1', grade: '3В' },
    { id: 'pupil-4', school: 'school-2', grade: '7А' },
    { id: 'pupil-5', school: 'school-2', grade: '11А' },
  ],
  representatives: [
    { applicant: 'parent-1', pupil: 'pupil-1', basis: 'parent' },
    { applicant: 'parent-1', pupil: 'pupil-2', basis: 'parent' },
    { applicant: 'parent-2', pupil: 'pupil-3', basis: 'guardian' },
    { applicant: 'parent-3', pupil: 'pupil-4', basis: 'parent' },
    { applicant: 'parent-3', pupil: 'pupil-5', basis: 'parent' },
  ],
};

/** Who the printed demo tokens are for, in the order they are printed. */
export const demoPrincipals: { label: string; principal: Principal }[] = [
  { label: 'applicant parent-1 (pupils 1, 2 of school-1)', principal: { sub: 'parent-1', role: 'applicant' } },
  { label: 'applicant parent-3 (pupils 4, 5 of school-2)', principal: { sub: 'parent-3', role: 'applicant' } },
  { label: 'applicant parent-4 (represents no pupil)', principal: { sub: 'parent-4', role: 'applicant' } },
  { label: 'clerk of school-1', principal: { sub: 'clerk-1', role: 'clerk', school: 'school-1' } },
  { label: 'clerk of school-2', principal: { sub: 'clerk-2', role: 'clerk', school: 'school-2' } },
  { label: 'education department', principal: { sub: 'department-1', role: 'department' } },
  { label: 'admin', principal: { sub: 'admin-1', role: 'admin' } },
];

const subjects = ['Русский язык', 'Математика', 'Литература', 'Окружающий мир', 'Физическая культура'];

/**
 * A small class journal for each demo pupil: marks and absences on school days of the given
 * month, the same every time (no randomness), so the journal extract has something to show.
 *
 * @example
 * demoJournal('2025-09'); // [{ pupil: 'pupil-1', subject: 'Русский язык', date: '2025-09-01', mark: '5' }, ...]
 */
export function demoJournal(month: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  demoRoster.pupils.forEach((pupil, p) => {
    for (let day = 1; day <= 28; day += 3) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const subject = subjects[(day + p) % subjects.length]!;
      const absent = (day + p * 5) % 13 === 0;
      entries.push(absent ? { pupil: pupil.id, subject, date, absence: 'ill' } : { pupil: pupil.id, subject, date, mark: String(3 + ((day * 7 + p) % 3)), work: 'работа на уроке' });
    }
  });
  return entries;
}
