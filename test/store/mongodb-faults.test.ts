import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createMongoStore, type MongoStoreOptions } from '../../src/store/mongodb/index.js';
import { advance, makeApplication, makeCommit, rejectsWith } from '../../src/testing/index.js';
import { startProxy, type FaultyProxy } from './fixtures/mongodb-proxy.js';
import { dropDatabase, freshDatabase, mongodbUrl } from './fixtures/mongodb-server.js';

interface Context {
  proxy: FaultyProxy;
  database: string;
}

const faults = suite<Context>('mongodb › lost connections', { proxy: undefined as never, database: '' });

faults.before.each(async (context) => {
  context.proxy = await startProxy(mongodbUrl!);
  context.database = freshDatabase('faults');
});

faults.after.each(async ({ proxy, database }) => {
  await proxy.close();
  await dropDatabase(database);
});

/** A store through the proxy that gives up on an unreachable server quickly. */
function storeThrough({ proxy, database }: Context, retry: MongoStoreOptions['retry']) {
  return createMongoStore({ url: proxy.url, database, retry, clientOptions: { serverSelectionTimeoutMS: 300, retryReads: false } });
}

/** The commit point of a command: the insert of its revision. */
const revisionInsert = ['insert', 'reglament_revisions'];

faults('a commit whose reply is lost is retried by the store and applied once', async (context) => {
  const store = storeThrough(context, { attempts: 8, delayMs: 100 });
  try {
    await store.init();
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const next = advance(created, { state: 'review' });
    const cut = context.proxy.cutAfter(...revisionInsert);
    const outcome = store.commit(makeCommit(next, { idempotency: { key: 'review-1', result: 'reviewed' } }));
    await cut;
    setTimeout(() => context.proxy.restore(), 200);
    assert.equal(await outcome, { status: 'committed' });
    assert.equal(await store.getApplication(created.id), next);
    assert.is((await store.getHistory(created.id)).length, 2);
  } finally {
    await store.dispose();
  }
});

faults('past its retries the caller gets STORE_UNAVAILABLE; resending with the same key answers duplicate', async (context) => {
  const store = storeThrough(context, { attempts: 2, delayMs: 50 });
  try {
    await store.init();
    const created = makeApplication();
    const command = makeCommit(created, { idempotency: { key: 'submit-1', result: { id: created.id } } });
    const cut = context.proxy.cutAfter(...revisionInsert);
    const outcome = store.commit(command);
    await cut;
    await rejectsWith(outcome, 'STORE_UNAVAILABLE');
    context.proxy.restore();

    const resent = await store.commit(command);
    assert.equal(resent, {
      status: 'duplicate',
      command: { key: 'submit-1', applicationId: created.id, version: 1, result: { id: created.id }, at: command.history.at },
    });
    // A retried creation that drew a new application id is a duplicate too, and creates nothing.
    const redrawn = makeApplication();
    const again = await store.commit(makeCommit(redrawn, { idempotency: { key: 'submit-1', result: { id: redrawn.id } } }));
    assert.is(again.status === 'duplicate' && again.command.applicationId, created.id);
    assert.is(await store.getApplication(redrawn.id), null);
    assert.is((await store.getHistory(created.id)).length, 1);
  } finally {
    await store.dispose();
  }
});

faults('a read that loses its connection is retried', async (context) => {
  const store = storeThrough(context, { attempts: 6, delayMs: 100 });
  try {
    await store.init();
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const cut = context.proxy.cutAfter('find', 'reglament_applications');
    const read = store.getApplication(created.id);
    await cut;
    setTimeout(() => context.proxy.restore(), 150);
    assert.equal(await read, created);
  } finally {
    await store.dispose();
  }
});

faults('a read that loses its connection, with no retries left, is STORE_UNAVAILABLE', async (context) => {
  const store = storeThrough(context, { attempts: 1, delayMs: 0 });
  try {
    await store.init();
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const cut = context.proxy.cutAfter('find', 'reglament_applications');
    const read = store.getApplication(created.id);
    await cut;
    await rejectsWith(read, 'STORE_UNAVAILABLE');
    context.proxy.restore();
  } finally {
    await store.dispose();
  }
});

if (mongodbUrl) faults.run();
