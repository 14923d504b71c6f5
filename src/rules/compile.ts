/**
 * @module rules/compile
 * Named rules compiled once (ajv) and evaluated against the facts of a command. A `requires`
 * rule applies when the facts fail its schema, with a reason per failure; a `when` rule applies
 * when the facts match, with its `reason`.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { ReglamentError } from '../errors.js';
import type { RuleResult } from '../store/types.js';
import type { DefinitionProblem, DocumentSpec, RuleSpec } from '../definition/types.js';
import { explain, type ReasonContext } from './reasons.js';

/** The facts a rule sees; see docs/workflow-format.md. */
export type Facts = Record<string, unknown>;

export interface CompiledRules {
  /** Rule ids in definition order. */
  readonly ids: readonly string[];
  /** Rule ids per group, e.g. 'refusalGrounds' → ['notAboutMarks', ...]. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  has(id: string): boolean;
  evaluate(id: string, facts: Facts): RuleResult;
  evaluateAll(facts: Facts): RuleResult[];
}

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });

interface Compiled {
  spec: RuleSpec;
  validate: ValidateFunction;
  mode: 'requires' | 'when';
}

/**
 * Compiles rules; a schema ajv rejects is reported as a problem at `/rules/<id>/<mode>`.
 *
 * @example
 * const rules = compileRules({ incomplete: { citation: 'п. 2.8', text: 'Неполный комплект', requires: { required: ['documents'] } } });
 * rules.evaluate('incomplete', {}).applies // true
 */
export function compileRules(
  rules: Record<string, RuleSpec> = {},
  documents: Record<string, DocumentSpec[]> = {},
  problems?: DefinitionProblem[],
): CompiledRules {
  const documentTitles = new Map(Object.values(documents).flatMap((list) => list.map((document) => [document.id, document.title] as const)));
  const compiled = new Map<string, Compiled>();
  const groups = new Map<string, string[]>();
  for (const [id, spec] of Object.entries(rules)) {
    const mode = spec.requires ? 'requires' : 'when';
    try {
      compiled.set(id, { spec, validate: ajv.compile(spec[mode] ?? {}), mode });
    } catch (error) {
      const problem = { path: `/rules/${id}/${mode}`, message: error instanceof Error ? error.message : String(error) };
      if (!problems) throw new ReglamentError('INVALID_DEFINITION', `${problem.path}: ${problem.message}`, { path: problem.path, cause: error });
      problems.push(problem);
      continue;
    }
    if (spec.group) groups.set(spec.group, [...(groups.get(spec.group) ?? []), id]);
  }
  function evaluate(id: string, facts: Facts): RuleResult {
    const rule = compiled.get(id);
    if (!rule) throw new ReglamentError('INVALID_INPUT', `unknown rule "${id}"`);
    const matches = rule.validate(facts) as boolean;
    const { citation, text } = rule.spec;
    if (rule.mode === 'when') return { id, applies: matches, citation, text, reasons: matches ? [rule.spec.reason ?? text] : [] };
    const context: ReasonContext = { documentTitles, messages: rule.spec.messages ?? {} };
    return { id, applies: !matches, citation, text, reasons: matches ? [] : explain(rule.validate.errors, context) };
  }
  return {
    ids: [...compiled.keys()],
    groups,
    has: (id) => compiled.has(id),
    evaluate,
    evaluateAll: (facts) => [...compiled.keys()].map((id) => evaluate(id, facts)),
  };
}

const cache = new WeakMap<Record<string, RuleSpec>, CompiledRules>();

/**
 * Evaluates every rule against the facts: each result has `applies`, the citation, the text
 * and the reasons. Rules are compiled once per rules object.
 *
 * @example
 * evaluateRules(definition.rules, { documents: { application: true } }, definition.documents)
 *   .filter((result) => result.applies)
 */
export function evaluateRules(rules: Record<string, RuleSpec>, facts: Facts, documents?: Record<string, DocumentSpec[]>): RuleResult[] {
  let compiled = cache.get(rules);
  if (!compiled) cache.set(rules, (compiled = compileRules(rules, documents)));
  return compiled.evaluateAll(facts);
}
