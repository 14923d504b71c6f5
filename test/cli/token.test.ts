import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyToken } from '../../src/http/auth/token.js';
import { parseTtl } from '../../src/cli/commands/token.js';
import { loadConfig } from '../../src/service/config.js';
import { resolveAuthKeys } from '../../src/service/keys.js';

const run = promisify(execFile);
const token = suite('cli token');

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'token', ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

token('prints a token the service accepts, signed with the data dir secret', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'reglament-token-'));
  try {
    const env = { REGLAMENT_DATA_DIR: dataDir, NODE_ENV: 'development', REGLAMENT_JWT_SECRET: '' };
    const result = await cli(['--role', 'clerk', '--sub', 'clerk-7', '--school', 'school-1', '--ttl', '2h'], env);
    assert.is(result.code, 0, result.stderr);
    const keys = await resolveAuthKeys(loadConfig(env));
    assert.equal(await verifyToken(result.stdout.trim(), keys), { sub: 'clerk-7', role: 'clerk', school: 'school-1' });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

token('uses REGLAMENT_JWT_SECRET when set', async () => {
  const secret = 'z'.repeat(40);
  const result = await cli(['--role', 'department'], { REGLAMENT_JWT_SECRET: secret });
  assert.is(result.code, 0, result.stderr);
  assert.equal(await verifyToken(result.stdout.trim(), { algorithm: 'HS256', verifyKey: secret }), { sub: 'department', role: 'department' });
});

token('refuses an unknown role, a clerk without a school and a bad ttl', async () => {
  const env = { REGLAMENT_JWT_SECRET: 'z'.repeat(40) };
  for (const args of [['--role', 'root'], ['--role', 'clerk'], ['--role', 'admin', '--ttl', 'forever']]) {
    const result = await cli(args, env);
    assert.is(result.code, 2);
    assert.match(result.stderr, /INVALID_INPUT/);
    assert.is(result.stdout, '');
  }
});

token('reads lifetimes', () => {
  assert.is(parseTtl('90s'), 90);
  assert.is(parseTtl('30m'), 1800);
  assert.is(parseTtl('7d'), 604_800);
  assert.throws(() => parseTtl('0s'));
});

token.run();
