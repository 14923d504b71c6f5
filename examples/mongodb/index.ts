/**
 * @module examples/mongodb
 * Embedding reglament on MongoDB (or FerretDB): the e-diary service shipped with the package,
 * on the `reglament/mongodb` store, one journal-extract application from receipt to the issued
 * extract. Every process that opens the same database shares the applications; the scheduler
 * in each claims due timers under a lease, so several processes fire each timer once.
 * Run: MONGODB_URL=mongodb://127.0.0.1:27017/ npx tsx examples/mongodb/index.ts
 * Without MONGODB_URL it prints that it was skipped and exits 0.
 */
import { fileURLToPath } from 'node:url';
import { createEdiaryService, createIdGenerator } from 'reglament';
import { createMongoStore } from 'reglament/mongodb';

export async function main(url: string) {
  const clock = { now: () => new Date().toISOString() };
  const ids = createIdGenerator({ clock });
  // One prefix per run keeps this example's collections apart from a real installation's.
  const store = createMongoStore({ url, database: 'reglament_example', collectionPrefix: `example_${Date.now()}_` });
  await store.init(); // creates the collections and every index the engine and the API query by
  try {
    const { engine, ports } = createEdiaryService({ store, clock, ids });
    await ports.roster.importCsv('school,pupil,grade,applicant\nschool-1,pupil-1,5А,parent-1\n');

    const clerk = { id: 'clerk-1', role: 'clerk' as const, school: 'school-1' };
    let application = await engine.submit(
      { service: 'journal-extract', school: 'school-1', applicant: 'parent-1', pupil: 'pupil-1', channel: 'epgu',
        documents: ['application', 'identity'], data: { information: 'currentProgress' } },
      { actor: clerk, idempotencyKey: `portal-${Date.now()}` },
    );
    for (const type of ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE']) {
      application = await engine.send(application.id, { type }, { actor: clerk, expectedVersion: application.version });
      console.log(`${type} → ${application.state} («${application.epguStatus}»)`);
    }
    const stored = await store.getApplication(application.id);
    return { state: application.state, status: stored?.status, steps: (await engine.history(application.id)).length };
  } finally {
    await store.dispose();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env['MONGODB_URL'];
  if (!url) console.log('examples/mongodb: skipped (set MONGODB_URL to run it)');
  else main(url).then((result) => console.log(result));
}
