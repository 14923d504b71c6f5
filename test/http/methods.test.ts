import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { allowedMethods } from '../../src/http/middleware/methods.js';
import { startHarness, type Harness } from './harness.js';

const methods = suite('405: known paths asked with another method');

let harness: Harness;
methods.before(async () => {
  harness = await startHarness();
});
methods.after(async () => {
  await harness.close();
});

methods('the lookup matches templates and lists HEAD wherever GET is', () => {
  const allowed = allowedMethods([
    { method: 'get', path: '/v1/applications/{id}' },
    { method: 'post', path: '/v1/applications/{id}/events' },
    { method: 'get', path: '/v1/applications' },
    { method: 'post', path: '/v1/applications' },
  ]);
  assert.equal(allowed('/v1/applications/a-1'), ['GET', 'HEAD']);
  assert.equal(allowed('/v1/applications/a-1/events'), ['POST']);
  assert.equal(allowed('/v1/applications/'), ['GET', 'HEAD', 'POST']);
  assert.is(allowed('/v1/applications/a-1/elsewhere'), null);
  assert.is(allowed('/v1/nowhere'), null);
});

for (const [method, path, allow] of [
  ['DELETE', '/v1/applications/some-id', 'GET, HEAD'],
  ['PUT', '/v1/applications', 'GET, HEAD, POST'],
  ['GET', '/v1/applications/some-id/events', 'POST'],
  ['PATCH', '/v1/workflows', 'GET, HEAD'],
  ['POST', '/healthz', 'GET, HEAD'],
  ['DELETE', '/openapi.json', 'GET, HEAD'],
  ['GET', '/v1/reports/journal-quality', 'POST'],
  ['POST', '/v1/reports/service-stats', 'GET, HEAD'],
] as const) {
  methods(`${method} ${path}: 405 problem with Allow: ${allow}`, async () => {
    const reply = await harness.call(method, path, { as: 'admin', ...(method === 'GET' || method === 'DELETE' ? {} : { json: {} }) });
    assert.is(reply.status, 405, reply.text);
    assert.is(reply.headers.get('allow'), allow);
    assert.is(reply.headers.get('content-type'), 'application/problem+json');
    assert.is(reply.body.code, 'METHOD_NOT_ALLOWED');
    assert.is(reply.body.status, 405);
  });
}

methods('an unknown path is still 404, and a protected path without a token still 401', async () => {
  const unknown = await harness.call('DELETE', '/v1/nowhere', { as: 'admin' });
  assert.is(unknown.status, 404);
  assert.is(unknown.body.code, 'NOT_FOUND');
  const anonymous = await harness.call('DELETE', '/v1/applications/some-id');
  assert.is(anonymous.status, 401);
});

methods('every method documented in /openapi.json is routed (none answers 405)', async () => {
  const document = (await harness.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  for (const [template, operations] of Object.entries(document.paths)) {
    const path = template.replace(/\{[^}]+\}/g, 'x.html');
    for (const method of Object.keys(operations)) {
      const reply = await harness.call(method.toUpperCase(), path, { as: 'admin', ...(method === 'get' ? {} : { json: {} }) });
      assert.is.not(reply.status, 405, `${method} ${path}`);
    }
  }
});

methods.run();
