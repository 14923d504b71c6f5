import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/http/logger.js';
import { startHarness, type Harness } from './harness.js';

const routes = suite('service routes: health, metrics, openapi, docs, workflows, calendar');

let harness: Harness;
routes.before.each(async () => {
  harness = await startHarness();
});
routes.after.each(async () => {
  await harness.close();
});

function app() {
  return harness.service.app;
}

routes('healthz answers; readyz pings the store and says 503 when it is gone', async () => {
  assert.is((await app().request('/healthz')).status, 200);
  const ready = await app().request('/readyz');
  assert.is(ready.status, 200);
  assert.equal(await ready.json(), { status: 'ok', store: 'reachable' });
  await harness.service.store.dispose();
  const down = await app().request('/readyz');
  assert.is(down.status, 503);
  assert.is(down.headers.get('content-type'), 'application/problem+json');
});

routes('counts requests by route pattern in /metrics', async () => {
  await app().request('/healthz');
  await app().request('/v1/calendar/deadline?from=2025-04-29&workingDays=7');
  await app().request('/no/such/route');
  const response = await app().request('/metrics');
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0.0.4/);
  const text = await response.text();
  assert.match(text, /reglament_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
  assert.match(text, /route="\/v1\/calendar\/deadline",status="200"\} 1/);
  assert.match(text, /route="\(unmatched\)",status="404"\} 1/);
  assert.match(text, /reglament_http_request_duration_seconds_count\{method="GET",route="\/healthz"\} 1/);
});

routes('counts a deadline by the production calendar', async () => {
  const response = await app().request('/v1/calendar/deadline?from=2025-04-29&workingDays=7');
  assert.is(response.status, 200);
  assert.equal(await response.json(), {
    from: '2025-04-29', unit: 'workingDays', days: 7, lastDay: '2025-05-14', dueAt: '2025-05-14T19:00:00.000Z', provisional: false, timeZone: 'Asia/Yekaterinburg',
  });
  const calendarDays = (await (await app().request('/v1/calendar/deadline?from=2025-04-29&calendarDays=30')).json()) as { lastDay: string };
  assert.is(calendarDays.lastDay, '2025-05-29');
});

routes('refuses bad deadline queries with a problem naming the field', async () => {
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
    const response = await app().request(`/v1/calendar/deadline?${query}`);
    assert.is(response.status, 400, query);
    assert.is(response.headers.get('content-type'), 'application/problem+json');
    const body = (await response.json()) as { errors: { path: string }[] };
    assert.ok(body.errors.some((error) => error.path === path), `${query}: ${JSON.stringify(body)}`);
  }
});

routes('serves an OpenAPI 3.1 document and an offline docs page', async () => {
    const doc = (await (await app().request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
  assert.is(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/v1/calendar/deadline']);
  assert.ok(doc.components.schemas['Problem']);
  const page = await app().request('/docs');
  assert.is(page.status, 200);
  const html = await page.text();
  assert.not.match(html, /https?:\/\//, 'no external URL in the docs page');
  for (const src of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const asset = await app().request(src[1]!);
    assert.is(asset.status, 200, src[1]);
  }
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
});

routes('lists workflows and serves a definition', async () => {
    const list = (await (await app().request('/v1/workflows')).json()) as { items: { service: string; version: string; states: { path: string; epguStatus: string; final: boolean }[]; events: { type: string; roles: string[] }[]; terms: { name: string }[] }[] };
  assert.equal(list.items.map((item) => item.service), ['access-termination', 'appeal', 'diary-access', 'journal-extract', 'typo-correction']);
  const access = list.items.find((item) => item.service === 'diary-access')!;
  assert.is(access.version, '1.0.0');
  assert.ok(access.states.some((state) => state.path === 'registered' && state.epguStatus.length > 0 && !state.final));
  assert.equal(access.events.find((event) => event.type === 'REGISTER')?.roles, ['clerk']);
  const declared = harness.service.workflows.get('diary-access').definition.terms!.map((term) => term.name);
  assert.equal(access.terms.map((term) => term.name), declared);
  assert.ok(declared.includes('credentials'));
  const definition = (await (await app().request('/v1/workflows/diary-access')).json()) as { service: string; terms: { name: string; workingDays: number }[] };
  assert.is(definition.service, 'diary-access');
  assert.is(definition.terms.find((term) => term.name === 'credentials')!.workingDays, 10, 'parameters are resolved');
  const missing = await app().request('/v1/workflows/no-such-service');
  assert.is(missing.status, 404);
  assert.is(((await missing.json()) as { code: string }).code, 'WORKFLOW_NOT_FOUND');
  assert.is((await app().request('/v1/workflows/diary-access?version=9.9.9')).status, 404);
  assert.is((await app().request('/v1/workflows/diary-access?version=latest!')).status, 400);
});

routes('answers unknown routes with a 404 problem and sets secure headers', async () => {
  const response = await app().request('/v2/nothing');
  assert.is(response.status, 404);
  assert.is(response.headers.get('content-type'), 'application/problem+json');
  assert.is(response.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(response.headers.get('x-request-id'));
});

routes('sends CORS headers only to configured origins', async () => {
  const none = await app().request('/healthz', { headers: { origin: 'https://portal.example' } });
  assert.is(none.headers.get('access-control-allow-origin'), null);
  const { service } = harness;
  const withCors = createApp({ engine: service.engine, store: service.store, workflows: service.workflows, calendar: service.calendar, ports: service.ports, clock: service.clock, auth: service.auth, corsOrigins: ['https://portal.example'] });
  const allowed = await withCors.request('/healthz', { headers: { origin: 'https://portal.example' } });
  assert.is(allowed.headers.get('access-control-allow-origin'), 'https://portal.example');
  const preflight = await withCors.request('/v1/applications', { method: 'OPTIONS', headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'if-match' } });
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-Match/i);
  const other = await withCors.request('/healthz', { headers: { origin: 'https://evil.example' } });
  assert.is(other.headers.get('access-control-allow-origin'), null);
});

routes('logs one JSON line per request with the route pattern, never ids from the URL, bodies or tokens', async () => {
  const lines: string[] = [];
  const { service } = harness;
  const logged = createApp({
    engine: service.engine, store: service.store, workflows: service.workflows, calendar: service.calendar, ports: service.ports, clock: service.clock, auth: service.auth,
    logger: createLogger({ write: (line) => lines.push(line) }),
  });
  const token = harness.tokens.parent1;
  const body = JSON.stringify({ service: 'diary-access', applicant: 'parent-1', pupil: 'pupil-1', school: 'school-1', channel: 'epgu', documents: ['application', 'identity'], data: { information: 'diary', consent: { parent: true, child: true } } });
  const filed = await logged.request('/v1/applications', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
  const { id } = (await filed.json()) as { id: string };
  await logged.request(`/v1/applications/${id}`, { headers: { authorization: `Bearer ${token}` } });
  await logged.request('/v1/applications?pupil=pupil-1&school=school-1', { headers: { authorization: `Bearer ${token}` } });
  assert.is(lines.length, 3);
  const parsed = lines.map((line) => JSON.parse(line) as { msg: string; route: string; status: number });
  assert.equal(parsed.map((line) => [line.msg, line.route, line.status]), [['request', '/v1/applications', 201], ['request', '/v1/applications/:id', 200], ['request', '/v1/applications', 200]]);
  const text = lines.join('\n');
  for (const secret of [id, 'pupil-1', 'parent-1', 'school-1', token, 'consent']) assert.not.ok(text.includes(secret), `the log holds ${secret}`);
});

routes.run();
