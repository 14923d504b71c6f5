/**
 * @module engine/state
 * Reading an XState snapshot the way the store and callers see it: a dotted state path, the
 * events a state accepts, the ЕПГУ status.
 */
import { getNextTransitions, type AnyMachineSnapshot, type StateValue } from 'xstate';
import { systemEvents } from '../definition/builtins.js';
import type { CompiledWorkflow } from '../definition/compile.js';

/** Leaf state paths of a state value: 'a' → ['a'], { a: 'b' } → ['a.b']. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  return Object.entries(value).flatMap(([key, child]) => (child === undefined ? [] : leafPaths(child as StateValue, prefix ? `${prefix}.${key}` : key)));
}

/** The stored form of a state: its leaf paths joined by ',' (one path unless parallel). */
export function statePath(value: StateValue): string {
  return leafPaths(value).join(',');
}

/** Restores a persisted snapshot (plain JSON from the store) into a machine snapshot. */
export function restoreSnapshot(workflow: CompiledWorkflow, persisted: unknown): AnyMachineSnapshot {
  return workflow.machine.resolveState(persisted as never) as AnyMachineSnapshot;
}

const internal = new Set<string>(Object.values(systemEvents));

/**
 * Event types the current state accepts (guards not evaluated), without the engine's own
 * timer events; with `role`, only the events that role may send.
 *
 * @example
 * allowedEventsOf(workflow, snapshot) // ['REGISTER', 'WITHDRAW']
 */
export function allowedEventsOf(workflow: CompiledWorkflow, snapshot: AnyMachineSnapshot, role?: string): string[] {
  if (snapshot.status !== 'active') return [];
  const events = new Set<string>();
  for (const transition of getNextTransitions(snapshot)) {
    const type = transition.eventType;
    if (!type || type.startsWith('xstate.') || internal.has(type)) continue;
    const roles = workflow.definition.events?.[type]?.roles;
    if (role !== undefined && roles && !roles.includes(role as never) && role !== 'admin' && role !== 'system') continue;
    events.add(type);
  }
  return [...events];
}
