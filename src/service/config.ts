/**
 * @module service/config
 * The service's configuration, read once from the environment and checked: a bad value is an
 * INVALID_INPUT error naming the variable, before anything starts.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `NODE_ENV` | development | `production` turns off the demo and the generated secret |
 * | `PORT` | 3000 | TCP port |
 * | `HOST` | 127.0.0.1 (development), 0.0.0.0 (production) | address to listen on |
 * | `REGLAMENT_DATA_DIR` | ./data | SQLite file and the development token secret |
 * | `MONGODB_URL` | — | use MongoDB instead of the embedded SQLite store |
 * | `REGLAMENT_JWT_SECRET` | generated in development | HS256 secret (≥ 32 characters in production) |
 * | `REGLAMENT_JWT_PUBLIC_KEY` / `REGLAMENT_JWT_PRIVATE_KEY` | — | PEM keys for `REGLAMENT_JWT_ALGORITHM` (RS256) |
 * | `REGLAMENT_JWT_ISSUER` | — | required `iss` claim |
 * | `REGLAMENT_SEAL_KEY` | generated in development | secret (≥ 32 characters) that seals one-time access codes at rest (AES-256-GCM); required in production |
 * | `REGLAMENT_CORS_ORIGINS` | — (no CORS) | comma-separated origins allowed to call the API from a browser |
 * | `REGLAMENT_TIMEZONE` | Asia/Yekaterinburg | zone of the body that counts terms |
 * | `REGLAMENT_REGION` | — | ISO 3166-2 region with its own holidays, e.g. RU-TA |
 * | `REGLAMENT_CALENDAR_OVERRIDES` | — | calendar override files (JSON, e.g. next year's decree), separated by `path.delimiter` (`:` on Linux), layered in order; loaded and checked at start |
 * | `REGLAMENT_BODY_LIMIT` | 65536 | largest request body in bytes (roster import: 32×) |
 * | `REGLAMENT_JOURNAL_LIMIT` | 209715200 | largest journal export (API report, admin upload), bytes; streamed |
 * | `REGLAMENT_LOG_LEVEL` | info | debug, info, warn, error |
 * | `REGLAMENT_DEMO` | 1 in development | load the demo school and print tokens at start |
 * | `REGLAMENT_DISPATCH` | background | `background`: effects (notices, access codes) leave the outbox in the scheduler loop right after the command; `inline`: before the command answers |
 * | `REGLAMENT_SQLITE_SYNCHRONOUS` | full | `full`: fsync per command (survives power loss); `normal`: WAL without fsync per command (survives a killed process) |
 */
import { delimiter, resolve } from 'node:path';
import { ReglamentError } from '../errors.js';
import type { LogLevel } from '../http/logger.js';

export type Environment = 'development' | 'production' | 'test';

export interface JwtConfig {
  secret?: string;
  publicKey?: string;
  privateKey?: string;
  algorithm: 'HS256' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'ES256' | 'ES384' | 'EdDSA';
  issuer?: string;
}

export interface ServiceConfig {
  environment: Environment;
  port: number;
  host: string;
  dataDir: string;
  mongodbUrl?: string;
  timeZone: string;
  region?: string;
  /** Municipality calendar override files, layered in order (see `loadCalendarOverrides`). */
  calendarOverrideFiles: string[];
  corsOrigins: string[];
  jwt: JwtConfig;
  /** Seals one-time access codes in their notices; see `resolveSealSecret`. */
  sealKey?: string;
  bodyLimitBytes: number;
  /** Largest journal export the quality report takes (streamed, never held whole). */
  journalLimitBytes: number;
  logLevel: LogLevel;
  demo: boolean;
  dispatch: 'background' | 'inline';
  sqliteSynchronous: 'full' | 'normal';
}

