import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { parties, portsOnStore } from './ports.fixture.js';

const roster = suite('roster (facts port)');

const csv = 'school,pupil,grade,status,applicant,basis\nschool-1,pupil-1,5А,enrolled,parent-1,parent\nschool-1,pupil-2,"11""Б""",,parent-2,guardian\n';

roster('imports CSV and answers facts for rules', async () => {
  const { roster: port } = await portsOnStore();
  assert.equal(await port.importCsv(csv), []);
  assert.equal(await port.factsFor(parties), { roster: { representative: true, enrolled: true, pupilStatus: 'enrolled', pupilSchool: 'school-1' } });
  assert.equal(await port.factsFor({ ...parties, applicant: 'parent-2' }), { roster: { representative: false, enrolled: true, pupilStatus: 'enrolled', pupilSchool: 'school-1' } });
  assert.is((await port.pupil('pupil-2'))!.grade, '11"Б"');
  assert.ok(await port.isRepresentative('parent-2', 'pupil-2'));
});

roster('a re-import that graduates or transfers a pupil returns the changes', async () => {
  const { roster: port, clock } = await portsOnStore();
  await port.importCsv(csv);
  clock.at = '2026-06-30T05:00:00.000Z';
  const changes = await port.importJson({ pupils: [{ id: 'pupil-1', school: 'school-1', status: 'graduated' }, { id: 'pupil-2', school: 'school-9' }] });
  assert.equal(changes, [
    { kind: 'graduated', pupil: 'pupil-1', school: 'school-1', at: '2026-06-30T05:00:00.000Z' },
    { kind: 'transferred', pupil: 'pupil-2', school: 'school-1', at: '2026-06-30T05:00:00.000Z' },
  ]);
  assert.is(((await port.factsFor(parties)).roster as { enrolled: boolean }).enrolled, false);
});

roster('records one change at a time', async () => {
  const { roster: port } = await portsOnStore();
  await port.importCsv(csv);
  const change = await port.recordChange({ kind: 'transferred', pupil: 'pupil-1', school: 'school-2' });
  assert.is(change.school, 'school-1');
  assert.is((await port.pupil('pupil-1'))!.school, 'school-2');
  await port.recordChange({ kind: 'representativeRemoved', pupil: 'pupil-2', school: null, applicant: 'parent-2' });
  assert.not.ok(await port.isRepresentative('parent-2', 'pupil-2'));
});

roster('bad input is INVALID_INPUT', async () => {
  const { roster: port } = await portsOnStore();
  for (const attempt of [() => port.importJson({ pupils: [{ id: 'p', school: '' }] }), () => port.importCsv('pupil\np1\n')]) {
    try {
      await attempt();
      assert.unreachable();
    } catch (error) {
      assert.ok(isReglamentError(error, 'INVALID_INPUT'));
    }
  }
});

roster.run();
