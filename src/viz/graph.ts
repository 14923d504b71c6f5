/**
 * @module viz/graph
 * A workflow definition (an XState v5 machine config with the regulation's additions) as a plain
 * graph: one node per state, nested states included, and one edge per transition, with the
 * event, the guard and whether it is an eventless (`always`) or delayed transition.
 * Pure: no I/O, no layout, nothing drawn.
 */
import { ReglamentError } from '../errors.js';
import { guardLabel, stateLabel, stateSubtitle, transitionLabel, type NamingLike, type StateConfigLike } from './labels.js';

export type { NamingLike, StateConfigLike } from './labels.js';

/** A workflow definition (`schemas/workflow.schema.json`) as far as the diagrams read it. */
export interface DefinitionLike extends NamingLike {
  service?: string;
  version?: string;
  title?: string;
  id?: string;
  initial?: string;
  states?: Record<string, StateConfigLike>;
  on?: Record<string, unknown>;
  always?: unknown;
}

/** `any` is the pseudo-state '*' that holds the machine's root-level transitions (taken from any state). */
export type NodeKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history' | 'any';

/** Id of the pseudo-state for root-level transitions. */
export const anyState = '*';

export interface GraphNode {
  /** Dotted path of the state, as stored on applications: 'review', 'access.active'. */
  id: string;
  /** Its own key in the parent's `states`. */
  key: string;
  parent: string | null;
  kind: NodeKind;
  label: string;
  /** The state's key when the label is a title (so equal ЕПГУ names stay distinguishable). */
  subtitle: string | null;
  /** True for the parent's initial state (drawn with the initial marker pointing at it). */
  initial: boolean;
  children: string[];
}

export type EdgeKind = 'event' | 'always' | 'after' | 'done';

export interface GraphEdge {
  /** Position-based id, unique in the graph, safe in XML and CSS: 't0', 't1', ... */
  id: string;
  /** Stable key `source|event|target` used to attach counts: 'received|REGISTER|review'. */
  key: string;
  source: string;
  /** Equals `source` for a transition without a target (it runs actions and stays). */
  target: string;
  kind: EdgeKind;
  /** The event type; `null` for `always`; 'after <delay>' / 'done' for those kinds. */
  event: string | null;
  guard: string | null;
  /** What the guard checks, in words (shown on hover; in the label too when it picks between alternatives). */
  condition: string | null;
  /** What the diagram writes on the edge, e.g. 'Принять решение [есть основания: refusalGrounds]'. */
  label: string;
}

