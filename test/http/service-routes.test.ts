import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCalendar } from '../../src/calendar/calendar.js';
import { createApp } from '../../src/http/app.js';
import { createWorkflowRegistry } from '../../src/definition/registry.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

const routes = suite('service routes: health, metrics, openapi, docs, calendar');
const keys = { algorithm: 'HS256' as const, verifyKey: 'k'.repeat(32), signKey: 'k'.repeat(32) };

function appWith(store = createSqliteStore({ file: ':memory:' }), corsOrigins: string[] = []) {
  const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
  const workflows = createWorkflowRegistry({ calendar });
  workflows.load('examples/embedded/workflow.json');
  return createApp({ store, calendar, workflows, auth: keys, corsOrigins });
}

routes('healthz answers; readyz pings the store and says 503 when it is gone', async () => {
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  const app = appWith(store);
  assert.is((await app.request('/healthz')).status, 200);
  const ready = await app.request('/readyz');
  assert.is(ready.status, 200);
  assert.equal(await ready.json(), { status: 'ok', store: 'reachable' });
  await store.dispose();
  const down = await app.request('/readyz');
  assert.is(down.status, 503);
  assert.is(down.headers.get('content-type'), 'application/problem+json');
});

routes('counts requests by route pattern in /metrics', async () => {
  const app = appWith();
  await app.request('/healthz');
  await app.request('/v1/calendar/deadline?from=2025-04-29&workingDays=7');
  await app.request('/no/such/route');
  const response = await app.request('/metrics');
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0.0.4/);
  const text = await response.text();
  assert.match(text, /reglament_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
  assert.match(text, /route="\/v1\/calendar\/deadline",status="200"\} 1/);
  assert.match(text, /route="\(unmatched\)",status="404"\} 1/);
  assert.match(text, /reglament_http_request_duration_seconds_count\{method="GET",route="\/healthz"\} 1/);
});

routes('counts a deadline by the production calendar', async () => {
  const response = await appWith().request('/v1/calendar/deadline?from=2025-04-29&workingDays=7');
  assert.is(response.status, 200);
  assert.equal(await response.json(), {
    from: '2025-04-29', unit: 'workingDays', days: 7, lastDay: '2025-05-14', dueAt: '2025-05-14T19:00:00.000Z', provisional: false, timeZone: 'Asia/Yekaterinburg',
  });
  const calendarDays = (await (await appWith().request('/v1/calendar/deadline?from=2025-04-29&calendarDays=30')).json()) as { lastDay: string };
  assert.is(calendarDays.lastDay, '2025-05-29');
});

routes('refuses bad deadline queries with a problem naming the field', async () => {
  const app = appWith();
  for (const [query, path] of [
    ['from=2025-02-30&workingDays=7', '/query/from'],
    ['from=yesterday&workingDays=7', '/query/from'],
    ['from=2025-04-29&workingDays=-1', '/query/workingDays'],
    ['from=2025-04-29&workingDays=seven', '/query/workingDays'],
    ['workingDays=7', '/query/from'],
    ['from=1900-01-01&workingDays=7', '/query/from'],
    ['from=2100-12-30&workingDays=3000', '/query/workingDays'],
    ['from=2025-04-29&workingDays=7&x=1', '/query/x'],
  ] as const) {
    const response = await app.request(`/v1/calendar/deadline?${query}`);
    assert.is(response.status, 400, query);
    assert.is(response.headers.get('content-type'), 'application/problem+json');
    const body = (await response.json()) as { errors: { path: string }[] };
    assert.ok(body.errors.some((error) => error.path === path), `${query}: ${JSON.stringify(body)}`);
  }
});

routes('serves an OpenAPI 3.1 document and an offline docs page', async () => {
  const app = appWith();
  const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
  assert.is(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/v1/calendar/deadline']);
  assert.ok(doc.components.schemas['Problem']);
  const page = await app.request('/docs');
  assert.is(page.status, 200);
  const html = await page.text();
  assert.not.match(html, /https?:\/\//, 'no external URL in the docs page');
  for (const src of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const asset = await app.request(src[1]!);
    assert.is(asset.status, 200, src[1]);
  }
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
});

routes('lists workflows and serves a definition', async () => {
  const app = appWith();
  const list = (await (await app.request('/v1/workflows')).json()) as { items: { service: string; version: string; states: { path: string; epguStatus: string; final: boolean }[]; events: { type: string; roles: string[] }[]; terms: { name: string }[] }[] };
  const certificate = list.items.find((item) => item.service === 'study-certificate');
  assert.ok(certificate);
  assert.is(certificate.version, '1.0.0');
  assert.equal(certificate.states.find((state) => state.path === 'registered'), { path: 'registered', epguStatus: 'Заявление зарегистрировано', final: false });
  assert.equal(certificate.events.find((event) => event.type === 'REGISTER'), { type: 'REGISTER', title: 'Зарегистрировать заявление', roles: ['clerk'] });
  assert.equal(certificate.terms.map((term) => term.name), ['registration', 'certificate']);
  const definition = (await (await app.request('/v1/workflows/study-certificate')).json()) as { service: string; terms: { workingDays: number }[] };
  assert.is(definition.service, 'study-certificate');
  assert.is(definition.terms[1]!.workingDays, 5, 'parameters are resolved');
  const missing = await app.request('/v1/workflows/no-such-service');
  assert.is(missing.status, 404);
  assert.is(((await missing.json()) as { code: string }).code, 'WORKFLOW_NOT_FOUND');
  assert.is((await app.request('/v1/workflows/study-certificate?version=9.9.9')).status, 404);
  assert.is((await app.request('/v1/workflows/study-certificate?version=latest!')).status, 400);
});

routes('answers unknown routes with a 404 problem and sets secure headers', async () => {
  const response = await appWith().request('/v2/nothing');
  assert.is(response.status, 404);
  assert.is(response.headers.get('content-type'), 'application/problem+json');
  assert.is(response.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(response.headers.get('x-request-id'));
});

routes('sends CORS headers only to configured origins', async () => {
  const app = appWith(createSqliteStore({ file: ':memory:' }), ['https://portal.example']);
  const allowed = await app.request('/healthz', { headers: { origin: 'https://portal.example' } });
  assert.is(allowed.headers.get('access-control-allow-origin'), 'https://portal.example');
  const other = await app.request('/healthz', { headers: { origin: 'https://evil.example' } });
  assert.is(other.headers.get('access-control-allow-origin'), null);
  const none = await appWith().request('/healthz', { headers: { origin: 'https://portal.example' } });
  assert.is(none.headers.get('access-control-allow-origin'), null);
});

routes.run();
