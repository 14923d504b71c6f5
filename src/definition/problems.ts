/**
 * @module definition/problems
 * Problems found in a definition raised as one INVALID_DEFINITION error: the message and path
 * of the first, every problem in `details.problems` (the CLI prints one line each).
 */
import { ReglamentError } from '../errors.js';
import type { DefinitionProblem } from './types.js';

/**
 * Throws INVALID_DEFINITION when there are problems; `where` names the file or service.
 *
 * @example
 * failWith([{ path: '/terms/0/from', message: 'no state "x"' }], 'workflows/a.json')
 * // throws: workflows/a.json: /terms/0/from: no state "x" (and 0 more)
 */
export function failWith(problems: DefinitionProblem[], where: string): void {
  const first = problems[0];
  if (!first) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new ReglamentError('INVALID_DEFINITION', `${where}: ${first.path}: ${first.message}${more}`, {
    path: first.path,
    details: { source: where, problems },
  });
}
