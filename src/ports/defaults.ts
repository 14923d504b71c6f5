/**
 * @module ports/defaults
 * All default port adapters wired to one store: roster (facts), notifier, access, documents,
 * audit.
 */
import type { Store } from '../store/types.js';
import { createAccessProvisioner } from './access.js';
import { createAuditLog } from './audit.js';
import { createDocumentRenderer } from './documents.js';
import { createNotifier } from './notifier.js';
import { createRoster, type Roster } from './roster.js';
import type { AccessPort, AuditPort, Clock, DocumentsPort, IdGenerator, NotifierPort, Template } from './types.js';

export interface DefaultPorts {
  facts: Roster;
  roster: Roster;
  notifier: NotifierPort;
  access: AccessPort;
  documents: DocumentsPort;
  audit: AuditPort;
}

/**
 * Creates every default port on one store.
 *
 * @example
 * const ports = createDefaultPorts({ store, clock, ids });
 * await ports.roster.importCsv(csv);
 * const engine = createEngine({ store, workflows, ports, clock, ids });
 */
export function createDefaultPorts(options: { store: Store; clock: Clock; ids: IdGenerator; templates?: Record<string, Template>; serviceTitles?: Record<string, string> }): DefaultPorts {
  const { store, clock, ids } = options;
  const roster = createRoster({ store, clock });
  const documents = createDocumentRenderer(options.templates ? { templates: options.templates } : {});
  return {
    facts: roster,
    roster,
    documents,
    notifier: createNotifier({ store, documents, clock, ...(options.serviceTitles ? { serviceTitles: options.serviceTitles } : {}) }),
    access: createAccessProvisioner({ store, clock }),
    audit: createAuditLog({ store, clock, ids }),
  };
}
