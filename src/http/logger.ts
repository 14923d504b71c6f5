/**
 * @module http/logger
 * Structured logs, one JSON object a line, with redaction. The service logs what it did
 * (route pattern, status, duration, ids of things), never who a person is: fields that can carry
 * personal data or secrets are replaced by "[redacted]" wherever they appear, and request bodies
 * and query strings are never passed in at all.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A structured logger. `fields` are redacted before they are written. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where a line goes; default stdout. */
  write?: (line: string) => void;
  /** Extra keys to redact, besides the built-in list. */
  redactKeys?: string[];
  now?: () => Date;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Keys that may hold personal data or secrets (compared lower-case, without `_`/`-`). */
const defaultRedacted = [
  'name', 'firstname', 'lastname', 'middlename', 'surname', 'patronymic', 'fio', 'fullname',
  'birthdate', 'dateofbirth', 'email', 'phone', 'address', 'snils', 'passport', 'document', 'documents',
  'body', 'payload', 'authorization', 'cookie', 'token', 'password', 'secret', 'code', 'accesscode',
];

function normalise(key: string): string {
  return key.toLowerCase().replaceAll(/[_-]/g, '');
}

/**
 * Returns a copy of `value` with every field named like personal data or a secret replaced.
 *
 * @example
 * redact({ route: '/v1/applications', firstName: 'Иван' }); // { route: ..., firstName: '[redacted]' }
 */
export function redact(value: unknown, keys: ReadonlySet<string> = new Set(defaultRedacted), depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, keys, depth + 1));
  if (value instanceof Error) return { error: value.name, message: '[redacted]' };
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = keys.has(normalise(key)) ? '[redacted]' : redact(item, keys, depth + 1);
  }
  return out;
}

/**
 * Creates a JSON-lines logger.
 *
 * @example
 * const logger = createLogger({ level: 'info' });
 * logger.info('request', { route: '/v1/applications/:id', status: 200, ms: 3.1 });
 */
export function createLogger({ level = 'info', write = (line) => process.stdout.write(line + '\n'), redactKeys = [], now = () => new Date() }: LoggerOptions = {}): Logger {
  const keys = new Set([...defaultRedacted, ...redactKeys.map(normalise)]);
  function make(base: Record<string, unknown>): Logger {
    function log(at: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
      if (order[at] < order[level]) return;
      const line = { level: at, time: now().toISOString(), msg, ...(redact({ ...base, ...fields }, keys) as object) };
      write(JSON.stringify(line));
    }
    return {
      debug: (msg, fields) => log('debug', msg, fields),
      info: (msg, fields) => log('info', msg, fields),
      warn: (msg, fields) => log('warn', msg, fields),
      error: (msg, fields) => log('error', msg, fields),
      child: (fields) => make({ ...base, ...fields }),
    };
  }
  return make({});
}

/** A logger that writes nothing (tests, benches). */
export const silentLogger: Logger = createLogger({ write: () => {} });
