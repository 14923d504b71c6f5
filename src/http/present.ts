/**
 * @module http/present
 * What a caller gets back for an application: the engine's view, with the events narrowed to
 * those the caller's role may send (the workflow's `events.<type>.roles`; admin may send all).
 */
import { systemEvents } from '../definition/builtins.js';
import type { WorkflowRegistry } from '../definition/registry.js';
import type { ApplicationView } from '../runtime/types.js';
import type { Role } from './auth/token.js';

const internal = new Set<string>(Object.values(systemEvents));

/**
 * True when `role` may send `type` in this workflow version.
 *
 * @example
 * maySend(workflows, 'study-certificate', '1.0.0', 'REGISTER', 'applicant'); // false
 */
export function maySend(workflows: WorkflowRegistry, service: string, version: string, type: string, role: Role): boolean {
  if (internal.has(type) || type.startsWith('xstate.')) return false;
  const events = workflows.get(service, version).definition.events;
  if (role === 'admin') return events === undefined || Object.hasOwn(events, type);
  if (events === undefined) return role !== 'applicant';
  const spec = events[type];
  if (!spec) return false;
  return spec.roles === undefined ? role !== 'applicant' : (spec.roles as string[]).includes(role);
}

/**
 * The view of an application for a caller.
 *
 * @example
 * return c.json(present(view, principal.role, workflows), 200);
 */
export function present(view: ApplicationView, role: Role, workflows: WorkflowRegistry): ApplicationView {
  return { ...view, allowedEvents: view.allowedEvents.filter((type) => maySend(workflows, view.service, view.workflowVersion, type, role)) };
}