export interface WorkflowGraph {
  /** The machine id or the service id. */
  id: string;
  title: string;
  /** Top-level states in definition order. */
  roots: string[];
  /** The top-level initial state. */
  initial: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Builds the graph of a workflow definition.
 *
 * @example
 * const graph = workflowGraph(JSON.parse(readFileSync('workflows/diary-access.json', 'utf8')));
 * graph.nodes.map((node) => node.id); // ['received', 'review', 'access', 'access.active', ...]
 */
export function workflowGraph(definition: DefinitionLike): WorkflowGraph {
  const machine = definition;
  if (!machine.states || typeof machine.states !== 'object') {
    throw new ReglamentError('INVALID_DEFINITION', 'the definition has no states', { path: '/states' });
  }
  const id = machine.id ?? definition.service ?? 'workflow';
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const byKeyPath = new Map<string, GraphNode>();
  const byId = new Map<string, string>();

  collectStates(machine.states, machine.initial ?? null, null);
  for (const node of [...nodes]) collectTransitions(node, configAt(machine, node.id));
  if (machine.on || machine.always) {
    const any: GraphNode = { id: anyState, key: anyState, parent: null, kind: 'any', label: 'Из любого состояния', subtitle: null, initial: false, children: [] };
    nodes.push(any);
    collectTransitions(any, { on: machine.on, always: machine.always });
  }

  return {
    id,
    title: definition.title ?? definition.service ?? id,
    roots: nodes.filter((node) => node.parent === null).map((node) => node.id),
    initial: machine.initial ?? null,
    nodes,
    edges,
  };

  function collectStates(states: Record<string, StateConfigLike>, initial: string | null, parent: string | null): void {
    for (const [key, config] of Object.entries(states)) {
      const path = parent === null ? key : `${parent}.${key}`;
      const children = config.states ? Object.keys(config.states).map((child) => `${path}.${child}`) : [];
      const node: GraphNode = {
        id: path,
        key,
        parent,
        kind: nodeKind(config, children.length > 0),
        label: stateLabel(config, path, definition),
        subtitle: stateSubtitle(config, path, definition),
        initial: key === initial,
        children,
      };
      nodes.push(node);
      byKeyPath.set(path, node);
      if (config.id) byId.set(config.id, path);
      if (config.states) collectStates(config.states, config.initial ?? null, path);
    }
  }

  function collectTransitions(node: GraphNode, config: StateConfigLike): void {
    for (const [event, spec] of Object.entries(config.on ?? {})) {
      const list = alternatives(spec);
      for (const [index, t] of list.entries()) addEdge(node, 'event', event, t, `/on/${event}/${index}`, list.length > 1);
    }
    const always = alternatives(config.always);
    for (const [index, t] of always.entries()) addEdge(node, 'always', null, t, `/always/${index}`, always.length > 1);
    for (const [delay, spec] of Object.entries(config.after ?? {})) {
      const list = alternatives(spec);
      for (const [index, t] of list.entries()) addEdge(node, 'after', `after ${delay}`, t, `/after/${delay}/${index}`, list.length > 1);
    }
    const done = alternatives(config.onDone);
    for (const [index, t] of done.entries()) addEdge(node, 'done', 'done', t, `/onDone/${index}`, done.length > 1);
  }

  /** `branching`: the event has alternatives here, so the guard decides the way and belongs in the label. */
  function addEdge(node: GraphNode, kind: EdgeKind, event: string | null, t: TransitionLike, where: string, branching: boolean): void {
    const targets = t.target === undefined ? [] : Array.isArray(t.target) ? t.target : [t.target];
    const guard = guardName(t.guard);
    const condition = guardLabel(t.guard);
    const label = transitionLabel(event, branching ? t.guard : undefined, definition, t.description);
    for (const raw of targets.length === 0 ? [null] : targets) {
      const at = node.id === anyState ? where : `/states/${node.id.replaceAll('.', '/states/')}${where}`;
      const target = raw === null ? node.id : resolveTarget(raw, node, at);
      const base = `${node.id}|${event ?? 'always'}|${target}`;
      let key = base;
      for (let n = 2; edges.some((edge) => edge.key === key); n++) key = `${base}|${n}`;
      edges.push({ id: `t${edges.length}`, key, source: node.id, target, kind, event, guard, condition, label });
    }
  }

  function resolveTarget(raw: string, node: GraphNode, path: string): string {
    let resolved: string | undefined;
    if (raw.startsWith('#')) {
      const ref = raw.slice(1);
      const [head, ...rest] = ref.split('.');
      if (head === id) resolved = rest.join('.');
      else if (head !== undefined && byId.has(head)) resolved = [byId.get(head), ...rest].join('.');
    } else if (raw.startsWith('.')) {
      resolved = node.id === anyState ? raw.slice(1) : `${node.id}${raw}`;
    } else {
      resolved = node.parent === null || node.id === anyState ? raw : `${node.parent}.${raw}`;
    }
    if (resolved === undefined || !byKeyPath.has(resolved)) {
      throw new ReglamentError('INVALID_DEFINITION', `unknown transition target "${raw}"`, { path });
    }
    return resolved;
  }
}

interface TransitionLike {
  target?: string | string[];
  guard?: unknown;
  description?: string;
}

function alternatives(spec: unknown): TransitionLike[] {
  if (spec === undefined || spec === null) return [];
  if (Array.isArray(spec)) return spec.flatMap((item) => alternatives(item));
  if (typeof spec === 'string') return [{ target: spec }];
  if (typeof spec === 'object') return [spec as TransitionLike];
  return [];
}

function guardName(guard: unknown): string | null {
  if (typeof guard === 'string') return guard;
  if (guard !== null && typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string') return (guard as { type: string }).type;
  return guard === undefined || guard === null ? null : 'guard';
}

function nodeKind(config: StateConfigLike, hasChildren: boolean): NodeKind {
  if (config.type === 'final' || config.type === 'parallel' || config.type === 'history') return config.type;
  return hasChildren ? 'compound' : 'atomic';
}

function configAt(machine: DefinitionLike, path: string): StateConfigLike {
  let config: StateConfigLike = machine as StateConfigLike;
  for (const key of path.split('.')) config = config.states?.[key] ?? {};
  return config;
}
