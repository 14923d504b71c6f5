/**
 * @module testing/store/pagination
 * Conformance: pages of applications and records follow an opaque cursor in a stable order
 * (id descending), with no duplicates and no gaps; the page size defaults to 50.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import type { ApplicationQuery, Store } from '../../store/types.js';
import { fixtureEpoch, makeApplication, makeCommit } from '../fixtures.js';
import { rejectsWith } from './expect.js';

async function seed(store: Store, count: number, school = 'school-1'): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const application = makeApplication({ school });
    await store.commit(makeCommit(application));
    ids.push(application.id);
  }
  return ids.sort().reverse();
}

async function collect(store: Store, query: ApplicationQuery): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.listApplications({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    pages += 1;
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
    assert.ok(pages < 100, 'pagination does not end');
  } while (cursor !== undefined);
  return { ids, pages };
}

export function paginationCases(test: Test<StoreContext>): void {
  test('walking the pages yields every application once, in order', async ({ store }) => {
    const ids = await seed(store, 23);
    await seed(store, 4, 'school-2');
    const walked = await collect(store, { school: 'school-1', limit: 5 });
    assert.equal(walked.ids, ids);
    assert.is(walked.pages, 5);
  });

  test('the last full page has no next cursor when nothing follows', async ({ store }) => {
    const ids = await seed(store, 6);
    const first = await store.listApplications({ limit: 3 });
    assert.equal(first.items.map((item) => item.id), ids.slice(0, 3));
    assert.type(first.nextCursor, 'string');
    const second = await store.listApplications({ limit: 3, cursor: first.nextCursor! });
    assert.equal(second.items.map((item) => item.id), ids.slice(3));
    assert.is(second.nextCursor, null);
  });

  test('applications created after the first page do not shift later pages', async ({ store }) => {
    const ids = await seed(store, 6);
    const first = await store.listApplications({ limit: 3 });
    await seed(store, 2);
    const second = await store.listApplications({ limit: 3, cursor: first.nextCursor! });
    assert.equal(second.items.map((item) => item.id), ids.slice(3));
  });

  test('the page size defaults to 50', async ({ store }) => {
    await seed(store, 53);
    const page = await store.listApplications({});
    assert.is(page.items.length, 50);
    assert.type(page.nextCursor, 'string');
  });

  test('a cursor that the store did not make is invalid input', async ({ store }) => {
    await rejectsWith(store.listApplications({ cursor: 'not a cursor!' }), 'INVALID_INPUT');
  });

  test('a limit below 1 is invalid input', async ({ store }) => {
    await rejectsWith(store.listApplications({ limit: 0 }), 'INVALID_INPUT');
  });

  test('records page the same way', async ({ store }) => {
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const id = `notice-${String(index).padStart(3, '0')}`;
      ids.push(id);
      await store.putRecord({ kind: 'notice', id, keys: { applicant: 'applicant-1' }, data: { index }, createdAt: fixtureEpoch });
    }
    const first = await store.findRecords('notice', { applicant: 'applicant-1' }, { limit: 4 });
    const second = await store.findRecords('notice', { applicant: 'applicant-1' }, { limit: 4, cursor: first.nextCursor! });
    assert.equal([...first.items, ...second.items].map((record) => record.id), ids.reverse());
    assert.is(second.nextCursor, null);
  });
}
