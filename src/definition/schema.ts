/**
 * @module definition/schema
 * The JSON Schemas of definitions and overrides, compiled once with ajv, and ajv errors turned
 * into problems that name the JSON path in the file.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { DefinitionProblem } from './types.js';

const schemaDir = new URL('../../schemas/', import.meta.url);

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as Record<string, unknown>;
}

let validators: { definition: ValidateFunction; overrides: ValidateFunction } | undefined;

function compiled() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    validators = {
      definition: ajv.compile(readSchema('workflow.schema.json')),
      overrides: ajv.compile(readSchema('workflow-overrides.schema.json')),
    };
  }
  return validators;
}

/** Keeps the errors that say what is wrong, not the `oneOf` bookkeeping around them. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf');
  const deepest = specific.filter(
    (error) =>
      error.keyword !== 'type' ||
      !specific.some((other) => other !== error && other.keyword !== 'type' && other.instancePath.startsWith(error.instancePath)),
  );
  // A oneOf that failed because several branches passed has no deeper error to show.
  const ambiguous = errors.filter((error) => error.keyword === 'oneOf' && Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas));
  const chosen = deepest.length > 0 ? [...deepest, ...ambiguous] : errors;
  const seen = new Set<string>();
  return chosen.filter((error) => {
    const key = `${error.instancePath}|${error.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Turns ajv errors into problems with the JSON pointer of the offending field.
 *
 * @example
 * problemsFromAjv(validate.errors) // [{ path: '/terms/0/workingDays', message: 'must be integer' }]
 */
export function problemsFromAjv(errors: ErrorObject[] | null | undefined, prefix = ''): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const typesAt = new Map<string, DefinitionProblem>();
  const alternativesAt = new Map<string, DefinitionProblem>();
  for (const error of relevant(errors ?? [])) {
    const params = error.params as Record<string, unknown>;
    // `oneOf: [{ required: [a] }, { required: [b] }]`: one problem naming the alternatives.
    if (error.keyword === 'required' && /\/oneOf\/\d+\/required$/.test(error.schemaPath)) {
      const path = `${prefix}${error.instancePath}` || '/';
      const known = alternativesAt.get(path);
      if (known) known.message += `, ${String(params['missingProperty'])}`;
      else alternativesAt.set(path, problems[problems.push({ path, message: `needs one of: ${String(params['missingProperty'])}` }) - 1]!);
      continue;
    }
    if (error.keyword === 'oneOf' && Array.isArray(params['passingSchemas'])) {
      problems.push({ path: `${prefix}${error.instancePath}` || '/', message: 'gives more than one of its alternatives (workingDays or calendarDays, requires or when)' });
      continue;
    }
    if (error.keyword === 'type') {
      const path = `${prefix}${error.instancePath}` || '/';
      const known = typesAt.get(path);
      if (known) known.message += ` or ${String(params['type'])}`;
      else typesAt.set(path, problems[problems.push({ path, message: `must be ${String(params['type'])}` }) - 1]!);
      continue;
    }
    const [suffix, message] =
      error.keyword === 'additionalProperties'
        ? [`/${String(params['additionalProperty'])}`, 'unknown property']
        : error.keyword === 'required'
          ? [`/${String(params['missingProperty'])}`, 'is required']
          : error.keyword === 'enum'
            ? ['', `must be one of ${JSON.stringify(params['allowedValues'])}`]
            : ['', error.message ?? error.keyword];
    problems.push({ path: `${prefix}${error.instancePath}${suffix}` || '/', message });
  }
  return problems;
}

/** Validates a definition against schemas/workflow.schema.json. */
export function checkDefinitionSchema(value: unknown): DefinitionProblem[] {
  const { definition } = compiled();
  return definition(value) ? [] : problemsFromAjv(definition.errors);
}

/** Validates overrides against schemas/workflow-overrides.schema.json. */
export function checkOverridesSchema(value: unknown): DefinitionProblem[] {
  const { overrides } = compiled();
  return overrides(value) ? [] : problemsFromAjv(overrides.errors, '(overrides)');
}
