import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diaryAccess, file, send, startHarness, type Harness } from './harness.js';

const concurrency = suite('optimistic concurrency over HTTP');

let harness: Harness;
concurrency.before.each(async () => {
  harness = await startHarness();
});
concurrency.after.each(async () => {
  await harness.close();
});

concurrency('20 concurrent senders with the same If-Match: exactly one wins, history gains one entry', async () => {
  const filed = (await file(harness, 'parent1', diaryAccess())).body;
  const replies = await Promise.all(Array.from({ length: 20 }, () => send(harness, 'clerk1', filed.id, { type: 'REGISTER' }, 1)));
  const statuses = replies.map((reply) => reply.status).sort();
  assert.equal(statuses.filter((status) => status === 200).length, 1, JSON.stringify(statuses));
  assert.equal(statuses.filter((status) => status === 409).length, 19, JSON.stringify(statuses));
  assert.ok(replies.filter((reply) => reply.status === 409).every((reply) => reply.body.code === 'VERSION_CONFLICT'));
  const read = await harness.call('GET', `/v1/applications/${filed.id}`, { as: 'clerk1' });
  assert.is(read.body.version, 2);
  assert.equal(read.body.history.map((entry: { event: { type: string } }) => entry.event.type), ['submit', 'REGISTER']);
});

concurrency('20 concurrent retries with one Idempotency-Key: one command, the same answer twenty times', async () => {
  const filed = (await file(harness, 'parent1', diaryAccess())).body;
  const replies = await Promise.all(Array.from({ length: 20 }, () => send(harness, 'clerk1', filed.id, { type: 'REGISTER' }, 1, { 'idempotency-key': 'register-once' })));
  const winners = replies.filter((reply) => reply.status === 200);
  assert.ok(winners.length >= 1);
  assert.ok(winners.every((reply) => reply.body.version === 2));
  assert.ok(replies.every((reply) => reply.status === 200 || reply.status === 409), JSON.stringify(replies.map((reply) => reply.status)));
  const retry = await send(harness, 'clerk1', filed.id, { type: 'REGISTER' }, 1, { 'idempotency-key': 'register-once' });
  assert.is(retry.status, 200, 'a later retry gets the first result, not a conflict');
  assert.is(retry.body.version, 2);
  const read = await harness.call('GET', `/v1/applications/${filed.id}`, { as: 'clerk1' });
  assert.is(read.body.history.length, 2);
});

concurrency.run();