const algorithms: JwtConfig['algorithm'][] = ['HS256', 'RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
const levels: LogLevel[] = ['debug', 'info', 'warn', 'error'];

function invalid(variable: string, message: string): ReglamentError {
  return new ReglamentError('INVALID_INPUT', `${variable} ${message}`, { path: `/env/${variable}` });
}

function integer(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number): number {
  const text = env[variable];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(variable, `must be an integer from ${min} to ${max}`);
  return value;
}

function text(env: NodeJS.ProcessEnv, variable: string): string | undefined {
  const value = env[variable]?.trim();
  return value ? value : undefined;
}

/** PEM keys often arrive in one line with literal `\n`; restore the line breaks. */
function pem(value: string | undefined): string | undefined {
  return value?.replaceAll('\\n', '\n');
}

/**
 * Reads the configuration from environment variables.
 *
 * @example
 * const config = loadConfig({ PORT: '8080', REGLAMENT_DATA_DIR: '/var/lib/reglament' });
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const environment: Environment = env['NODE_ENV'] === 'production' ? 'production' : env['NODE_ENV'] === 'test' ? 'test' : 'development';
  const algorithm = (text(env, 'REGLAMENT_JWT_ALGORITHM') ?? (text(env, 'REGLAMENT_JWT_PUBLIC_KEY') ? 'RS256' : 'HS256')) as JwtConfig['algorithm'];
  if (!algorithms.includes(algorithm)) throw invalid('REGLAMENT_JWT_ALGORITHM', `must be one of ${algorithms.join(', ')}`);
  const jwt: JwtConfig = { algorithm };
  const secret = text(env, 'REGLAMENT_JWT_SECRET');
  const publicKey = pem(text(env, 'REGLAMENT_JWT_PUBLIC_KEY'));
  const privateKey = pem(text(env, 'REGLAMENT_JWT_PRIVATE_KEY'));
  const issuer = text(env, 'REGLAMENT_JWT_ISSUER');
  if (secret) jwt.secret = secret;
  if (publicKey) jwt.publicKey = publicKey;
  if (privateKey) jwt.privateKey = privateKey;
  if (issuer) jwt.issuer = issuer;
  if (algorithm === 'HS256' && publicKey) throw invalid('REGLAMENT_JWT_ALGORITHM', 'must be asymmetric (e.g. RS256) with a public key');
  if (algorithm !== 'HS256' && !publicKey) throw invalid('REGLAMENT_JWT_PUBLIC_KEY', `is required for ${algorithm}`);
  if (environment === 'production' && algorithm === 'HS256') {
    if (!secret) throw invalid('REGLAMENT_JWT_SECRET', 'must be set in production (or REGLAMENT_JWT_PUBLIC_KEY)');
    if (secret.length < 32) throw invalid('REGLAMENT_JWT_SECRET', 'must be at least 32 characters in production');
  }
  const sealKey = text(env, 'REGLAMENT_SEAL_KEY');
  if (sealKey !== undefined && sealKey.length < 32) throw invalid('REGLAMENT_SEAL_KEY', 'must be at least 32 characters');
  if (environment === 'production' && !sealKey) throw invalid('REGLAMENT_SEAL_KEY', 'must be set in production (one-time access codes are sealed with it)');
  const logLevel = (text(env, 'REGLAMENT_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!levels.includes(logLevel)) throw invalid('REGLAMENT_LOG_LEVEL', `must be one of ${levels.join(', ')}`);
  const demoText = text(env, 'REGLAMENT_DEMO');
  if (demoText !== undefined && !['0', '1', 'true', 'false'].includes(demoText)) throw invalid('REGLAMENT_DEMO', 'must be 1 or 0');
  const dispatch = text(env, 'REGLAMENT_DISPATCH') ?? 'background';
  if (dispatch !== 'background' && dispatch !== 'inline') throw invalid('REGLAMENT_DISPATCH', 'must be background or inline');
  const sqliteSynchronous = text(env, 'REGLAMENT_SQLITE_SYNCHRONOUS') ?? 'full';
  if (sqliteSynchronous !== 'full' && sqliteSynchronous !== 'normal') throw invalid('REGLAMENT_SQLITE_SYNCHRONOUS', 'must be full or normal');
  const config: ServiceConfig = {
    environment,
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: text(env, 'HOST') ?? (environment === 'production' ? '0.0.0.0' : '127.0.0.1'),
    dataDir: resolve(text(env, 'REGLAMENT_DATA_DIR') ?? './data'),
    timeZone: text(env, 'REGLAMENT_TIMEZONE') ?? 'Asia/Yekaterinburg',
    calendarOverrideFiles: (text(env, 'REGLAMENT_CALENDAR_OVERRIDES') ?? '').split(delimiter).map((file) => file.trim()).filter(Boolean),
    corsOrigins: (text(env, 'REGLAMENT_CORS_ORIGINS') ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    jwt,
    bodyLimitBytes: integer(env, 'REGLAMENT_BODY_LIMIT', 65_536, 1024, 64 * 1024 * 1024),
    journalLimitBytes: integer(env, 'REGLAMENT_JOURNAL_LIMIT', 200 * 1024 * 1024, 1024, 16 * 1024 * 1024 * 1024),
    logLevel,
    demo: demoText === undefined ? environment === 'development' : demoText === '1' || demoText === 'true',
    dispatch,
    sqliteSynchronous,
  };
  const mongodbUrl = text(env, 'MONGODB_URL');
  if (mongodbUrl) {
    if (!/^mongodb(\+srv)?:\/\//.test(mongodbUrl)) throw invalid('MONGODB_URL', 'must start with mongodb:// or mongodb+srv://');
    config.mongodbUrl = mongodbUrl;
  }
  const region = text(env, 'REGLAMENT_REGION');
  if (region) config.region = region;
  if (sealKey) config.sealKey = sealKey;
  return config;
}
