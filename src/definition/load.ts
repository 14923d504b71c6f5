/**
 * @module definition/load
 * Reads a workflow definition (a file or an object), validates it against the JSON Schema,
 * applies a municipality's overrides, resolves parameters and checks its meaning. Every
 * problem is an INVALID_DEFINITION naming the JSON path in the file.
 */
import { readFileSync } from 'node:fs';
import { ReglamentError } from '../errors.js';
import type { WorkflowImplementations } from './compile.js';
import { applyOverrides, resolveParameters } from './parameters.js';
import { failWith } from './problems.js';
import { checkDefinitionSchema, checkOverridesSchema } from './schema.js';
import { checkSemantics } from './semantics.js';
import type { WorkflowDefinition, WorkflowOverrides } from './types.js';

export interface LoadOptions {
  /** A municipality's changes (an object or a JSON file), validated too. */
  overrides?: WorkflowOverrides | string;
  /** Injected code the definition names; only the names are used here. */
  implementations?: WorkflowImplementations;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ReglamentError('INVALID_DEFINITION', `${file}: cannot read the file`, { path: '/', details: { source: file }, cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ReglamentError('INVALID_DEFINITION', `${file}: not JSON: ${message}`, { path: '/', details: { source: file, problems: [{ path: '/', message }] }, cause: error });
  }
}

/**
 * Loads and checks a workflow definition.
 *
 * @example
 * const definition = loadWorkflow('workflows/diary-access.json', {
 *   overrides: { parameters: { credentialsWorkingDays: 3 } },
 * });
 */
export function loadWorkflow(source: string | object, options: LoadOptions = {}): WorkflowDefinition {
  const where = typeof source === 'string' ? source : `workflow ${String((source as { service?: unknown }).service ?? '(no service)')}`;
  const raw = typeof source === 'string' ? readJson(source) : structuredClone(source);
  failWith(checkDefinitionSchema(raw), where);
  let value = raw as Record<string, unknown>;
  if (options.overrides !== undefined) {
    const overrides = typeof options.overrides === 'string' ? readJson(options.overrides) : options.overrides;
    failWith(checkOverridesSchema(overrides), where);
    const applied = applyOverrides(value, overrides as WorkflowOverrides);
    failWith(applied.problems, where);
    value = applied.value;
  }
  const resolved = resolveParameters(value);
  failWith(resolved.problems, where);
  failWith(checkDefinitionSchema(resolved.value), where);
  const definition = resolved.value as unknown as WorkflowDefinition;
  failWith(
    checkSemantics(definition, {
      guards: Object.keys(options.implementations?.guards ?? {}),
      actions: Object.keys(options.implementations?.actions ?? {}),
    }),
    where,
  );
  return definition;
}
