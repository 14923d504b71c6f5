/**
 * @module testing/store/queries
 * Conformance: listing and counting applications by service, state, school, applicant, pupil,
 * status and overdue terms. Each filter is an exact match; filters combine with AND; results
 * come newest id first.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import type { ApplicationQuery, ApplicationRecord, Store } from '../../store/types.js';
import { advance, makeApplication, makeCommit, minutesAfterEpoch } from '../fixtures.js';

const services = ['diary-access', 'diary-termination'];
const states = ['registration', 'review', 'provided'];
const schools = ['school-1', 'school-2', null];

/** 24 applications crossing every filter value; every fourth has no open term. */
async function seed(store: Store): Promise<ApplicationRecord[]> {
  const seeded: ApplicationRecord[] = [];
  for (let index = 0; index < 24; index += 1) {
    const state = states[index % 3]!;
    const application = makeApplication({
      service: services[index % 2]!,
      state,
      status: state === 'provided' ? 'closed' : 'open',
      school: schools[index % 3 === 0 ? 2 : index % 2]!,
      applicant: `applicant-${index % 4}`,
      pupil: `pupil-${index % 5}`,
      nextDueAt: index % 4 === 3 ? null : minutesAfterEpoch(index * 10),
    });
    await store.commit(makeCommit(application));
    seeded.push(application);
  }
  return seeded;
}

function matching(seeded: ApplicationRecord[], query: ApplicationQuery): string[] {
  return seeded
    .filter((application) =>
      (['service', 'state', 'school', 'applicant', 'pupil', 'status'] as const).every(
        (field) => query[field] === undefined || application[field] === query[field],
      ),
    )
    .filter((application) => query.overdueAt === undefined || (application.nextDueAt !== null && application.nextDueAt <= query.overdueAt))
    .map((application) => application.id)
    .sort()
    .reverse();
}

const queries: ApplicationQuery[] = [
  {},
  { service: 'diary-access' },
  { state: 'review' },
  { school: 'school-2' },
  { applicant: 'applicant-3' },
  { pupil: 'pupil-4' },
  { status: 'closed' },
  { service: 'diary-termination', state: 'registration', school: 'school-1' },
  { state: 'review', school: 'school-2' },
  { overdueAt: minutesAfterEpoch(105) },
  { overdueAt: minutesAfterEpoch(105), status: 'open', school: 'school-1' },
  { service: 'no-such-service' },
];

export function queryCases(test: Test<StoreContext>): void {
  test('each filter and combination lists exactly the matching applications, newest id first', async ({ store }) => {
    const seeded = await seed(store);
    for (const query of queries) {
      const page = await store.listApplications(query);
      assert.equal(page.items.map((item) => item.id), matching(seeded, query), JSON.stringify(query));
      assert.is(page.nextCursor, null);
    }
  });

  test('count agrees with the list for every query', async ({ store }) => {
    const seeded = await seed(store);
    for (const query of queries) {
      assert.is(await store.countApplications(query), matching(seeded, query).length, JSON.stringify(query));
    }
  });

  test('listed items are the full records', async ({ store }) => {
    const seeded = await seed(store);
    const page = await store.listApplications({ pupil: 'pupil-2' });
    const byId = new Map(seeded.map((application) => [application.id, application]));
    for (const item of page.items) assert.equal(item, byId.get(item.id));
  });

  test('an application is overdue from exactly its dueAt on (24:00 of the last day is already past the term)', async ({ store }) => {
    const dueAt = minutesAfterEpoch(10);
    const due = makeApplication({ nextDueAt: dueAt });
    await store.commit(makeCommit(due));
    const justBefore = new Date(Date.parse(dueAt) - 1).toISOString();
    assert.is(await store.countApplications({ overdueAt: justBefore }), 0);
    assert.equal((await store.listApplications({ overdueAt: justBefore })).items, []);
    assert.is(await store.countApplications({ overdueAt: dueAt }), 1);
    assert.equal((await store.listApplications({ overdueAt: dueAt })).items.map((item) => item.id), [due.id]);
    assert.equal((await store.listApplications({ overdueAt: dueAt, status: 'open' })).items.map((item) => item.id), [due.id]);
    assert.is(await store.countApplications({ overdueAt: minutesAfterEpoch(11) }), 1);
  });

  test('an update moves the application between lists', async ({ store }) => {
    const created = makeApplication({ state: 'registration', nextDueAt: minutesAfterEpoch(1) });
    await store.commit(makeCommit(created));
    await store.commit(makeCommit(advance(created, { state: 'review', nextDueAt: null })));
    assert.equal((await store.listApplications({ state: 'registration' })).items, []);
    assert.equal((await store.listApplications({ state: 'review' })).items.map((item) => item.id), [created.id]);
    assert.is(await store.countApplications({ overdueAt: minutesAfterEpoch(100) }), 0);
  });

  test('an update of the school or the people moves it between their lists too', async ({ store }) => {
    const created = makeApplication({ school: 'school-1', applicant: 'applicant-1', pupil: 'pupil-1' });
    await store.commit(makeCommit(created));
    const corrected = advance(created, { school: 'school-2', applicant: 'applicant-2', pupil: 'pupil-2' });
    await store.commit(makeCommit(corrected));
    for (const query of [{ school: 'school-1' }, { applicant: 'applicant-1' }, { pupil: 'pupil-1' }]) {
      assert.is(await store.countApplications(query), 0, JSON.stringify(query));
    }
    for (const query of [{ school: 'school-2', state: created.state }, { applicant: 'applicant-2' }, { pupil: 'pupil-2' }]) {
      assert.equal((await store.listApplications(query)).items, [corrected], JSON.stringify(query));
    }
  });
}
