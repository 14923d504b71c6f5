/**
 * @module test/scenario/school
 * A school of 500 pupils for the school-year scenario: grades 1–11, one or two legal
 * representatives each, a journal per pupil on demand, and a seeded random source so every
 * run plays the same year.
 */
import type { JournalEntry } from '../../src/ports/types.js';
import type { RosterData } from '../../src/ports/roster.js';

/** Park–Miller minimal standard generator: deterministic, good enough to spread events. */
export function seeded(seed: number) {
  let state = seed;
  const next = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  return {
    next,
    /** An integer in [min, max]. */
    between: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

export interface Pupil {
  id: string;
  grade: number;
  parents: string[];
}

/** 500 pupils of school-1; every fifth has a second parent. */
export function makeSchool(size = 500): { pupils: Pupil[]; roster: RosterData } {
  const pupils: Pupil[] = [];
  for (let i = 1; i <= size; i++) {
    const id = `p${String(i).padStart(3, '0')}`;
    pupils.push({ id, grade: 1 + (i % 11), parents: i % 5 === 0 ? [`parent-${i}a`, `parent-${i}b`] : [`parent-${i}a`] });
  }
  return {
    pupils,
    roster: {
      schools: [{ id: 'school-1' }, { id: 'school-2' }],
      pupils: pupils.map((pupil) => ({ id: pupil.id, school: 'school-1', grade: `${pupil.grade}А` })),
      representatives: pupils.flatMap((pupil) => pupil.parents.map((applicant) => ({ applicant, pupil: pupil.id }))),
    },
  };
}

const subjects = ['Математика', 'Русский язык', 'Литература', 'Английский язык', 'История', 'Физика'];

/** A few weeks of journal lines for one pupil up to `until` (marks on weekdays, some absences). */
export function journalOf(pupil: string, from: string, until: string, random: ReturnType<typeof seeded>): JournalEntry[] {
  const lines: JournalEntry[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day.toISOString().slice(0, 10) <= until; day.setUTCDate(day.getUTCDate() + 3)) {
    const date = day.toISOString().slice(0, 10);
    const subject = random.pick(subjects);
    lines.push(random.chance(0.1) ? { pupil, subject, date, absence: random.pick(['absent', 'ill', 'excused'] as const) } : { pupil, subject, date, mark: String(random.between(2, 5)) });
  }
  return lines;
}
