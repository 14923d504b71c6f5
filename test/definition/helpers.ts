/**
 * @module test/definition/helpers
 * The sample definition, freshly cloned per test, and a way to catch INVALID_DEFINITION problems.
 */
import { readFileSync } from 'node:fs';
import { ReglamentError } from '../../src/errors.js';
import type { DefinitionProblem } from '../../src/definition/types.js';

export const sampleFile = new URL('../../examples/embedded/workflow.json', import.meta.url).pathname;

export function sample(): any {
  return JSON.parse(readFileSync(sampleFile, 'utf8'));
}

export function problemsOf(fn: () => unknown): DefinitionProblem[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ReglamentError && error.code === 'INVALID_DEFINITION') return error.details!['problems'] as DefinitionProblem[];
    throw error;
  }
  throw new Error('expected INVALID_DEFINITION');
}
