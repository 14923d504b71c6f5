/**
 * @module definition/parameters
 * A municipality's overrides applied to a definition, and `{ "$param": "name" }` references
 * replaced by parameter values everywhere outside the machine part.
 */
import type { DefinitionProblem, WorkflowOverrides } from './types.js';

/** Keys of a definition that belong to the XState machine: parameters never reach into them. */
const machineKeys = new Set(['states', 'on', 'always', 'entry', 'exit', 'initial', 'id', 'type', 'context', 'parameters']);

function isParamRef(value: unknown): value is { $param: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && '$param' in value;
}

/**
 * Applies overrides (already schema-checked) to a raw definition object; returns the new
 * object and the problems (unknown parameter, wrong type, other service, unknown state).
 *
 * @example
 * applyOverrides(definition, { parameters: { credentialsWorkingDays: 3 } })
 */
export function applyOverrides(definition: Record<string, unknown>, overrides: WorkflowOverrides): { value: Record<string, unknown>; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const declared = (definition['parameters'] ?? {}) as Record<string, unknown>;
  if (overrides.service !== undefined && overrides.service !== definition['service']) {
    problems.push({ path: '(overrides)/service', message: `overrides are for service "${overrides.service}", not "${String(definition['service'])}"` });
  }
  for (const [name, value] of Object.entries(overrides.parameters ?? {})) {
    if (!(name in declared)) problems.push({ path: `(overrides)/parameters/${name}`, message: `the definition declares no parameter "${name}"` });
    else if (typeof value !== typeof declared[name]) problems.push({ path: `(overrides)/parameters/${name}`, message: `must be ${typeof declared[name]}, like the definition's value` });
  }
  const value: Record<string, unknown> = { ...definition, parameters: { ...declared, ...overrides.parameters } };
  if (overrides.title !== undefined) value['title'] = overrides.title;
  if (overrides.epguStatus) value['epguStatus'] = { ...(definition['epguStatus'] as object), ...overrides.epguStatus };
  return { value, problems };
}

/**
 * Replaces `{ "$param": "name" }` with the parameter's value outside the machine part.
 *
 * @example
 * resolveParameters({ parameters: { n: 3 }, terms: [{ workingDays: { $param: 'n' } }] }).value.terms[0].workingDays // 3
 */
export function resolveParameters(definition: Record<string, unknown>): { value: Record<string, unknown>; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const parameters = (definition['parameters'] ?? {}) as Record<string, unknown>;
  function walk(node: unknown, path: string): unknown {
    if (isParamRef(node)) {
      if (!(node.$param in parameters)) {
        problems.push({ path: `${path}/$param`, message: `unknown parameter "${node.$param}"` });
        return node;
      }
      return parameters[node.$param];
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${path}/${index}`));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, `${path}/${key}`)]));
    }
    return node;
  }
  const value = Object.fromEntries(
    Object.entries(definition).map(([key, item]) => [key, machineKeys.has(key) ? item : walk(item, `/${key}`)]),
  );
  return { value, problems };
}
