import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReglamentError } from '../../src/errors.js';
import { signToken, verifyToken } from '../../src/http/auth/token.js';
import { loadConfig } from '../../src/service/config.js';
import { resolveAuthKeys, resolveSealSecret, sealKeyFileName, secretFileName } from '../../src/service/keys.js';

const config = suite('service config');

function failsOn(env: NodeJS.ProcessEnv, variable: string): void {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(isReglamentError(error, 'INVALID_INPUT'));
    assert.is((error as { path?: string }).path, `/env/${variable}`);
    return;
  }
  assert.unreachable(`expected ${variable} to be refused`);
}

config('has development defaults', () => {
  const value = loadConfig({});
  assert.is(value.environment, 'development');
  assert.is(value.port, 3000);
  assert.is(value.host, '127.0.0.1');
  assert.ok(value.dataDir.endsWith('/data'));
  assert.is(value.demo, true);
  assert.equal(value.corsOrigins, []);
  assert.is(value.mongodbUrl, undefined);
});

config('reads the environment', () => {
  const value = loadConfig({ NODE_ENV: 'production', PORT: '8080', REGLAMENT_JWT_SECRET: 's'.repeat(40), REGLAMENT_SEAL_KEY: 'k'.repeat(40), MONGODB_URL: 'mongodb://db:27017/reglament', REGLAMENT_CORS_ORIGINS: 'https://a.example, https://b.example', REGLAMENT_TIMEZONE: 'Europe/Moscow' });
  assert.is(value.host, '0.0.0.0');
  assert.is(value.port, 8080);
  assert.is(value.demo, false);
  assert.is(value.mongodbUrl, 'mongodb://db:27017/reglament');
  assert.equal(value.corsOrigins, ['https://a.example', 'https://b.example']);
  assert.is(value.timeZone, 'Europe/Moscow');
});

config('refuses bad values, naming the variable', () => {
  failsOn({ PORT: 'eighty' }, 'PORT');
  failsOn({ PORT: '70000' }, 'PORT');
  failsOn({ MONGODB_URL: 'http://x' }, 'MONGODB_URL');
  failsOn({ NODE_ENV: 'production' }, 'REGLAMENT_JWT_SECRET');
  failsOn({ NODE_ENV: 'production', REGLAMENT_JWT_SECRET: 'short' }, 'REGLAMENT_JWT_SECRET');
  failsOn({ REGLAMENT_JWT_ALGORITHM: 'RS256' }, 'REGLAMENT_JWT_PUBLIC_KEY');
  failsOn({ NODE_ENV: 'production', REGLAMENT_JWT_SECRET: 's'.repeat(40) }, 'REGLAMENT_SEAL_KEY');
  failsOn({ REGLAMENT_SEAL_KEY: 'short' }, 'REGLAMENT_SEAL_KEY');
  failsOn({ REGLAMENT_LOG_LEVEL: 'loud' }, 'REGLAMENT_LOG_LEVEL');
});

config('keeps a generated development secret in the data dir across restarts', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'reglament-keys-'));
  try {
    const first = await resolveAuthKeys(loadConfig({ REGLAMENT_DATA_DIR: dataDir }));
    const token = await signToken({ sub: 'admin', role: 'admin' }, first);
    const second = await resolveAuthKeys(loadConfig({ REGLAMENT_DATA_DIR: dataDir }));
    assert.equal(await verifyToken(token, second), { sub: 'admin', role: 'admin' });
    assert.is((await readFile(join(dataDir, secretFileName), 'utf8')).trim(), first.verifyKey);
    assert.is((await stat(join(dataDir, secretFileName))).mode & 0o777, 0o600);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

config('uses a configured secret as is', async () => {
  const keys = await resolveAuthKeys(loadConfig({ REGLAMENT_JWT_SECRET: 'x'.repeat(32), REGLAMENT_DATA_DIR: '/nonexistent' }));
  assert.is(keys.verifyKey, 'x'.repeat(32));
  assert.is(keys.signKey, 'x'.repeat(32));
});

config('the seal secret: configured as is, kept in the data dir in development, none (per process) in tests', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'reglament-seal-'));
  try {
    assert.is(await resolveSealSecret(loadConfig({ REGLAMENT_SEAL_KEY: 'k'.repeat(32), REGLAMENT_DATA_DIR: dataDir })), 'k'.repeat(32));
    assert.is(await resolveSealSecret(loadConfig({ NODE_ENV: 'test', REGLAMENT_DATA_DIR: dataDir })), undefined);
    const first = await resolveSealSecret(loadConfig({ REGLAMENT_DATA_DIR: dataDir }));
    assert.ok(first && first.length >= 32);
    assert.is(await resolveSealSecret(loadConfig({ REGLAMENT_DATA_DIR: dataDir })), first);
    assert.is((await readFile(join(dataDir, sealKeyFileName), 'utf8')).trim(), first);
    assert.is((await stat(join(dataDir, sealKeyFileName))).mode & 0o777, 0o600);
    assert.is.not(first, (await resolveAuthKeys(loadConfig({ REGLAMENT_DATA_DIR: dataDir }))).verifyKey, 'a key of its own, not the token secret');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

config.run();
