import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diaryAccess, file, secret, startHarness, type Harness, type Reply } from './harness.js';
import { sign } from 'hono/jwt';

const badInput = suite('bad input: a 4xx problem naming the field, never a 5xx, nothing written');

let harness: Harness;
badInput.before.each(async () => {
  harness = await startHarness();
});
badInput.after.each(async () => {
  await harness.close();
});

async function applicationCount(): Promise<number> {
  return harness.service.store.countApplications({});
}

function isProblem(reply: Reply, status: number, path?: string): void {
  assert.is(reply.status, status, reply.text);
  assert.is(reply.headers.get('content-type'), 'application/problem+json');
  for (const field of ['type', 'title', 'status', 'detail', 'code']) assert.ok(field in reply.body, `problem has ${field}`);
  assert.is(reply.body.status, status);
  assert.not.match(reply.text, /\bat .+\.(ts|js):\d+/, 'no stack trace');
  if (path !== undefined) assert.ok(reply.body.errors.some((error: { path: string }) => error.path === path), `${path} in ${JSON.stringify(reply.body.errors)}`);
}

badInput('malformed JSON, wrong types, unknown fields and values of a new application', async () => {
  const cases: [string, string | Record<string, unknown>, string][] = [
    ['malformed JSON', '{"service": "diary-access",', ''],
    ['not an object', '[1, 2, 3]', ''],
    ['unknown service', diaryAccess({ service: 'no-such-service' }), '/service'],
    ['number for pupil', diaryAccess({ pupil: 42 }), '/pupil'],
    ['missing applicant', { ...diaryAccess(), applicant: undefined }, '/applicant'],
    ['unknown channel', diaryAccess({ channel: 'pigeon' }), '/channel'],
    ['bad date', diaryAccess({ receivedAt: '2025-02-30T10:00:00Z' }), '/receivedAt'],
    ['not a date', diaryAccess({ receivedAt: 'yesterday' }), '/receivedAt'],
    ['unknown field', diaryAccess({ colour: 'red' }), '/colour'],
    ['documents not a list', diaryAccess({ documents: 'application' }), '/documents'],
    ['unknown document', diaryAccess({ documents: ['application', 'passport-of-mars'] }), '/documents/1'],
    ['unknown kind', diaryAccess({ kind: 'teleport' }), '/kind'],
  ];
  for (const [name, body, path] of cases) {
    const reply = await harness.call('POST', '/v1/applications', { as: 'parent1', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    isProblem(reply, 400, path);
    assert.ok(reply.body.errors.length > 0, name);
  }
  assert.is(await applicationCount(), 0);
});

badInput('a body that is not JSON is 415; one that is too large is 413, unread', async () => {
  isProblem(await harness.call('POST', '/v1/applications', { as: 'parent1', body: 'service=diary-access', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  isProblem(await harness.call('POST', '/v1/applications', { as: 'parent1', body: JSON.stringify(diaryAccess()), headers: { 'content-type': 'text/plain' } }), 415);
  const huge = diaryAccess({ data: { information: 'diary', consent: { parent: true, child: true }, note: 'x'.repeat(70_000) } });
  isProblem(await harness.call('POST', '/v1/applications', { as: 'parent1', json: huge }), 413);
  assert.is(await applicationCount(), 0);
});

badInput('a missing, wrong, expired or forged token is 401 with WWW-Authenticate', async () => {
  const tokens = [
    undefined,
    'not-a-jwt',
    await sign({ sub: 'parent-1', role: 'applicant', exp: Math.floor(Date.now() / 1000) + 60 }, 'another-secret-another-secret-another', 'HS256'),
    await sign({ sub: 'parent-1', role: 'applicant', exp: Math.floor(Date.now() / 1000) - 60 }, secret, 'HS256'),
    await sign({ sub: 'parent-1', role: 'superuser', exp: Math.floor(Date.now() / 1000) + 60 }, secret, 'HS256'),
  ];
  for (const token of tokens) {
    const reply = await harness.call('POST', '/v1/applications', { ...(token ? { token } : {}), json: diaryAccess() });
    isProblem(reply, 401);
    assert.is(reply.headers.get('www-authenticate'), 'Bearer');
    assert.is((await harness.call('GET', '/v1/applications', token ? { token } : {})).status, 401);
  }
  const basic = await harness.call('GET', '/v1/applications', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
  isProblem(basic, 401, '/headers/authorization');
  assert.is(await applicationCount(), 0);
});

badInput('bad events: wrong types, unknown event, bad payload, no history written', async () => {
  const filed = (await file(harness, 'parent1', diaryAccess())).body;
  const cases: [string, number, string][] = [
    ['{"type": 42}', 400, '/type'],
    ['{}', 400, '/type'],
    ['{"type": "REGISTER"', 400, ''],
    ['"REGISTER"', 400, ''],
    ['{"type": "NO_SUCH_EVENT"}', 400, '/type'],
  ];
  for (const [body, status, path] of cases) {
    const reply = await harness.call('POST', `/v1/applications/${filed.id}/events`, { as: 'clerk1', body, headers: { 'content-type': 'application/json', 'if-match': '"1"' } });
    isProblem(reply, status, path);
  }
  const history = await harness.service.engine.history(filed.id);
  assert.is(history.length, 1);
});

badInput('bad queries and headers are named', async () => {
  isProblem(await harness.call('GET', '/v1/applications?overdue=maybe', { as: 'admin' }), 400, '/query/overdue');
  isProblem(await harness.call('GET', '/v1/applications?limit=0', { as: 'admin' }), 400, '/query/limit');
  isProblem(await harness.call('GET', '/v1/applications?limit=100000', { as: 'admin' }), 400, '/query/limit');
  isProblem(await harness.call('GET', '/v1/applications?status=lost', { as: 'admin' }), 400, '/query/status');
  isProblem(await harness.call('GET', '/v1/applications?sort=name', { as: 'admin' }), 400, '/query/sort');
  isProblem(await harness.call('GET', '/v1/audit?limit=-5', { as: 'admin' }), 400, '/query/limit');
  isProblem(await harness.call('POST', '/v1/applications', { as: 'parent1', json: diaryAccess(), headers: { 'idempotency-key': 'two words' } }), 400, '/headers/idempotency-key');
  isProblem(await harness.call('POST', '/v1/roster', { as: 'admin', json: { pupils: [{ id: 'p', school: 42 }] } }), 400, '/pupils/0/school');
  isProblem(await harness.call('POST', '/v1/roster', { as: 'admin', body: 'school,pupil\n,pupil-x\n', headers: { 'content-type': 'text/csv' } }), 400, '/pupils/0/school');
  isProblem(await harness.call('POST', '/v1/roster', { as: 'admin', body: '<roster/>', headers: { 'content-type': 'application/xml' } }), 415);
  isProblem(await harness.call('DELETE', '/v1/applications', { as: 'admin' }), 405);
  isProblem(await harness.call('DELETE', '/v1/nowhere', { as: 'admin' }), 404);
  assert.is(await applicationCount(), 0);
  assert.is(await harness.service.ports.roster.pupil('pupil-x'), null, 'a rejected roster writes nothing');
});

badInput.run();
