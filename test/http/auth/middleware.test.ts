import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { requireAuth, type AuthVariables } from '../../../src/http/auth/middleware.js';
import { signToken, type AuthKeys } from '../../../src/http/auth/token.js';
import { handleError } from '../../../src/http/middleware/guards.js';
import { silentLogger } from '../../../src/http/logger.js';

const middleware = suite('auth middleware');
const keys: AuthKeys = { algorithm: 'HS256', verifyKey: 'm'.repeat(32), signKey: 'm'.repeat(32) };

function appAt(clock: { ms: number }) {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.onError(handleError(silentLogger));
  app.use(requireAuth(keys, { now: () => clock.ms }));
  app.get('/', (c) => c.json(c.get('principal')));
  return app;
}

middleware('puts the verified principal into the context', async () => {
  const token = await signToken({ sub: 'c1', role: 'clerk', school: 's1' }, keys);
  const reply = await appAt({ ms: Date.now() }).request('/', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(await reply.json(), { sub: 'c1', role: 'clerk', school: 's1' });
});

middleware('never serves a remembered token past its expiry', async () => {
  const clock = { ms: Date.now() };
  const token = await signToken({ sub: 'p1', role: 'applicant' }, keys, { ttlSeconds: 2 });
  const app = appAt(clock);
  assert.is((await app.request('/', { headers: { authorization: `Bearer ${token}` } })).status, 200);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  clock.ms = Date.now();
  assert.is((await app.request('/', { headers: { authorization: `Bearer ${token}` } })).status, 401, 'the cache gives way to exp');
});

middleware.run();
