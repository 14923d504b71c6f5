import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Document, Filter } from 'mongodb';
import { createMongoStore } from '../../src/store/mongodb/index.js';
import { applicationFilter } from '../../src/store/mongodb/queries.js';
import type { ApplicationQuery } from '../../src/store/types.js';
import { makeApplication, makeCommit, makeOutbox, makeTimer, minutesAfterEpoch } from '../../src/testing/index.js';
import { describeServer, dropDatabase, freshDatabase, mongodbUrl, withClient } from './fixtures/mongodb-server.js';

const plans = suite('mongodb › every query uses an index', { skipped: '' });

// FerretDB answers explain() with its SQL plan: the check needs a real MongoDB.
plans.before(async (context) => {
  const server = await describeServer();
  if (server.ferretdb) {
    context.skipped = `FerretDB ${server.version} explains with SQL plans, not MongoDB's winningPlan`;
    console.log(`mongodb indexes: skipped (${context.skipped})`);
  }
});

/** The stage names of a winning plan, however deeply nested (classic or slot-based engine). */
function stages(plan: unknown): string[] {
  if (!plan || typeof plan !== 'object') return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(plan as Record<string, unknown>)) {
    if (key === 'stage' && typeof value === 'string') found.push(value);
    else found.push(...stages(value));
  }
  return found;
}

const listQueries: ApplicationQuery[] = [
  { service: 'diary-access' },
  { state: 'review' },
  { school: 'school-1' },
  { applicant: 'applicant-1' },
  { pupil: 'pupil-1' },
  { status: 'closed' },
  { state: 'review', school: 'school-1' },
  { service: 'diary-access', state: 'review', school: 'school-1' },
  { overdueAt: minutesAfterEpoch(60) },
  { overdueAt: minutesAfterEpoch(60), status: 'open', school: 'school-1' },
];

/** Every query shape the adapter sends, by collection, with its sort. */
function queries(): { collection: string; filter: Filter<Document>; sort: Document }[] {
  const now = minutesAfterEpoch(60);
  return [
    ...listQueries.map((query) => ({ collection: 'applications', filter: applicationFilter(query) as Filter<Document>, sort: { _id: -1 } })),
    { collection: 'applications', filter: { timerClaimableAt: { $lte: now } }, sort: { timerClaimableAt: 1 } },
    { collection: 'applications', filter: { outboxClaimableAt: { $lte: now } }, sort: { outboxClaimableAt: 1 } },
    { collection: 'applications', filter: { 'outbox.id': 'effect-1' }, sort: {} },
    { collection: 'records', filter: { kind: 'roster', keyPairs: { $all: ['["school","school-1"]'] } }, sort: { id: -1 } },
    { collection: 'records', filter: { kind: 'roster' }, sort: { id: -1 } },
    { collection: 'revisions', filter: { loggedAt: { $gte: now } }, sort: {} },
  ];
}

plans('explain() shows an index scan, never a collection scan, for each query', async ({ skipped }) => {
  if (skipped) return;
  const database = freshDatabase('indexes');
  const store = createMongoStore({ url: mongodbUrl, database });
  try {
    await store.init();
    for (let index = 0; index < 20; index += 1) {
      const application = makeApplication({ school: `school-${index % 3}`, nextDueAt: minutesAfterEpoch(index * 10) });
      await store.commit(makeCommit(application, { scheduleTimers: [makeTimer(application)], outbox: [makeOutbox(application)] }));
      await store.putRecord({ kind: 'roster', id: `r${index}`, keys: { school: `school-${index % 3}` }, data: null, createdAt: application.createdAt });
    }
    await withClient(async (client) => {
      const db = client.db(database);
      for (const { collection, filter, sort } of queries()) {
        const explained = await db.collection(`reglament_${collection}`).find(filter).sort(sort).limit(51).explain('queryPlanner');
        const used = stages(explained.queryPlanner?.winningPlan);
        const shape = `${collection} ${JSON.stringify(filter)}`;
        assert.ok(used.includes('IXSCAN') || used.includes('IDHACK'), `${shape}: ${used.join(' > ')}`);
        assert.not.ok(used.includes('COLLSCAN'), `${shape}: ${used.join(' > ')}`);
      }
    });
  } finally {
    await store.dispose();
    await dropDatabase(database);
  }
});

if (mongodbUrl) plans.run();
