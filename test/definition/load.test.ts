import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCalendar } from '../../src/calendar/calendar.js';
import { compileWorkflow } from '../../src/definition/compile.js';
import { loadWorkflow } from '../../src/definition/load.js';
import { problemsOf, sample, sampleFile } from './helpers.js';

const load = suite('loadWorkflow');

load('loads a file and resolves parameters', () => {
  const definition = loadWorkflow(sampleFile);
  assert.is(definition.service, 'study-certificate');
  assert.is(definition.terms![1]!.workingDays, 5);
});

load('a municipality overrides a parameter without copying the file', () => {
  const definition = loadWorkflow(sampleFile, { overrides: { parameters: { certificateWorkingDays: 3 }, epguStatus: { issued: 'Результат готов' } } });
  assert.is(definition.terms![1]!.workingDays, 3);
  assert.is(definition.epguStatus['issued'], 'Результат готов');
});

load('overrides are validated: unknown parameter, wrong type, unknown field', () => {
  assert.equal(problemsOf(() => loadWorkflow(sampleFile, { overrides: { parameters: { nope: 3 } } })), [{ path: '(overrides)/parameters/nope', message: 'the definition declares no parameter "nope"' }]);
  assert.is(problemsOf(() => loadWorkflow(sampleFile, { overrides: { parameters: { certificateWorkingDays: 'три' } } }))[0]!.path, '(overrides)/parameters/certificateWorkingDays');
  assert.is(problemsOf(() => loadWorkflow(sampleFile, { overrides: { colour: 'red' } as never }))[0]!.path, '(overrides)/colour');
});

load('schema errors name the JSON path', () => {
  const definition = sample();
  definition.terms[0].workingDays = 'one';
  definition.states.received.after = { 1000: 'registered' };
  delete definition.title;
  const problems = problemsOf(() => loadWorkflow(definition));
  assert.equal(problems.map((problem) => problem.path).sort(), ['/states/received/after', '/terms/0/workingDays', '/title']);
});

load('a term needs exactly one of workingDays and calendarDays', () => {
  const none = sample();
  delete none.terms[0].workingDays;
  assert.equal(problemsOf(() => loadWorkflow(none)), [{ path: '/terms/0', message: 'needs one of: workingDays, calendarDays' }]);
  const both = sample();
  both.terms[0].calendarDays = 3;
  assert.equal(problemsOf(() => loadWorkflow(both)).map((problem) => problem.path), ['/terms/0']);
});

load('a parameter reference to nothing, and a parameter of the wrong type', () => {
  const definition = sample();
  definition.terms[1].workingDays = { $param: 'missing' };
  assert.equal(problemsOf(() => loadWorkflow(definition)), [{ path: '/terms/1/workingDays/$param', message: 'unknown parameter "missing"' }]);
  const wrong = sample();
  wrong.parameters.certificateWorkingDays = 'пять';
  assert.is(problemsOf(() => loadWorkflow(wrong))[0]!.path, '/terms/1/workingDays');
});

const semantics = suite('loadWorkflow: meaning');

semantics('unknown guard, action and rule group', () => {
  const definition = sample();
  definition.states.registered.on.DECIDE[0].guard.params.group = 'nothing';
  definition.states.received.on.REGISTER = { target: 'registered', guard: 'isMonday', actions: ['sendFax'] };
  const problems = problemsOf(() => loadWorkflow(definition));
  assert.equal(problems, [
    { path: '/states/received/on/REGISTER/guard', message: 'unknown guard "isMonday"' },
    { path: '/states/received/on/REGISTER/actions/0', message: 'unknown action "sendFax"' },
    { path: '/states/registered/on/DECIDE/0/guard/params/group', message: 'no rule in group "nothing"' },
  ]);
});

semantics('injected names are known', () => {
  const definition = sample();
  definition.states.received.on.REGISTER = { target: 'registered', guard: 'isMonday' };
  const loaded = loadWorkflow(definition, { implementations: { guards: { isMonday: () => true } } });
  assert.is(loaded.service, 'study-certificate');
});

semantics('a target to a missing state, an unreachable state', () => {
  const definition = sample();
  definition.states.preparing.on.ISSUE = { target: 'isued' };
  const problems = problemsOf(() => loadWorkflow(definition));
  assert.equal(problems[0], { path: '/states/preparing/on/ISSUE/target', message: 'no state "isued" to go to from "preparing"' });
  assert.ok(problems.some((problem) => problem.path === '/states/issued' && problem.message.includes('unreachable')));
});

semantics('a state without an ЕПГУ status name, a status for no state', () => {
  const definition = sample();
  delete definition.epguStatus.preparing;
  definition.epguStatus.archived = 'В архиве';
  const paths = problemsOf(() => loadWorkflow(definition)).map((problem) => problem.path);
  assert.equal(paths.sort(), ['/epguStatus/archived', '/epguStatus/preparing']);
});

semantics('terms and notices on missing states; an undeclared event; a document no kind declares', () => {
  const definition = sample();
  definition.terms[1].from = 'registred';
  definition.terms[1].until = ['issued', 'gone'];
  definition.notices[0].state = 'nowhere';
  definition.states.preparing.on.CANCEL = 'refused';
  definition.rules.incompletePackage.requires.properties.documents.required.push('passport');
  const problems = problemsOf(() => loadWorkflow(definition));
  assert.equal(problems.map((problem) => problem.path).sort(), [
    '/notices/0/state',
    '/rules/incompletePackage/requires/properties/documents/required/2',
    '/states/preparing/on/CANCEL',
    '/terms/1/from',
    '/terms/1/until/1',
  ]);
});

semantics('a file that is not JSON names the file', () => {
  const file = join(tmpdir(), `reglament-bad-${process.pid}.json`);
  writeFileSync(file, '{ "service": ');
  const problems = problemsOf(() => loadWorkflow(file));
  rmSync(file);
  assert.is(problems[0]!.path, '/');
});

const compile = suite('compileWorkflow');

compile('terms need a calendar', () => {
  assert.equal(problemsOf(() => compileWorkflow(loadWorkflow(sampleFile))), [{ path: '/terms', message: 'terms and timers are counted by a calendar: pass `calendar` to compileWorkflow' }]);
});

compile('a rule schema ajv rejects is named', () => {
  const definition = sample();
  definition.rules.incompletePackage.requires = { properties: { documents: { requird: ['application'] } } };
  const problems = problemsOf(() => compileWorkflow(loadWorkflow(definition), { calendar: createCalendar() }));
  assert.is(problems[0]!.path, '/rules/incompletePackage/requires');
});

compile('compiles to an XState machine and names ЕПГУ statuses by state', () => {
  const workflow = compileWorkflow(loadWorkflow(sampleFile), { calendar: createCalendar() });
  assert.is(workflow.machine.id, 'study-certificate');
  assert.is(workflow.epguStatusOf('registered'), 'Заявление зарегистрировано');
});

load.run();
semantics.run();
compile.run();
