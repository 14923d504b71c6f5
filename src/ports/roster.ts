/**
 * @module ports/roster
 * The default facts port: the school roster kept in the store (schools, pupils with their
 * enrolment status, legal representatives), importable from JSON and CSV. Changes that are
 * termination grounds (graduation, transfer) are returned so the runtime can signal the
 * applications concerned.
 */
import { Ajv } from 'ajv';
import { ReglamentError } from '../errors.js';
import type { Store } from '../store/types.js';
import { parseCsv } from './csv.js';
import type { Clock, FactsPort, JournalEntry, RosterChange } from './types.js';

export type PupilStatus = 'enrolled' | 'graduated' | 'transferred' | 'expelled';

export interface RosterData {
  schools?: { id: string; title?: string }[];
  pupils?: { id: string; school: string; status?: PupilStatus; grade?: string }[];
  representatives?: { applicant: string; pupil: string; basis?: 'parent' | 'guardian' }[];
}

export interface Roster extends FactsPort {
  /** Adds or updates entries; returns the changes that are termination grounds. */
  importJson(data: RosterData): Promise<RosterChange[]>;
  /** CSV with a header: school,pupil[,grade][,status][,applicant][,basis]. */
  importCsv(text: string): Promise<RosterChange[]>;
  /** Records one event (graduation, transfer to `school`, representation ended); returns the change. */
  recordChange(change: Omit<RosterChange, 'at'>): Promise<RosterChange>;
  isRepresentative(applicant: string, pupil: string): Promise<boolean>;
  pupil(id: string): Promise<{ id: string; school: string; status: PupilStatus; grade?: string } | null>;
  /** Adds class-journal lines (marks, absences); a line of the same pupil, subject, date and work is replaced. */
  importJournal(entries: JournalEntry[]): Promise<number>;
  /** A pupil's journal lines in date order, optionally within `from`..`to` (inclusive). */
  journal(pupil: string, range?: { from?: string; to?: string }): Promise<JournalEntry[]>;
}

export const rosterKinds = { school: 'school', pupil: 'pupil', representative: 'representative', journal: 'journal' } as const;

const journalKey = (entry: JournalEntry) => `${entry.date}|${entry.subject}|${entry.work ?? ''}`;

const validate = new Ajv({ allErrors: false, strict: true }).compile({
  type: 'object',
  additionalProperties: false,
  properties: {
    schools: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', minLength: 1 }, title: { type: 'string' } } } },
    pupils: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'school'],
        properties: { id: { type: 'string', minLength: 1 }, school: { type: 'string', minLength: 1 }, status: { enum: ['enrolled', 'graduated', 'transferred', 'expelled'] }, grade: { type: 'string' } },
      },
    },
    representatives: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['applicant', 'pupil'], properties: { applicant: { type: 'string', minLength: 1 }, pupil: { type: 'string', minLength: 1 }, basis: { enum: ['parent', 'guardian'] } } },
    },
  },
});

/**
 * Creates the roster.
 *
 * @example
 * const roster = createRoster({ store, clock });
 * await roster.importJson({ pupils: [{ id: 'p1', school: 's1' }], representatives: [{ applicant: 'u1', pupil: 'p1' }] });
 * await roster.factsFor({ applicant: 'u1', pupil: 'p1', ... }) // { roster: { representative: true, enrolled: true, pupilSchool: 's1' } }
 */
