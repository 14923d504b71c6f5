/**
 * @module http/deps
 * What the routes need from the service: the engine and what it runs on. Built by the
 * composition root (`src/service/`), or by an embedder that wires its own store and ports.
 */
import type { Calendar } from '../calendar/types.js';
import type { WorkflowRegistry } from '../definition/registry.js';
import type { Roster } from '../ports/roster.js';
import type { AccessPort, AuditPort, Clock, NotifierPort } from '../ports/types.js';
import type { Engine } from '../runtime/types.js';
import type { Store } from '../store/types.js';

/** The ports the HTTP layer reads from directly (the engine writes through them). */
export interface HttpPorts {
  roster: Roster;
  notifier: NotifierPort;
  audit: AuditPort;
  access: AccessPort;
}

export interface HttpDeps {
  engine: Engine;
  store: Store;
  workflows: WorkflowRegistry;
  calendar: Calendar;
  ports: HttpPorts;
  clock: Clock;
}
