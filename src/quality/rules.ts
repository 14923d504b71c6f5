/**
 * @module quality/rules
 * Loads quality rules as data: validated by `schemas/quality-rules.schema.json` (ajv), every
 * `{ "$param": "name" }` replaced by its parameter, every `scope` compiled once to prove it is
 * a valid JSON Schema. The default set is `rules/quality.json` (the municipality's regulation).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ReglamentError } from '../errors.js';
import type { QualityRule, QualityRuleSet } from './types.js';

const packageRoot = new URL('../../', import.meta.url);

/** Counters every report has; a rule may add to the last three, never redefine the others. */
export const builtInCounters = ['records', 'marks', 'absences', 'interimMarks', 'onTime', 'violating', 'pending', 'shareOnTime'] as const;

let validateRuleSet: ValidateFunction | undefined;

function ruleSetValidator(): ValidateFunction {
  if (!validateRuleSet) {
    const schema = JSON.parse(readFileSync(new URL('schemas/quality-rules.schema.json', packageRoot), 'utf8')) as object;
    validateRuleSet = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  }
  return validateRuleSet;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .filter((error) => error.keyword !== 'oneOf')
    .map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`)
    .join('; ');
}

function invalid(message: string, path: string): never {
  throw new ReglamentError('INVALID_DEFINITION', message, { path });
}

/**
 * Validates raw quality rules and resolves their parameters. Throws INVALID_DEFINITION with the
 * path of the first problem.
 *
 * @example
 * const rules = loadQualityRules(JSON.parse(readFileSync('my-rules.json', 'utf8')));
 * Object.keys(rules.rules); // ['markEnteredLate', ...]
 */
export function loadQualityRules(raw: unknown): QualityRuleSet {
  const validate = ruleSetValidator();
  if (!validate(raw)) invalid(`quality rules: ${describe(validate.errors)}`, validate.errors?.[0]?.instancePath ?? '/');
  const value = raw as Omit<QualityRuleSet, 'rules'> & { rules: Record<string, QualityRule & { term: { calendarDays: unknown } }> };
  const parameters = value.parameters ?? {};
  const scopeCompiler = new Ajv({ strict: true, allowUnionTypes: true });
  const rules: Record<string, QualityRule> = {};
  for (const [id, rule] of Object.entries(value.rules)) {
    const path = `/rules/${id}`;
    let days: unknown = rule.term.calendarDays;
    if (typeof days === 'object' && days !== null && '$param' in days) {
      const name = String((days as { $param: string }).$param);
      if (!(name in parameters)) invalid(`quality rules: unknown parameter "${name}"`, `${path}/term/calendarDays`);
      days = parameters[name];
    }
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 366) {
      invalid('quality rules: calendarDays must be an integer from 0 to 366', `${path}/term/calendarDays`);
    }
    if ((builtInCounters as readonly string[]).includes(rule.counter)) {
      invalid(`quality rules: counter "${rule.counter}" is a built-in report count`, `${path}/counter`);
    }
    try {
      scopeCompiler.compile(rule.scope);
    } catch (error) {
      invalid(`quality rules: scope is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`, `${path}/scope`);
    }
    rules[id] = { ...rule, term: { ...rule.term, calendarDays: days as number, lastDayOff: rule.term.lastDayOff ?? 'stays' } };
  }
  return { ...value, rules };
}

let defaults: QualityRuleSet | undefined;

/**
 * The rules of the regulation shipped with reglament (`rules/quality.json`), loaded once.
 *
 * @example
 * defaultQualityRules().rules.markEnteredLate.term.calendarDays; // 5
 */
export function defaultQualityRules(): QualityRuleSet {
  defaults ??= loadQualityRules(JSON.parse(readFileSync(new URL('rules/quality.json', packageRoot), 'utf8')));
  return defaults;
}
