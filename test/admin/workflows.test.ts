import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readSvg } from '../viz/svg-reader.js';
import { setupAdmin } from './fixture.js';

const pages = suite('admin diagrams and state lists');
let f: Awaited<ReturnType<typeof setupAdmin>>;
pages.before(async () => {
  f = await setupAdmin();
});

async function diagram(path: string, as: Parameters<typeof f.get>[1] = 'department') {
  const response = await f.get(path, as);
  assert.is(response.status, 200);
  const html = await response.text();
  const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
  const elements = readSvg(svg);
  const state = (id: string) => elements.find((el) => el.name === 'g' && el.attributes['data-state'] === id)!.attributes;
  const transition = (key: string) => elements.find((el) => el.attributes['data-transition'] === key)!.attributes;
  return { html, state, transition, elements };
}

pages('the start page lists each service with open and overdue counts from the store', async () => {
  const html = await (await f.get('/admin')).text();
  assert.match(html, /data-service="study-certificate"/);
  assert.match(html, />2<\/span> <span class="label">в работе из 4/);
  assert.match(html, /data-role="overdue">1</);
});

pages('the diagram shows on each state the applications in it and the overdue ones, as the store counts them', async () => {
  const { state } = await diagram('/admin/workflows/study-certificate');
  for (const id of ['received', 'registered', 'preparing', 'issued', 'refused']) {
    assert.is(Number(state(id)['data-count']), await f.store.countApplications({ service: 'study-certificate', state: id }), id);
  }
  assert.is(state('received')['data-overdue'], '1', 'the unregistered application ran out of its one working day');
  assert.is(state('registered')['data-overdue'], '0');
});

pages('each transition shows how many applications took it in the period, and none outside it', async () => {
  const inSeptember = await diagram('/admin/workflows/study-certificate?from=2025-09-01&to=2025-09-30');
  assert.is(inSeptember.transition('received|REGISTER|registered')['data-count'], '3');
  assert.is(inSeptember.transition('registered|DECIDE|refused')['data-count'], '1');
  assert.is(inSeptember.transition('registered|DECIDE|preparing')['data-count'], '1');
  assert.is(inSeptember.transition('preparing|ISSUE|issued')['data-count'], '1');
  const onlyTheSecond = await diagram('/admin/workflows/study-certificate?from=2025-09-02&to=2025-09-02');
  assert.is(onlyTheSecond.transition('received|REGISTER|registered')['data-count'], '0');
  assert.is(onlyTheSecond.transition('registered|DECIDE|refused')['data-count'], '1');
  assert.is(onlyTheSecond.transition('preparing|ISSUE|issued')['data-count'], '0');
});

pages('the painted diagram is also served alone as an SVG file, at its natural size', async () => {
  const response = await f.get('/admin/workflows/study-certificate/diagram.svg?from=2025-09-01&to=2025-09-30');
  assert.is(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^image\/svg\+xml/);
  const text = await response.text();
  assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns='));
  const elements = readSvg(text.slice(text.indexOf('<svg')));
  assert.is(elements.find((el) => el.attributes['data-transition'] === 'received|REGISTER|registered')!.attributes['data-count'], '3');
});

pages('a clerk sees the counts of their own school only', async () => {
  const { state, transition } = await diagram('/admin/workflows/study-certificate?from=2025-09-01&to=2025-09-30', 'clerk2');
  assert.is(state('received')['data-count'], '0');
  assert.is(state('refused')['data-count'], '1');
  assert.is(state('registered')['data-count'], '1');
  assert.is(state('issued')['data-count'], '0');
  assert.is(transition('received|REGISTER|registered')['data-count'], '2');
});

pages('each state links to the list of its applications, scoped to the clerk’s school', async () => {
  const { elements } = await diagram('/admin/workflows/study-certificate');
  const link = elements.find((el) => el.name === 'a' && el.attributes['data-state-link'] === 'received')!;
  assert.is(link.attributes.href, '/admin/workflows/study-certificate/states/received');
  const all = await (await f.get('/admin/workflows/study-certificate/states/registered')).text();
  assert.match(all, new RegExp(`data-application="${f.applications.registered.id}"`));
  const clerk1 = await (await f.get('/admin/workflows/study-certificate/states/registered', 'clerk1')).text();
  assert.not.match(clerk1, /data-application=/);
  assert.match(clerk1, /Заявлений нет/);
  const overdue = await (await f.get('/admin/workflows/study-certificate/states/received?overdue=1')).text();
  assert.match(overdue, new RegExp(`data-application="${f.applications.overdue.id}"`));
  assert.match(overdue, /срок истёк 02\.09\.2025, просрочено на 4 рабочих дня/);
});

pages('an unknown service or state is a 404 page', async () => {
  assert.is((await f.get('/admin/workflows/nope')).status, 404);
  assert.is((await f.get('/admin/workflows/study-certificate/states/nowhere')).status, 404);
  const unknown = await f.get('/admin/no/such/page');
  assert.is(unknown.status, 404);
  assert.match(await unknown.text(), /Такой страницы нет/);
});

pages.run();
