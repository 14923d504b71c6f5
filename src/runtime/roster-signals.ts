/**
 * @module runtime/roster-signals
 * Roster changes that are termination grounds (graduation, transfer, representation ended)
 * sent as events to the open applications of that pupil whose state takes the event.
 */
import { isReglamentError } from '../errors.js';
import type { RosterChange } from '../ports/types.js';
import type { ApplicationRecord, Store } from '../store/types.js';
import type { ApplicationView, CommandOptions, RosterSignal } from './types.js';

export interface RosterSignalOptions {
  store: Store;
  /** Event type per change kind. */
  events: Record<RosterChange['kind'], string>;
  allowedEvents(record: ApplicationRecord, at: string): string[];
  send(id: string, event: { type: string; [key: string]: unknown }, options: CommandOptions): Promise<ApplicationView>;
}

const roster = { id: 'roster', role: 'system' } as const;

/**
 * Sends each change's event to the applications concerned; idempotent per change and application.
 *
 * @example
 * await signalRosterChanges(options, await ports.roster.importCsv(csv));
 * // [{ applicationId: 'a1', event: 'PUPIL_GRADUATED', outcome: 'sent' }]
 */
export async function signalRosterChanges({ store, events, allowedEvents, send }: RosterSignalOptions, changes: RosterChange[]): Promise<RosterSignal[]> {
  const signals: RosterSignal[] = [];
  for (const change of changes) {
    const type = events[change.kind];
    let cursor: string | undefined;
    do {
      const page = await store.listApplications({ pupil: change.pupil, status: 'open', limit: 500, ...(cursor ? { cursor } : {}) });
      for (const record of page.items) {
        if (change.kind === 'representativeRemoved' && record.applicant !== change.applicant) continue;
        if (!allowedEvents(record, change.at).includes(type)) continue;
        try {
          await send(record.id, { type, roster: change.kind }, { actor: roster, idempotencyKey: `roster:${change.kind}:${change.pupil}:${change.at}:${record.id}` });
          signals.push({ applicationId: record.id, event: type, outcome: 'sent' });
        } catch (error) {
          if (!isReglamentError(error, 'EVENT_NOT_ALLOWED')) throw error;
          signals.push({ applicationId: record.id, event: type, outcome: 'notAllowed' });
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return signals;
}
