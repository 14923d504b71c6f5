import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'hono/jwt';
import { isReglamentError } from '../../../src/errors.js';
import { principalOf, signToken, verifyToken, type AuthKeys } from '../../../src/http/auth/token.js';

const tokens = suite('auth tokens');
const keys: AuthKeys = { algorithm: 'HS256', verifyKey: 'a'.repeat(32), signKey: 'a'.repeat(32) };

async function rejects(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isReglamentError(error, 'UNAUTHORIZED'), String(error));
    return;
  }
  assert.unreachable('expected UNAUTHORIZED');
}

tokens('signs and verifies a principal', async () => {
  const token = await signToken({ sub: 'clerk-1', role: 'clerk', school: 'school-1' }, keys);
  assert.equal(await verifyToken(token, keys), { sub: 'clerk-1', role: 'clerk', school: 'school-1' });
});

tokens('rejects a wrong secret, an expired token and a tampered payload', async () => {
  const token = await signToken({ sub: 'p', role: 'applicant' }, keys);
  await rejects(verifyToken(token, { ...keys, verifyKey: 'b'.repeat(32) }));
  await rejects(verifyToken(await signToken({ sub: 'p', role: 'applicant' }, keys, { ttlSeconds: 60, now: new Date('2020-01-01T00:00:00Z') }), keys));
  const [header, , signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ sub: 'p', role: 'admin', exp: 9_999_999_999 })).toString('base64url');
  await rejects(verifyToken(`${header}.${forged}.${signature}`, keys));
  await rejects(verifyToken('not-a-token', keys));
});

tokens('rejects tokens without a known role, and clerks without a school', async () => {
  await rejects(verifyToken(await sign({ sub: 'x', role: 'root', exp: 9_999_999_999 }, keys.verifyKey, 'HS256'), keys));
  await rejects(verifyToken(await sign({ sub: 'x', role: 'clerk', exp: 9_999_999_999 }, keys.verifyKey, 'HS256'), keys));
  assert.throws(() => principalOf({ role: 'admin' }));
});

tokens('verifies RS256 tokens with a public key only', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pair: AuthKeys = { algorithm: 'RS256', verifyKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), signKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  const token = await signToken({ sub: 'dep-1', role: 'department' }, pair);
  assert.equal(await verifyToken(token, { algorithm: 'RS256', verifyKey: pair.verifyKey }), { sub: 'dep-1', role: 'department' });
  // An HS256 token "signed" with the public key as a secret must not pass (algorithm confusion).
  await rejects(verifyToken(await sign({ sub: 'x', role: 'admin', exp: 9_999_999_999 }, pair.verifyKey, 'HS256'), { algorithm: 'RS256', verifyKey: pair.verifyKey }));
});

tokens.run();
