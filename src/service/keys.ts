/**
 * @module service/keys
 * The token keys of the service. Configured keys win; in development and tests with none, a
 * random secret is generated once and kept in `<dataDir>/jwt-secret` (mode 0600), so tokens
 * printed by `npm start` or `reglament token` keep working across restarts. Production never
 * generates one: `loadConfig` already refused to start without a key.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthKeys } from '../http/auth/token.js';
import type { ServiceConfig } from './config.js';

/** Name of the generated secret's file in the data directory. */
export const secretFileName = 'jwt-secret';

async function developmentSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, secretFileName);
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': when two processes start at once, the first writer wins and the other reads it.
    await writeFile(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  }
}

/**
 * The keys tokens are verified (and, when possible, signed) with.
 *
 * @example
 * const keys = await resolveAuthKeys(loadConfig());
 * const token = await signToken({ sub: 'admin', role: 'admin' }, keys);
 */
export async function resolveAuthKeys(config: Pick<ServiceConfig, 'jwt' | 'dataDir'>): Promise<AuthKeys> {
  const { jwt } = config;
  const keys: AuthKeys = jwt.publicKey
    ? { algorithm: jwt.algorithm, verifyKey: jwt.publicKey }
    : { algorithm: 'HS256', verifyKey: jwt.secret ?? (await developmentSecret(config.dataDir)) };
  if (jwt.publicKey) {
    if (jwt.privateKey) keys.signKey = jwt.privateKey;
  } else {
    keys.signKey = keys.verifyKey;
  }
  if (jwt.issuer) keys.issuer = jwt.issuer;
  return keys;
}
