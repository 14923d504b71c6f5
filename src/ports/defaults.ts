/**
 * @module ports/defaults
 * All default port adapters wired to one store: roster (facts), notifier, access, documents,
 * audit. The notifier seals secrets (the one-time access code) with `sealer` and audits their
 * reveal in the audit log.
 */
import type { Store } from '../store/types.js';
import { createAccessProvisioner } from './access.js';
import { createAuditLog } from './audit.js';
import { createDocumentRenderer } from './documents.js';
import { createNotifier } from './notifier.js';
import { createRoster, type Roster } from './roster.js';
import type { Sealer } from './seal.js';
import type { AccessPort, AuditPort, Clock, DocumentsPort, IdGenerator, NotifierPort, Template } from './types.js';

export interface DefaultPorts {
  facts: Roster;
  roster: Roster;
  notifier: NotifierPort;
  access: AccessPort;
  documents: DocumentsPort;
  audit: AuditPort;
}

export interface DefaultPortsOptions {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  templates?: Record<string, Template>;
  serviceTitles?: Record<string, string>;
  /** Seals notice secrets; default a random key for this process only (see `createSealer`). */
  sealer?: Sealer;
  /** Zone of dates written into notices («код выдан <date>»); default UTC. */
  timeZone?: string;
}

/**
 * Creates every default port on one store.
 *
 * @example
 * const ports = createDefaultPorts({ store, clock, ids, sealer: createSealer({ secret: process.env.REGLAMENT_SEAL_KEY }) });
 * await ports.roster.importCsv(csv);
 * const engine = createEngine({ store, workflows, ports, clock, ids });
 */
export function createDefaultPorts(options: DefaultPortsOptions): DefaultPorts {
  const { store, clock, ids } = options;
  const roster = createRoster({ store, clock });
  const documents = createDocumentRenderer(options.templates ? { templates: options.templates } : {});
  const audit = createAuditLog({ store, clock, ids });
  return {
    facts: roster,
    roster,
    documents,
    notifier: createNotifier({
      store,
      documents,
      clock,
      audit,
      ...(options.serviceTitles ? { serviceTitles: options.serviceTitles } : {}),
      ...(options.sealer ? { sealer: options.sealer } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    }),
    access: createAccessProvisioner({ store, clock }),
    audit,
  };
}
