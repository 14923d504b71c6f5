/**
 * @module cli/main
 * The `reglament` command. Each subcommand lives in `commands/<name>.ts` and is loaded only when
 * invoked, so `reglament deadline` never loads a database driver or the web framework.
 * Errors print one line (`reglament: CODE: message`) and exit with status 2.
 */
import { isReglamentError } from '../errors.js';
import type { Command } from './command.js';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  deadline: () => import('./commands/deadline.js'),
  quality: () => import('./commands/quality.js'),
  render: () => import('./commands/render.js'),
  serve: () => import('./commands/serve.js'),
  stats: () => import('./commands/stats.js'),
  token: () => import('./commands/token.js'),
  validate: () => import('./commands/validate.js'),
};

function usage(): string {
  const lines = Object.keys(commands).sort().map((name) => `  reglament ${name}`);
  return ['Usage: reglament <command> [options]', '', 'Commands:', ...lines, '', 'Run `reglament <command> --help` for the options of a command.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`reglament: unknown command "${name}" (try: reglament help)\n`);
    return 2;
  }
  try {
    const { command } = await load();
    return await command.run(rest);
  } catch (error) {
    const message = isReglamentError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`reglament ${name}: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reglament: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
