import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCalendar } from '../../src/calendar/calendar.js';
import { createWorkflowRegistry } from '../../src/definition/registry.js';
import { isReglamentError } from '../../src/errors.js';
import { sample } from './helpers.js';

const registry = suite('workflow registry');

function withVersion(version: string) {
  return { ...sample(), version };
}

registry('holds several versions; the newest by numeric order unless one is asked for', () => {
  const workflows = createWorkflowRegistry({ calendar: createCalendar() });
  for (const version of ['1.9.0', '1.10.0', '1.2.0']) workflows.load(withVersion(version));
  assert.equal(workflows.versions('study-certificate'), ['1.2.0', '1.9.0', '1.10.0']);
  assert.is(workflows.get('study-certificate').version, '1.10.0');
  assert.is(workflows.get('study-certificate', '1.2.0').version, '1.2.0');
  assert.equal(workflows.services(), ['study-certificate']);
  assert.equal(workflows.latest().map((workflow) => workflow.version), ['1.10.0']);
});

registry('the same version twice, an unknown service or version', () => {
  const workflows = createWorkflowRegistry({ calendar: createCalendar() });
  workflows.load(withVersion('1.0.0'));
  const codes: string[] = [];
  for (const attempt of [() => workflows.load(withVersion('1.0.0')), () => workflows.get('nope'), () => workflows.get('study-certificate', '9.9.9')]) {
    try {
      attempt();
    } catch (error) {
      if (isReglamentError(error)) codes.push(error.code);
    }
  }
  assert.equal(codes, ['INVALID_DEFINITION', 'WORKFLOW_NOT_FOUND', 'WORKFLOW_NOT_FOUND']);
  assert.ok(workflows.has('study-certificate', '1.0.0'));
  assert.not.ok(workflows.has('study-certificate', '2.0.0'));
});

registry.run();
