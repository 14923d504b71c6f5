import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { diaryAccess, file, send, startHarness, type Harness } from './harness.js';

const openapi = suite('OpenAPI document');

let harness: Harness;
let doc: any;
openapi.before(async () => {
  harness = await startHarness();
  doc = (await harness.call('GET', '/openapi.json')).body;
});
openapi.after(async () => {
  await harness.close();
});

function templateOf(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

openapi('documents every route the app serves, and nothing it does not', () => {
  assert.is(doc.openapi, '3.1.0');
  const documented = new Set<string>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${path}`);
  const served = new Set(
    harness.service.app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.startsWith('/admin') && !route.path.startsWith('/docs') && route.path !== '/openapi.json')
      .map((route) => `${route.method} ${templateOf(route.path)}`),
  );
  assert.equal([...served].filter((route) => !documented.has(route)), [], 'served but not documented');
  assert.equal([...documented].filter((route) => !served.has(route)), [], 'documented but not served');
});

openapi('publishes the very schemas the validators use, with the loaded services and events', () => {
  const create = doc.components.schemas.NewApplication;
  assert.equal(create.properties.service.enum, harness.service.workflows.services());
  assert.ok(create.additionalProperties === false);
  const event = doc.components.schemas.EventCommand;
  assert.ok(event.properties.type.enum.includes('REGISTER'));
  assert.ok(event.properties.type.enum.includes('ISSUE_CREDENTIALS'));
  assert.not.ok(event.properties.type.enum.includes('term.overdue'), 'scheduler events are not for callers');
  const list = doc.paths['/v1/applications'].get.parameters.map((parameter: { name: string }) => parameter.name);
  assert.equal(list.sort(), ['cursor', 'limit', 'overdue', 'pupil', 'school', 'service', 'state', 'status']);
  const events = doc.paths['/v1/applications/{id}/events'].post;
  assert.ok(events.parameters.some((parameter: { name: string; required: boolean }) => parameter.name === 'If-Match' && parameter.required));
  assert.ok(events.responses['409'] && events.responses['422'] && events.responses['428']);
  assert.equal(events['x-roles'], ['applicant', 'clerk', 'department', 'admin']);
  assert.equal(doc.paths['/healthz'].get.security, [], 'health needs no token');
  assert.equal(doc.paths['/v1/applications'].post.security, [{ bearer: [] }]);
});

openapi('real responses conform to the documented schemas', async () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  function conforms(name: string, body: unknown): void {
    const valid = ajv.validate({ $ref: `openapi.json#/components/schemas/${name}` }, body);
    assert.ok(valid, `${name}: ${ajv.errorsText()}`);
  }
  const filed = await file(harness, 'parent1', diaryAccess());
  conforms('Application', filed.body);
  const sent = await send(harness, 'clerk1', filed.body.id, { type: 'REGISTER' }, 1);
  conforms('Application', sent.body);
  conforms('ApplicationDetail', (await harness.call('GET', `/v1/applications/${filed.body.id}`, { as: 'clerk1' })).body);
  conforms('ApplicationPage', (await harness.call('GET', '/v1/applications', { as: 'department' })).body);
  conforms('NoticeList', (await harness.call('GET', `/v1/applications/${filed.body.id}/notices`, { as: 'parent1' })).body);
  conforms('DocumentList', (await harness.call('GET', `/v1/applications/${filed.body.id}/documents`, { as: 'parent1' })).body);
  conforms('WorkflowList', (await harness.call('GET', '/v1/workflows')).body);
  conforms('WorkflowDefinition', (await harness.call('GET', '/v1/workflows/appeal')).body);
  conforms('Deadline', (await harness.call('GET', '/v1/calendar/deadline?from=2024-12-27&workingDays=10')).body);
  conforms('Me', (await harness.call('GET', '/v1/me', { as: 'parent1' })).body);
  conforms('AuditPage', (await harness.call('GET', '/v1/audit', { as: 'admin' })).body);
  conforms('RosterImportResult', (await harness.call('POST', '/v1/roster', { as: 'admin', json: { pupils: [{ id: 'pupil-77', school: 'school-1' }] } })).body);
  conforms('Problem', (await send(harness, 'clerk1', filed.body.id, { type: 'REGISTER' }, 1)).body);
  conforms('Health', (await harness.call('GET', '/readyz')).body);
});

openapi.run();
