/**
 * @module cli/command
 * The shape of a subcommand, and option parsing that turns bad flags into INVALID_INPUT.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ReglamentError } from '../errors.js';

export interface Command {
  /** One line shown in `reglament <name> --help`. */
  summary: string;
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(argv: string[]): Promise<number>;
}

/**
 * Parses flags strictly: an unknown flag or a missing value is an INVALID_INPUT error.
 *
 * @example
 * const { values } = parseOptions(argv, { from: { type: 'string' }, json: { type: 'boolean' } });
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T & { help: { type: 'boolean'; short: 'h' } }; strict: true; allowPositionals: true }>> {
  try {
    const help = { type: 'boolean', short: 'h' } as const;
    return parseArgs({ args: argv, options: { ...options, help }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new ReglamentError('INVALID_INPUT', error instanceof Error ? error.message : String(error), { cause: error });
  }
}
