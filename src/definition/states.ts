/**
 * @module definition/states
 * An index of a definition's state nodes by dotted path, transition listing and target
 * resolution with XState v5's rules ("sibling", "sibling.child", ".child", "#id.child"), so the
 * loader can name the JSON path of a bad target or an unreachable state.
 */
import type { StateConfig, TransitionConfig, TransitionsConfig, WorkflowDefinition } from './types.js';

export interface StateEntry {
  /** Dotted path from the root; '' is the root. */
  path: string;
  /** JSON pointer of the node in the file, e.g. '/states/access/states/active'. */
  pointer: string;
  config: StateConfig;
  parent: string | null;
  children: string[];
  kind: 'atomic' | 'compound' | 'parallel' | 'final';
}

/** One transition of a node with the JSON pointer it was written at. */
export interface TransitionEntry {
  source: string;
  event: string | null;
  pointer: string;
  config: TransitionConfig;
  /** True when written as a bare target string. */
  shorthand: boolean;
}

export interface StateIndex {
  machineId: string;
  states: Map<string, StateEntry>;
  byId: Map<string, string>;
}

function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * Indexes the states of a definition.
 *
 * @example
 * indexStates(definition).states.get('access.active')?.pointer // '/states/access/states/active'
 */
export function indexStates(definition: WorkflowDefinition): StateIndex {
  const machineId = definition.id ?? definition.service;
  const states = new Map<string, StateEntry>();
  const byId = new Map<string, string>();
  function visit(path: string, pointer: string, config: StateConfig, parent: string | null): void {
    const children = Object.keys(config.states ?? {});
    const kind = config.type === 'final' ? 'final' : config.type === 'parallel' ? 'parallel' : children.length > 0 ? 'compound' : 'atomic';
    states.set(path, { path, pointer, config, parent, children: children.map((key) => join(path, key)), kind });
    if (config.id) byId.set(config.id, path);
    for (const key of children) visit(join(path, key), `${pointer}/states/${key}`, config.states![key]!, path);
  }
  const root: StateConfig = { states: definition.states, initial: definition.initial, on: definition.on, always: definition.always, entry: definition.entry, exit: definition.exit, ...(definition.type ? { type: definition.type } : {}) };
  visit('', '', root, null);
  return { machineId, states, byId };
}

function normalize(transitions: TransitionsConfig | undefined, pointer: string): { config: TransitionConfig; pointer: string; shorthand: boolean }[] {
  if (transitions === undefined) return [];
  const list = Array.isArray(transitions) ? transitions : [transitions];
  return list.map((item, index) => ({
    config: typeof item === 'string' ? { target: item } : item,
    shorthand: typeof item === 'string',
    pointer: Array.isArray(transitions) ? `${pointer}/${index}` : pointer,
  }));
}

/** Every transition written on a node: its `on` events, then `always`. */
export function transitionsOf(entry: StateEntry): TransitionEntry[] {
  const result: TransitionEntry[] = [];
  for (const [event, transitions] of Object.entries(entry.config.on ?? {})) {
    for (const item of normalize(transitions, `${entry.pointer}/on/${event}`)) result.push({ source: entry.path, event, ...item });
  }
  for (const item of normalize(entry.config.always, `${entry.pointer}/always`)) result.push({ source: entry.path, event: null, ...item });
  return result;
}

function byPath(index: StateIndex, from: string, relative: string): string | null {
  const path = from === '' ? relative : relative === '' ? from : `${from}.${relative}`;
  return index.states.has(path) ? path : null;
}

/**
 * Resolves a target written on `source` the way XState v5 does; null when there is no such state.
 *
 * @example
 * resolveTarget(index, 'review', 'refused') // 'refused' (a sibling)
 */
export function resolveTarget(index: StateIndex, source: string, target: string): string | null {
  if (target.startsWith('#')) {
    const [id, ...rest] = target.slice(1).split('.');
    const base = id === index.machineId ? '' : index.byId.get(id ?? '');
    return base === undefined ? null : byPath(index, base, rest.join('.'));
  }
  const entry = index.states.get(source);
  if (!entry) return null;
  if (target.startsWith('.')) return byPath(index, source, target.slice(1));
  if (entry.parent === null) return null;
  return byPath(index, entry.parent, target);
}

/** The path and its ancestors, root excluded, outermost first: 'a.b.c' → ['a', 'a.b', 'a.b.c']. */
export function pathWithAncestors(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}
