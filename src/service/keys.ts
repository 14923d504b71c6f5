/**
 * @module service/keys
 * The token keys and the seal secret of the service. Configured keys win; in development (and
 * tests, for tokens) with none, a random secret is generated once and kept in
 * `<dataDir>/jwt-secret` or `<dataDir>/seal-key` (mode 0600), so tokens printed by `npm start`
 * or `reglament token`, and access codes sealed before a restart, keep working. Production never
 * generates one: `loadConfig` already refused to start without them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthKeys } from '../http/auth/token.js';
import type { ServiceConfig } from './config.js';

/** Name of the generated secret's file in the data directory. */
export const secretFileName = 'jwt-secret';

/** Name of the generated seal secret's file in the data directory. */
export const sealKeyFileName = 'seal-key';

async function developmentSecret(dataDir: string, fileName: string = secretFileName): Promise<string> {
  const file = join(dataDir, fileName);
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

/**
 * The secret notices' one-time codes are sealed with (`createSealer({ secret })`): the
 * configured `REGLAMENT_SEAL_KEY`; in development one kept in `<dataDir>/seal-key`; in tests
 * none (undefined: a random key for the process, so a test never writes a key file).
 *
 * @example
 * const secret = await resolveSealSecret(loadConfig());
 * const sealer = createSealer(secret === undefined ? {} : { secret });
 */
export async function resolveSealSecret(config: Pick<ServiceConfig, 'sealKey' | 'dataDir' | 'environment'>): Promise<string | undefined> {
  if (config.sealKey) return config.sealKey;
  return config.environment === 'development' ? developmentSecret(config.dataDir, sealKeyFileName) : undefined;
}