export function createRoster({ store, clock }: { store: Store; clock: Clock }): Roster {
  async function pupil(id: string) {
    return ((await store.getRecord(rosterKinds.pupil, id))?.data as { id: string; school: string; status: PupilStatus; grade?: string } | undefined) ?? null;
  }
  async function putPupil(data: { id: string; school: string; status: PupilStatus; grade?: string }) {
    await store.putRecord({ kind: rosterKinds.pupil, id: data.id, keys: { school: data.school, status: data.status }, data, createdAt: clock.now() });
  }
  async function importJson(data: RosterData): Promise<RosterChange[]> {
    if (!validate(data)) {
      const error = validate.errors?.[0];
      throw new ReglamentError('INVALID_INPUT', `roster: ${error?.instancePath || '/'} ${error?.message ?? 'is invalid'}`, { path: error?.instancePath || '/' });
    }
    const changes: RosterChange[] = [];
    const at = clock.now();
    for (const school of data.schools ?? []) await store.putRecord({ kind: rosterKinds.school, id: school.id, keys: {}, data: school, createdAt: at });
    for (const entry of data.pupils ?? []) {
      const before = await pupil(entry.id);
      const next = { id: entry.id, school: entry.school, status: entry.status ?? 'enrolled', ...(entry.grade ? { grade: entry.grade } : {}) };
      if (before && before.status === 'enrolled') {
        if (next.status === 'graduated' || next.status === 'expelled') changes.push({ kind: next.status, pupil: entry.id, school: before.school, at });
        else if (next.status === 'transferred' || next.school !== before.school) changes.push({ kind: 'transferred', pupil: entry.id, school: before.school, at });
      }
      await putPupil(next);
    }
    for (const link of data.representatives ?? []) {
      await store.putRecord({ kind: rosterKinds.representative, id: `${link.applicant}|${link.pupil}`, keys: { applicant: link.applicant, pupil: link.pupil }, data: { basis: 'parent', ...link }, createdAt: at });
    }
    return changes;
  }
  return {
    importJson,
    async importCsv(text) {
      const rows = parseCsv(text);
      const pupils = new Map<string, { id: string; school: string; status?: PupilStatus; grade?: string }>();
      const representatives: { applicant: string; pupil: string; basis?: 'parent' | 'guardian' }[] = [];
      for (const row of rows) {
        if (!row['pupil'] || !row['school']) throw new ReglamentError('INVALID_INPUT', 'roster CSV: every row needs school and pupil', { path: '/school' });
        pupils.set(row['pupil'], { id: row['pupil'], school: row['school'], ...(row['status'] ? { status: row['status'] as PupilStatus } : {}), ...(row['grade'] ? { grade: row['grade'] } : {}) });
        if (row['applicant']) representatives.push({ applicant: row['applicant'], pupil: row['pupil'], ...(row['basis'] ? { basis: row['basis'] as 'parent' } : {}) });
      }
      const schools = [...new Set([...pupils.values()].map((entry) => entry.school))].map((id) => ({ id }));
      return importJson({ schools, pupils: [...pupils.values()], representatives });
    },
    async recordChange(change) {
      const at = clock.now();
      const before = await pupil(change.pupil);
      if (!before) throw new ReglamentError('INVALID_INPUT', 'roster: unknown pupil', { path: '/pupil' });
      if (change.kind === 'representativeRemoved') {
        await store.deleteRecord(rosterKinds.representative, `${change.applicant}|${change.pupil}`);
      } else {
        await putPupil({ ...before, status: change.kind, ...(change.kind === 'transferred' && change.school ? { school: change.school } : {}) });
      }
      return { ...change, school: before.school, at };
    },
    async isRepresentative(applicant, pupilId) {
      return (await store.getRecord(rosterKinds.representative, `${applicant}|${pupilId}`)) !== null;
    },
    pupil,
    async importJournal(entries) {
      const byPupil = new Map<string, JournalEntry[]>();
      for (const entry of entries) {
        if (!entry.pupil || !entry.subject || !/^\d{4}-\d{2}-\d{2}$/.test(entry.date ?? '')) throw new ReglamentError('INVALID_INPUT', 'journal: every line needs pupil, subject and date (YYYY-MM-DD)', { path: '/journal' });
        byPupil.set(entry.pupil, [...(byPupil.get(entry.pupil) ?? []), entry]);
      }
      for (const [id, added] of byPupil) {
        const lines = new Map(((await store.getRecord(rosterKinds.journal, id))?.data as JournalEntry[] | undefined ?? []).map((entry) => [journalKey(entry), entry]));
        for (const entry of added) lines.set(journalKey(entry), entry);
        const data = [...lines.values()].sort((a, b) => a.date.localeCompare(b.date) || a.subject.localeCompare(b.subject));
        await store.putRecord({ kind: rosterKinds.journal, id, keys: { pupil: id }, data, createdAt: clock.now() });
      }
      return entries.length;
    },
    async journal(id, range = {}) {
      const lines = ((await store.getRecord(rosterKinds.journal, id))?.data as JournalEntry[] | undefined) ?? [];
      return lines.filter((entry) => (!range.from || entry.date >= range.from) && (!range.to || entry.date <= range.to));
    },
    async documentData(parties) {
      // Only the application's own pupil, and only for their legal representative.
      if (!parties.pupil || !parties.applicant || !(await store.getRecord(rosterKinds.representative, `${parties.applicant}|${parties.pupil}`))) return { representative: false };
      const found = await pupil(parties.pupil);
      const journal = ((await store.getRecord(rosterKinds.journal, parties.pupil))?.data as JournalEntry[] | undefined) ?? [];
      return { representative: true, pupil: found ? { id: found.id, school: found.school, ...(found.grade ? { grade: found.grade } : {}) } : { id: parties.pupil }, journal };
    },
    async factsFor(parties) {
      const found = parties.pupil ? await pupil(parties.pupil) : null;
      const representative = parties.applicant && parties.pupil ? (await store.getRecord(rosterKinds.representative, `${parties.applicant}|${parties.pupil}`)) !== null : false;
      return {
        roster: {
          representative,
          enrolled: found?.status === 'enrolled' && (parties.school === null || found.school === parties.school),
          pupilStatus: found?.status ?? null,
          pupilSchool: found?.school ?? null,
        },
      };
    },
  };
}
