/**
 * @module examples/mount-hono
 * Mounting reglament's API into an application that already has its own Hono app (a municipal
 * portal): the e-diary service shipped with the package runs embedded on SQLite, and
 * `createApp()` from `reglament/http` is mounted under `/reglament` next to the portal's own
 * routes. Requests go through `host.request()` here; a real portal serves `host.fetch` with
 * @hono/node-server. Tokens: the portal signs them with its secret (`signToken`).
 * Run: npx tsx examples/mount-hono/index.ts
 */
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { createEdiaryService, createIdGenerator } from 'reglament';
import { createApp, signToken, type AuthKeys } from 'reglament/http';
import { createSqliteStore } from 'reglament/sqlite';

export async function main() {
  const clock = { now: () => new Date().toISOString() };
  const ids = createIdGenerator({ clock });
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  // The e-diary service shipped with the package: five workflows, their notices and facts.
  const { engine, workflows, calendar, ports } = createEdiaryService({ store, clock, ids });
  await ports.roster.importCsv('school,pupil,grade,applicant\nschool-1,pupil-1,5А,parent-1\n');

  // The portal's secret; in production read it from the environment (REGLAMENT_JWT_SECRET).
  const auth: AuthKeys = { algorithm: 'HS256', verifyKey: 'portal-secret-at-least-32-characters!', signKey: 'portal-secret-at-least-32-characters!' };
  const host = new Hono();
  host.get('/', (c) => c.text('Портал муниципальных услуг'));
  host.route('/reglament', createApp({ engine, store, workflows, calendar, ports, clock, auth }));

  const parent = await signToken({ sub: 'parent-1', role: 'applicant' }, auth);
  const headers = { authorization: `Bearer ${parent}`, 'content-type': 'application/json' };
  const listed = await host.request('/reglament/v1/workflows');
  const created = await host.request('/reglament/v1/applications', {
    method: 'POST',
    headers,
    body: JSON.stringify({
      service: 'journal-extract', applicant: 'parent-1', pupil: 'pupil-1', school: 'school-1', channel: 'epgu',
      documents: ['application', 'identity'], data: { information: 'currentProgress' },
    }),
  });
  const application = (await created.json()) as { id: string; state: string; epguStatus: string };
  const read = await host.request(`/reglament/v1/applications/${application.id}`, { headers });
  const portal = await host.request('/');
  await store.dispose();
  return {
    portal: { status: portal.status, text: await portal.text() },
    workflows: { status: listed.status, services: ((await listed.json()) as { items: { service: string }[] }).items.map((workflow) => workflow.service) },
    created: { status: created.status, state: application.state, epguStatus: application.epguStatus },
    read: read.status,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((result) => console.log(JSON.stringify(result, null, 2)));
}
