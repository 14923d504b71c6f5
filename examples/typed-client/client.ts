/**
 * @module examples/typed-client
 * A typed client for the reglament HTTP service with Hono's `hc<AppType>`: paths, bodies and
 * answers are checked by TypeScript against the server's own routes. A parent files an
 * e-diary access application; the school's clerk registers it.
 *
 *   REGLAMENT_URL=http://127.0.0.1:3000 PARENT_TOKEN=... CLERK_TOKEN=... npx tsx examples/typed-client/client.ts
 *
 * (tokens: `npx reglament token --role applicant --sub parent-1`, `... --role clerk --sub clerk-1 --school school-1`)
 */
import { hc } from 'hono/client';
// In your project: import type { AppType } from 'reglament/http';
import type { AppType } from '../../src/http/index.js';

/**
 * Files an application as a parent and registers it as the clerk; returns both states.
 *
 * @example
 * await fileAndRegister('http://127.0.0.1:3000', parentToken, clerkToken); // { filed: 'received', registered: 'registered' }
 */
export async function fileAndRegister(base: string, parentToken: string, clerkToken: string) {
  const asParent = hc<AppType>(base, { headers: { authorization: `Bearer ${parentToken}` } });
  const asClerk = hc<AppType>(base, { headers: { authorization: `Bearer ${clerkToken}` } });

  const filed = await asParent.v1.applications.$post({
    json: {
      service: 'diary-access',
      applicant: 'parent-1',
      pupil: 'pupil-1',
      school: 'school-1',
      channel: 'epgu',
      documents: ['application', 'identity'],
      data: { information: 'diary', consent: { parent: true, child: true } },
    },
  });
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${await filed.text()}`);
  const application = await filed.json();

  const registered = await asClerk.v1.applications[':id'].events.$post(
    { param: { id: application.id }, json: { type: 'REGISTER' } },
    { headers: { 'if-match': `"${application.version}"` } },
  );
  if (registered.status !== 200) throw new Error(`registering failed: ${registered.status} ${await registered.text()}`);
  const after = await registered.json();

  const deadline = await hc<AppType>(base).v1.calendar.deadline.$get({ query: { from: '2025-04-29', workingDays: 7 } });
  const term = await deadline.json();
  return { id: application.id, filed: application.state, registered: after.state, version: after.version, terms: after.terms.map((item) => item.name), sevenWorkingDaysFrom20250429: term.lastDay };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { REGLAMENT_URL = 'http://127.0.0.1:3000', PARENT_TOKEN, CLERK_TOKEN } = process.env;
  if (!PARENT_TOKEN || !CLERK_TOKEN) {
    process.stderr.write('set PARENT_TOKEN and CLERK_TOKEN (see the comment at the top of this file)\n');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(await fileAndRegister(REGLAMENT_URL, PARENT_TOKEN, CLERK_TOKEN)) + '\n');
}
