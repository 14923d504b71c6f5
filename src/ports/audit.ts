/**
 * @module ports/audit
 * The default audit log: who saw or changed what, as `audit` records found by application,
 * actor or pupil. Ids and roles only, never names.
 */
import type { Store } from '../store/types.js';
import type { AuditEntry, AuditPort, Clock, IdGenerator } from './types.js';

export interface AuditLogOptions {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
}

/** Record kind of audit entries. */
export const auditKind = 'audit';

/**
 * Creates the audit log.
 *
 * @example
 * const audit = createAuditLog({ store, clock, ids });
 * await audit.record({ actor: { id: 'clerk-1', role: 'clerk' }, action: 'application.read', applicationId: 'a1' });
 */
export function createAuditLog({ store, clock, ids }: AuditLogOptions): AuditPort {
  return {
    async record(input) {
      const entry: AuditEntry = { ...input, id: ids.next(), at: clock.now() };
      const keys: Record<string, string> = { actor: entry.actor.id, action: entry.action };
      if (entry.applicationId) keys['applicationId'] = entry.applicationId;
      if (entry.pupil) keys['pupil'] = entry.pupil;
      await store.putRecord({ kind: auditKind, id: entry.id, keys, data: entry, createdAt: entry.at });
      return entry;
    },
    async list(where, page = {}) {
      const filter: Record<string, string> = {};
      if (where.applicationId) filter['applicationId'] = where.applicationId;
      if (where.actor) filter['actor'] = where.actor;
      if (where.pupil) filter['pupil'] = where.pupil;
      const found = await store.findRecords(auditKind, filter, page);
      return { items: found.items.map((record) => record.data as AuditEntry), nextCursor: found.nextCursor };
    },
  };
}
