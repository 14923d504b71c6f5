/**
 * @module testing/store/records
 * Conformance: generic records of the ports (roster entries, notices, access codes) are put
 * (insert or replace), read by kind and id, found by their keys, and deleted.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import type { StoredRecord } from '../../store/types.js';
import { fixtureEpoch } from '../fixtures.js';

function rosterEntry(id: string, keys: Record<string, string>, data: unknown = { grade: '5А' }): StoredRecord {
  return { kind: 'roster', id, keys, data, createdAt: fixtureEpoch };
}

const ids = (records: StoredRecord[]) => records.map((record) => record.id);

export function recordCases(test: Test<StoreContext>): void {
  test('put then get returns the record unchanged', async ({ store }) => {
    const record = rosterEntry('pupil-1:school-1', { pupil: 'pupil-1', school: 'school-1' }, {
      grade: '5А',
      representatives: ['applicant-1', 'applicant-2'],
      note: 'ученик переведён ✓',
      since: null,
    });
    await store.putRecord(record);
    assert.equal(await store.getRecord('roster', record.id), record);
    assert.is(await store.getRecord('roster', 'missing'), null);
    assert.is(await store.getRecord('notice', record.id), null);
  });

  test('find by one key, by several keys (all must match), and by none', async ({ store }) => {
    await store.putRecord(rosterEntry('r1', { pupil: 'pupil-1', school: 'school-1' }));
    await store.putRecord(rosterEntry('r2', { pupil: 'pupil-2', school: 'school-1' }));
    await store.putRecord(rosterEntry('r3', { pupil: 'pupil-1', school: 'school-2' }));
    await store.putRecord({ kind: 'notice', id: 'n1', keys: { school: 'school-1' }, data: null, createdAt: fixtureEpoch });
    assert.equal(ids((await store.findRecords('roster', { school: 'school-1' })).items), ['r2', 'r1']);
    assert.equal(ids((await store.findRecords('roster', { pupil: 'pupil-1', school: 'school-2' })).items), ['r3']);
    assert.equal(ids((await store.findRecords('roster', { pupil: 'pupil-2', school: 'school-2' })).items), []);
    assert.equal(ids((await store.findRecords('roster', {})).items), ['r3', 'r2', 'r1']);
    assert.equal(ids((await store.findRecords('roster', { unknownKey: 'x' })).items), []);
    assert.equal(ids((await store.findRecords('notice', {})).items), ['n1']);
  });

  test('put of an existing id replaces data and keys', async ({ store }) => {
    await store.putRecord(rosterEntry('r1', { pupil: 'pupil-1', school: 'school-1' }, { grade: '5А' }));
    const moved = rosterEntry('r1', { pupil: 'pupil-1', school: 'school-9' }, { grade: '6Б' });
    await store.putRecord(moved);
    assert.equal(await store.getRecord('roster', 'r1'), moved);
    assert.equal((await store.findRecords('roster', { school: 'school-1' })).items, []);
    assert.equal((await store.findRecords('roster', { school: 'school-9' })).items, [moved]);
  });

  test('deletes at the same moment: exactly one reports it deleted the record (a claim)', async ({ store }) => {
    await store.putRecord({ kind: 'sealedNotice', id: 's1', keys: { applicationId: 'a1' }, data: { sealed: true }, createdAt: fixtureEpoch });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => store.deleteRecord('sealedNotice', 's1')));
    assert.is(results.filter(Boolean).length, 1);
    assert.is(await store.getRecord('sealedNotice', 's1'), null);
  });

  test('delete removes the record and its keys, once', async ({ store }) => {
    await store.putRecord(rosterEntry('r1', { pupil: 'pupil-1' }));
    await store.putRecord({ kind: 'notice', id: 'r1', keys: { pupil: 'pupil-1' }, data: 1, createdAt: fixtureEpoch });
    assert.is(await store.deleteRecord('roster', 'r1'), true);
    assert.is(await store.deleteRecord('roster', 'r1'), false);
    assert.is(await store.getRecord('roster', 'r1'), null);
    assert.equal((await store.findRecords('roster', { pupil: 'pupil-1' })).items, []);
    assert.equal(ids((await store.findRecords('notice', { pupil: 'pupil-1' })).items), ['r1']);
  });
}
