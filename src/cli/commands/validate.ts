/**
 * @module cli/commands/validate
 * `reglament validate <workflow.json>...`: loads, checks and compiles each definition (with
 * the default calendar), printing one line per problem; exit status 2 when any file fails.
 */
import { createCalendar } from '../../calendar/calendar.js';
import { compileWorkflow } from '../../definition/compile.js';
import { loadWorkflow } from '../../definition/load.js';
import type { DefinitionProblem } from '../../definition/types.js';
import { isReglamentError } from '../../errors.js';
import { parseOptions, type Command } from '../command.js';

const help = `Usage: reglament validate <workflow.json>... [--overrides <file>]

Validates workflow definitions against schemas/workflow.schema.json, checks their meaning
(names, targets, reachable states, terms, ЕПГУ statuses) and compiles them to XState machines.
Prints "<file>: ok <service> <version>" or one "<file>: <json path>: <problem>" line per problem.
Exit status 2 when any file has a problem.

  --overrides <file>   a municipality's overrides applied to every file (parameters, statuses)
`;

export const command: Command = {
  summary: 'check workflow definitions (schema, meaning, compilation)',
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { overrides: { type: 'string' } });
    if (values.help || positionals.length === 0) {
      process.stdout.write(help);
      return values.help ? 0 : 2;
    }
    const calendar = createCalendar();
    let failed = 0;
    for (const file of positionals) {
      try {
        const definition = loadWorkflow(file, values.overrides ? { overrides: values.overrides } : {});
        compileWorkflow(definition, { calendar });
        process.stdout.write(`${file}: ok ${definition.service} ${definition.version}\n`);
      } catch (error) {
        if (!isReglamentError(error, 'INVALID_DEFINITION')) throw error;
        failed += 1;
        const problems = (error.details?.['problems'] as DefinitionProblem[] | undefined) ?? [{ path: error.path ?? '/', message: error.message }];
        for (const problem of problems) process.stderr.write(`${file}: ${problem.path}: ${problem.message}\n`);
      }
    }
    return failed > 0 ? 2 : 0;
  },
};
