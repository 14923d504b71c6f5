/**
 * @module definition/semantics
 * What a schema cannot say: unknown guard, action, rule or event names, targets to missing
 * states, unreachable states, terms, timers and notices on missing states, a state without an
 * ЕПГУ status name. Every problem names the JSON path in the file.
 */
import { builtinActions, builtinGuards, requiredParams } from './builtins.js';
import { indexStates, resolveTarget, transitionsOf, type StateIndex } from './states.js';
import type { ActionRef, DefinitionProblem, GuardRef, WorkflowDefinition } from './types.js';

/** Names of injected code, so the check knows which custom names exist. */
export interface KnownNames {
  guards?: Iterable<string>;
  actions?: Iterable<string>;
}

function refOf(ref: GuardRef | ActionRef): { type: string; params: Record<string, unknown> } {
  return typeof ref === 'string' ? { type: ref, params: {} } : { type: ref.type, params: ref.params ?? {} };
}

function listActions(actions: ActionRef | ActionRef[] | undefined, pointer: string): [ActionRef, string][] {
  if (actions === undefined) return [];
  return Array.isArray(actions) ? actions.map((action, index) => [action, `${pointer}/${index}`]) : [[actions, pointer]];
}

function checkParams(type: string, params: Record<string, unknown>, pointer: string, problems: DefinitionProblem[]): void {
  for (const [name, param, kind] of requiredParams) {
    if (name !== type) continue;
    const value = params[param];
    const ok = kind === 'array' ? Array.isArray(value) : typeof value === 'string';
    if (!ok) problems.push({ path: `${pointer}/params/${param}`, message: `"${type}" needs params.${param} (${kind})` });
  }
}

function checkRuleRefs(definition: WorkflowDefinition, type: string, params: Record<string, unknown>, pointer: string, problems: DefinitionProblem[]): void {
  if (!['anyRuleApplies', 'noRuleApplies', 'ruleApplies'].includes(type)) return;
  const rules = definition.rules ?? {};
  const names = type === 'ruleApplies' ? [params['rule']] : Array.isArray(params['rules']) ? params['rules'] : undefined;
  if (names) {
    names.forEach((name, index) => {
      if (typeof name !== 'string' || !(name in rules)) {
        problems.push({ path: type === 'ruleApplies' ? `${pointer}/params/rule` : `${pointer}/params/rules/${index}`, message: `unknown rule "${String(name)}"` });
      }
    });
  } else if (typeof params['group'] === 'string') {
    if (!Object.values(rules).some((rule) => rule.group === params['group'])) {
      problems.push({ path: `${pointer}/params/group`, message: `no rule in group "${params['group']}"` });
    }
  } else {
    problems.push({ path: `${pointer}/params`, message: `"${type}" needs params.group or params.rules` });
  }
}

function reachable(index: StateIndex, problems: DefinitionProblem[]): Set<string> {
  const seen = new Set<string>();
  const queue = [''];
  const reach = (path: string) => {
    if (!seen.has(path)) (seen.add(path), queue.push(path));
  };
  while (queue.length > 0) {
    const entry = index.states.get(queue.shift()!)!;
    if (entry.parent !== null) reach(entry.parent);
    if (entry.kind === 'parallel') entry.children.forEach(reach);
    if (entry.kind === 'compound') {
      const initial = entry.config.initial;
      const child = initial === undefined ? null : index.states.has(entry.path === '' ? initial : `${entry.path}.${initial}`) ? (entry.path === '' ? initial : `${entry.path}.${initial}`) : null;
      if (child === null) problems.push({ path: `${entry.pointer}/initial`, message: initial === undefined ? 'a state with child states needs "initial"' : `no child state "${initial}"` });
      else reach(child);
    }
    for (const transition of transitionsOf(entry)) {
      const targets = transition.config.target === undefined ? [] : Array.isArray(transition.config.target) ? transition.config.target : [transition.config.target];
      for (const target of targets) {
        const resolved = resolveTarget(index, entry.path, target);
        if (resolved !== null) reach(resolved);
      }
    }
  }
  return seen;
}

/**
 * Checks the meaning of a schema-valid definition with parameters resolved.
 *
 * @example
 * checkSemantics(definition, { guards: ['isPersonalVisit'] }) // [] when all is well
 */
