import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { createCalendar } from '../../src/calendar/calendar.js';
import { createWorkflowRegistry } from '../../src/definition/registry.js';
import { createDefaultPorts } from '../../src/ports/defaults.js';
import { createEngine } from '../../src/runtime/engine.js';
import { createIdGenerator } from '../../src/runtime/ids.js';
import { collectServiceStats } from '../../src/stats/collect.js';
import { decisionTermsOf, type TermsOfWorkflow } from '../../src/stats/decision-terms.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

const sampleFile = new URL('../../examples/embedded/workflow.json', import.meta.url);
const clerk = { id: 'clerk-1', role: 'clerk' as const, school: 'school-1' };

const engineStats = suite('service statistics of applications run by the engine');

engineStats('counts what the engine recorded: decisions, their outcomes, working days, overdue terms', async () => {
  const clock = { at: '2025-09-01T05:00:00.000Z', now() { return this.at; } };
  const ids = createIdGenerator({ clock });
  const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  try {
    const workflows = createWorkflowRegistry({ calendar });
    workflows.load(sampleFile.pathname);
    const ports = createDefaultPorts({ store, clock, ids });
    await ports.roster.importJson({
      pupils: ['pupil-1', 'pupil-2', 'pupil-3', 'pupil-4'].map((id) => ({ id, school: 'school-1' })),
      representatives: [{ applicant: 'parent-1', pupil: 'pupil-1' }, { applicant: 'parent-2', pupil: 'pupil-2' }, { applicant: 'parent-4', pupil: 'pupil-4' }],
    });
    const engine = createEngine({ store, workflows, ports, clock, ids, calendar });
    const submit = (n: number) => engine.submit({ service: 'study-certificate', school: 'school-1', applicant: `parent-${n}`, pupil: `pupil-${n}`, documents: ['application', 'identity'] }, { actor: clerk });

    // Monday 1 September 2025: four applications; three are registered the same day.
    const waiting = await submit(1);
    const issued = await submit(2);
    const refused = await submit(3); // parent-3 is not the pupil's representative
    await submit(4); // never registered
    for (const application of [waiting, issued, refused]) await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
    clock.at = '2025-09-02T06:00:00.000Z';
    await engine.send(issued.id, { type: 'DECIDE' }, { actor: clerk });
    await engine.send(refused.id, { type: 'DECIDE' }, { actor: clerk });
    clock.at = '2025-09-03T06:00:00.000Z';
    await engine.send(issued.id, { type: 'ISSUE' }, { actor: clerk });

    const definition = JSON.parse(readFileSync(sampleFile, 'utf8')) as TermsOfWorkflow;
    const decisionTerms = decisionTermsOf([definition]);
    assert.equal(decisionTerms, { 'study-certificate': ['certificate'] });
    // Wednesday 10 September: the 5 working days of the waiting application ended on Monday 8 September.
    const stats = await collectServiceStats(store, { calendar, asOf: '2025-09-10T06:00:00.000Z', decisionTerms });
    assert.equal(stats.services, [{
      service: 'study-certificate',
      applications: 4, open: 2, closed: 2,
      states: { issued: 1, received: 1, refused: 1, registered: 1 },
      decided: 2, decidedWithinTerm: 2, decidedLate: 0, overdue: 1,
      shareDecidedWithinTerm: 1,
      averageWorkingDays: 1.5, // issued after 2 working days, refused after 1
      decisions: { issued: 1, refused: 1 },
    }]);
  } finally {
    await store.dispose();
  }
});

engineStats.run();
