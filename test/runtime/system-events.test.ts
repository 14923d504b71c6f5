import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { clerk, setup } from './fixture.js';

const systemEvents = suite('engine: timer events come from the engine only');

for (const role of ['clerk', 'admin', 'department', 'applicant'] as const) {
  systemEvents(`a ${role} sending term.overdue is FORBIDDEN and writes nothing`, async () => {
    const { engine, submission } = await setup();
    const application = await engine.submit(submission, { actor: clerk });
    for (const type of ['term.overdue', 'term.reminder', 'term.anything', 'xstate.init']) {
      try {
        await engine.send(application.id, { type, term: 'registration' }, { actor: { id: `${role}-1`, role } });
        assert.unreachable(`${type} was accepted from a ${role}`);
      } catch (error) {
        assert.ok(isReglamentError(error, 'FORBIDDEN'), String(error));
      }
    }
    assert.is((await engine.history(application.id)).length, 1);
  });
}

systemEvents('the scheduler still fires the overdue timer as the system', async () => {
  const { engine, submission, clock } = await setup({ now: '2025-04-28T05:00:00.000Z' });
  const application = await engine.submit(submission, { actor: clerk });
  clock.at = '2025-05-05T05:00:00.000Z';
  await engine.runDueTimers();
  const history = await engine.history(application.id);
  assert.ok(history.some((entry) => (entry.event as { type: string }).type === 'term.overdue'), JSON.stringify(history.map((entry) => entry.event)));
});

systemEvents.run();