export function checkSemantics(definition: WorkflowDefinition, known: KnownNames = {}): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const index = indexStates(definition);
  const guards = new Set<string>([...builtinGuards, ...(known.guards ?? [])]);
  const actions = new Set<string>([...builtinActions, ...(known.actions ?? [])]);
  const declaredEvents = definition.events;
  const handledEvents = new Set<string>();
  const checkAction = ([action, pointer]: [ActionRef, string]) => {
    const { type, params } = refOf(action);
    if (!actions.has(type)) problems.push({ path: pointer, message: `unknown action "${type}"` });
    else checkParams(type, params, pointer, problems);
  };
  for (const entry of index.states.values()) {
    listActions(entry.config.entry, `${entry.pointer}/entry`).forEach(checkAction);
    listActions(entry.config.exit, `${entry.pointer}/exit`).forEach(checkAction);
    for (const transition of transitionsOf(entry)) {
      if (transition.event !== null) {
        handledEvents.add(transition.event);
        if (declaredEvents && !(transition.event in declaredEvents)) {
          problems.push({ path: `${entry.pointer}/on/${transition.event}`, message: `event "${transition.event}" is not declared in /events` });
        }
      }
      const { target, guard } = transition.config;
      for (const [index_, item] of (Array.isArray(target) ? target : target === undefined ? [] : [target]).entries()) {
        if (resolveTarget(index, entry.path, item) === null) {
          const at = transition.shorthand ? transition.pointer : Array.isArray(target) ? `${transition.pointer}/target/${index_}` : `${transition.pointer}/target`;
          problems.push({ path: at, message: `no state "${item}" to go to from "${entry.path || '(root)'}"` });
        }
      }
      if (guard !== undefined) {
        const { type, params } = refOf(guard);
        const pointer = `${transition.pointer}/guard`;
        if (!guards.has(type)) problems.push({ path: pointer, message: `unknown guard "${type}"` });
        else (checkParams(type, params, pointer, problems), checkRuleRefs(definition, type, params, pointer, problems));
      }
      listActions(transition.config.actions, `${transition.pointer}/actions`).forEach(checkAction);
    }
  }
  const reached = reachable(index, problems);
  for (const entry of index.states.values()) {
    if (!reached.has(entry.path)) problems.push({ path: entry.pointer, message: `state "${entry.path}" is unreachable from the initial state` });
  }
  checkRegulationParts(definition, index, handledEvents, problems);
  return problems;
}

function checkRegulationParts(definition: WorkflowDefinition, index: StateIndex, handledEvents: Set<string>, problems: DefinitionProblem[]): void {
  const isState = (path: string) => path !== '' && index.states.has(path);
  for (const path of Object.keys(definition.epguStatus)) {
    if (!isState(path)) problems.push({ path: `/epguStatus/${path}`, message: `no state "${path}"` });
  }
  for (const entry of index.states.values()) {
    if (entry.path === '' || entry.children.length > 0) continue;
    const parts = entry.path.split('.');
    const named = parts.some((_, i) => parts.slice(0, i + 1).join('.') in definition.epguStatus);
    if (!named) problems.push({ path: `/epguStatus/${entry.path}`, message: `state "${entry.path}" has no ЕПГУ status name` });
  }
  const names = new Set<string>();
  (definition.terms ?? []).forEach((term, i) => {
    if (names.has(term.name)) problems.push({ path: `/terms/${i}/name`, message: `term "${term.name}" is defined twice` });
    names.add(term.name);
    if (term.from !== 'received' && !isState(term.from)) problems.push({ path: `/terms/${i}/from`, message: `no state "${term.from}" (or "received")` });
    const until = Array.isArray(term.until) ? term.until : [term.until];
    until.forEach((path, j) => {
      if (!isState(path)) problems.push({ path: Array.isArray(term.until) ? `/terms/${i}/until/${j}` : `/terms/${i}/until`, message: `no state "${path}"` });
    });
  });
  (definition.timers ?? []).forEach((timer, i) => {
    if (!isState(timer.state)) problems.push({ path: `/timers/${i}/state`, message: `no state "${timer.state}"` });
    if (!handledEvents.has(timer.send)) problems.push({ path: `/timers/${i}/send`, message: `no transition handles event "${timer.send}"` });
  });
  (definition.notices ?? []).forEach((notice, i) => {
    if (!isState(notice.state)) problems.push({ path: `/notices/${i}/state`, message: `no state "${notice.state}"` });
  });
  const documentIds = new Set(Object.values(definition.documents ?? {}).flatMap((list) => list.map((document) => document.id)));
  for (const [name, rule] of Object.entries(definition.rules ?? {})) {
    const schema = rule.requires ?? rule.when ?? {};
    const required = (((schema['properties'] as Record<string, Record<string, unknown>> | undefined)?.['documents'])?.['required'] ?? []) as unknown[];
    required.forEach((id, j) => {
      if (definition.documents && !documentIds.has(String(id))) {
        problems.push({ path: `/rules/${name}/${rule.requires ? 'requires' : 'when'}/properties/documents/required/${j}`, message: `document "${String(id)}" is not declared in /documents` });
      }
    });
  }
}
