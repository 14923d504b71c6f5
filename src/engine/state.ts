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

/**
 * Machine snapshots by the persisted object the core produced from them: the runtime passes
 * that same object back on the application's next command, and resolving it again is wasted.
 */
const live = new WeakMap<object, { machine: unknown; snapshot: AnyMachineSnapshot }>();

/** Remembers the machine snapshot a persisted one was made from (see `restoreSnapshot`). */
export function rememberSnapshot(workflow: CompiledWorkflow, persisted: unknown, snapshot: AnyMachineSnapshot): void {
  if (typeof persisted === 'object' && persisted !== null) live.set(persisted, { machine: workflow.machine, snapshot });
}

/** Restores a persisted snapshot (plain JSON from the store) into a machine snapshot. */
export function restoreSnapshot(workflow: CompiledWorkflow, persisted: unknown): AnyMachineSnapshot {
  const known = typeof persisted === 'object' && persisted !== null ? live.get(persisted) : undefined;
  if (known && known.machine === workflow.machine) return known.snapshot;
  return workflow.machine.resolveState(persisted as never) as AnyMachineSnapshot;
}

const internal = new Set<string>(Object.values(systemEvents));

/** Accepted event types per workflow and state path: they depend on the state alone. */
const acceptedByState = new WeakMap<CompiledWorkflow, Map<string, string[]>>();

function acceptedIn(workflow: CompiledWorkflow, snapshot: AnyMachineSnapshot): string[] {
  let byState = acceptedByState.get(workflow);
  if (!byState) acceptedByState.set(workflow, (byState = new Map()));
  const key = statePath(snapshot.value);
  let accepted = byState.get(key);
  if (!accepted) {
    const events = new Set<string>();
    for (const transition of getNextTransitions(snapshot)) {
      const type = transition.eventType;
      if (type && !type.startsWith('xstate.') && !internal.has(type)) events.add(type);
    }
    byState.set(key, (accepted = [...events]));
  }
  return accepted;
}

/**
 * Event types the current state accepts (guards not evaluated), without the engine's own
 * timer events; with `role`, only the events that role may send.
 *
 * @example
 * allowedEventsOf(workflow, snapshot) // ['REGISTER', 'WITHDRAW']
 */
export function allowedEventsOf(workflow: CompiledWorkflow, snapshot: AnyMachineSnapshot, role?: string): string[] {
  if (snapshot.status !== 'active') return [];
  const accepted = acceptedIn(workflow, snapshot);
  if (role === undefined || role === 'admin' || role === 'system') return accepted.slice();
  return accepted.filter((type) => workflow.definition.events?.[type]?.roles?.includes(role as never) ?? true);
}
