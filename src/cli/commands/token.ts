/**
 * @module cli/commands/token
 * `reglament token --role <role> [--sub <id>] [--school <id>] [--ttl 24h]`: prints a bearer
 * token signed with the configured key (REGLAMENT_JWT_SECRET / REGLAMENT_JWT_PRIVATE_KEY, or in
 * development the secret kept in the data directory, the same one `serve` uses).
 */
import { ReglamentError } from '../../errors.js';
import { roles, signToken, type Principal, type Role } from '../../http/auth/token.js';
import { loadConfig } from '../../service/config.js';
import { resolveAuthKeys } from '../../service/keys.js';
import { parseOptions, type Command } from '../command.js';

const help = `Usage: reglament token --role <role> [--sub <id>] [--school <id>] [--ttl <duration>]

Prints a bearer token for the HTTP service, signed with the configured key.

  --role     ${roles.join(' | ')}
  --sub      subject id: a parent's roster id for an applicant (default: the role name)
  --school   the school of a clerk (required for clerk)
  --ttl      lifetime: 30m, 24h, 7d (default 24h)

Example:
  curl -H "Authorization: Bearer $(reglament token --role admin)" http://127.0.0.1:3000/v1/applications
`;

/**
 * Parses a lifetime like `90s`, `30m`, `24h`, `7d` into seconds.
 *
 * @example
 * parseTtl('24h'); // 86400
 */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) throw new ReglamentError('INVALID_INPUT', `--ttl must look like 30m, 24h or 7d, not "${text}"`, { path: '--ttl' });
  const seconds = Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  if (seconds < 1 || seconds > 366 * 86_400) throw new ReglamentError('INVALID_INPUT', '--ttl must be between 1s and 366d', { path: '--ttl' });
  return seconds;
}

/** The `token` subcommand. */
export const command: Command = {
  summary: 'print a bearer token for the HTTP service',
  async run(argv) {
    const { values } = parseOptions(argv, {
      role: { type: 'string' },
      sub: { type: 'string' },
      school: { type: 'string' },
      ttl: { type: 'string' },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const role = values.role;
    if (!role || !(roles as readonly string[]).includes(role)) {
      throw new ReglamentError('INVALID_INPUT', `--role must be one of ${roles.join(', ')}`, { path: '--role' });
    }
    if (role === 'clerk' && !values.school) throw new ReglamentError('INVALID_INPUT', 'a clerk token needs --school', { path: '--school' });
    const principal: Principal = { sub: values.sub ?? role, role: role as Role };
    if (values.school) principal.school = values.school;
    const keys = await resolveAuthKeys(loadConfig());
    const token = await signToken(principal, keys, { ttlSeconds: parseTtl(values.ttl ?? '24h') });
    process.stdout.write(token + '\n');
    return 0;
  },
};
