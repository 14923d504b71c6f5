/**
 * Applications of the statistics tests, with terms counted by the real calendar: three journal
 * extracts (on time, late, overdue), a diary access, two appeals (answered, under review).
 */
import { createCalendar } from '../../src/calendar/calendar.js';
import { makeApplication, makeHistory } from '../../src/testing/fixtures.js';
import type { ApplicationRecord, HistoryEntry, TermRecord } from '../../src/store/types.js';

export const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
export const asOf = '2026-03-20T12:00:00.000Z';

function term(name: string, startedAt: string, workingDays: number, metAt: string | null): TermRecord {
  const end = calendar.term(calendar.localDate(startedAt), workingDays, 'workingDays');
  return { name, startedAt, lastDay: end.lastDay, dueAt: end.dueAt, provisional: end.provisional, metAt };
}

function registration(startedAt: string): TermRecord {
  return term('registration', startedAt, 1, startedAt);
}

export interface Case {
  application: ApplicationRecord;
  history: HistoryEntry[];
}

function make(service: string, state: string, status: 'open' | 'closed', terms: TermRecord[], decidedTo?: string, extra: Partial<ApplicationRecord> = {}): Case {
  const application = makeApplication({ service, state, status, terms, receivedAt: terms[0]!.startedAt, ...extra });
  const registered = makeHistory(application, { at: terms[0]!.startedAt, event: { type: 'REGISTER' }, from: 'received', to: 'registered' });
  const decision = terms[1]?.metAt ? [makeHistory(application, { at: terms[1].metAt, event: { type: 'DECIDE' }, from: 'review', to: decidedTo ?? state })] : [];
  return { application, history: [registered, ...decision] };
}

/** Registered Monday 2 March 2026 (09:00 local); 7 working days end on 12 March (9 March is a day off). */
const monday = '2026-03-02T04:00:00.000Z';

export function statsCases(): Case[] {
  const onTime = make('journal-extract', 'issued', 'closed', [registration(monday), term('extract', monday, 7, '2026-03-05T08:00:00.000Z')], 'issued');
  const late = make('journal-extract', 'refused', 'open', [registration(monday), term('extract', monday, 7, '2026-03-13T05:00:00.000Z')], 'refused');
  const overdue = make('journal-extract', 'registered', 'open', [registration(monday), term('extract', monday, 7, null)]);
  const access = make('diary-access', 'access', 'open', [registration('2026-03-10T04:00:00.000Z'), term('credentials', '2026-03-10T04:00:00.000Z', 10, '2026-03-11T10:00:00.000Z')], 'access');
  const answered = make('appeal', 'answeredSatisfied', 'closed', [registration('2026-03-16T04:00:00.000Z'), term('review', '2026-03-16T04:00:00.000Z', 15, '2026-03-18T09:00:00.000Z')], 'decision', {
    links: [{ applicationId: late.application.id, relation: 'appeals' }],
  });
  const underReview = make('appeal', 'review.standard', 'open', [registration('2026-03-19T04:00:00.000Z'), term('review', '2026-03-19T04:00:00.000Z', 15, null)]);
  return [onTime, late, overdue, access, answered, underReview];
}
