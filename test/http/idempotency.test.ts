import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson, requestFingerprint } from '../../src/http/fingerprint.js';
import { diaryAccess, file, send, startHarness, type Harness } from './harness.js';

const idempotency = suite('Idempotency-Key reused with a different body: 422 IDEMPOTENCY_CONFLICT');

let harness: Harness;
idempotency.before.each(async () => {
  harness = await startHarness();
});
idempotency.after.each(async () => {
  await harness.close();
});

idempotency('the fingerprint ignores key order and tells bodies apart', () => {
  assert.is(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
  assert.is(requestFingerprint('POST', '/v1/applications', { a: 1, b: 2 }), requestFingerprint('post', '/v1/applications', { b: 2, a: 1 }));
  assert.is.not(requestFingerprint('POST', '/v1/applications', { a: 1 }), requestFingerprint('POST', '/v1/applications', { a: 2 }));
  assert.is.not(requestFingerprint('POST', '/v1/applications/a/events', { a: 1 }), requestFingerprint('POST', '/v1/applications/b/events', { a: 1 }));
});

idempotency('filing: the same body replays (keys in any order), another body is 422 and files nothing', async () => {
  const headers = { 'idempotency-key': 'form-7' };
  const first = await harness.call('POST', '/v1/applications', { as: 'parent1', json: diaryAccess(), headers });
  assert.is(first.status, 201, first.text);
  const reordered = Object.fromEntries(Object.entries(diaryAccess()).reverse());
  const again = await harness.call('POST', '/v1/applications', { as: 'parent1', json: reordered, headers });
  assert.is(again.status, 201);
  assert.is(again.body.id, first.body.id);
  const other = await harness.call('POST', '/v1/applications', { as: 'parent1', json: diaryAccess({ channel: 'personal' }), headers });
  assert.is(other.status, 422, other.text);
  assert.is(other.headers.get('content-type'), 'application/problem+json');
  assert.is(other.body.code, 'IDEMPOTENCY_CONFLICT');
  assert.is(other.body.errors[0].path, '/headers/idempotency-key');
  const list = await harness.call('GET', '/v1/applications', { as: 'parent1' });
  assert.is(list.body.items.length, 1);
});

idempotency('events: the same event replays, another event under the key is 422 and changes nothing', async () => {
  const filed = await file(harness, 'clerk1', diaryAccess());
  const headers = { 'idempotency-key': 'click-1' };
  const registered = await send(harness, 'clerk1', filed.body.id, { type: 'REGISTER' }, 1, headers);
  assert.is(registered.status, 200, registered.text);
  const retried = await send(harness, 'clerk1', filed.body.id, { type: 'REGISTER' }, 1, headers);
  assert.is(retried.status, 200);
  assert.is(retried.body.version, registered.body.version);
  const allowed = registered.body.allowedEvents as string[];
  assert.ok(allowed.length > 0);
  const other = await send(harness, 'clerk1', filed.body.id, { type: allowed[0] }, registered.body.version, headers);
  assert.is(other.status, 422, other.text);
  assert.is(other.body.code, 'IDEMPOTENCY_CONFLICT');
  const read = await harness.call('GET', `/v1/applications/${filed.body.id}`, { as: 'clerk1' });
  assert.is(read.body.version, registered.body.version);
  assert.is(read.body.history.length, 2);
});

idempotency.run();
