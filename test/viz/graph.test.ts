import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { anyState, workflowGraph, type DefinitionLike } from '../../src/viz/graph.js';
import { definitionsToDraw } from './workflows.js';

const fixture = definitionsToDraw().find(([file]) => file.endsWith('small-access.json'))![1] as DefinitionLike;
const graph = workflowGraph(fixture);
const edge = (key: string) => graph.edges.find((e) => e.key === key);

const nodes = suite('workflowGraph: states');

nodes('has every state by its dotted path, nested ones under their parent', () => {
  assert.equal(graph.nodes.map((n) => n.id), ['received', 'intakeRefused', 'review', 'deciding', 'refused', 'access', 'access.pending', 'access.active', 'terminated', 'withdrawn', anyState]);
  const access = graph.nodes.find((n) => n.id === 'access')!;
  assert.equal(access.children, ['access.pending', 'access.active']);
  assert.is(access.kind, 'compound');
  assert.is(graph.nodes.find((n) => n.id === 'access.active')!.parent, 'access');
  assert.equal(graph.roots.filter((id) => id !== anyState).length, 8);
});

nodes('marks initial and final states', () => {
  assert.equal(graph.nodes.filter((n) => n.initial).map((n) => n.id), ['received', 'access.pending']);
  assert.equal(graph.nodes.filter((n) => n.kind === 'final').map((n) => n.id), ['intakeRefused', 'refused', 'terminated', 'withdrawn']);
});

nodes('titles a state by its description, else its ЕПГУ status name, keeping the key as subtitle', () => {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  assert.is(byId.get('received')!.label, 'Заявление получено');
  assert.is(byId.get('received')!.subtitle, 'received');
  assert.is(byId.get('access.pending')!.label, 'Выдача логина и пароля');
  assert.is(byId.get('access.pending')!.subtitle, 'pending');
});

nodes.run();

const edges = suite('workflowGraph: transitions');

edges('resolves sibling, child, #id and root targets', () => {
  assert.ok(edge('received|REGISTER|review'));
  assert.ok(edge('access.pending|ISSUE_CREDENTIALS|access.active'));
  assert.ok(edge('access|TERMINATE|terminated'), '#small-access.terminated');
  assert.ok(edge(`${anyState}|WITHDRAW|withdrawn`), 'a root transition leaves from any state');
});

edges('keeps guarded alternatives apart and labels guards in words', () => {
  assert.is(edge('received|REGISTER|intakeRefused')!.guard, 'anyRuleApplies');
  assert.is(edge('received|REGISTER|intakeRefused')!.label, 'Зарегистрировать [есть основания: intakeRefusal]');
  assert.is(edge('received|REGISTER|review')!.guard, null);
  assert.is(edge('received|REGISTER|review')!.label, 'Зарегистрировать');
});

edges('a lone guarded transition keeps its condition out of the label (it decides nothing) but in `condition`', () => {
  const lone = workflowGraph({ service: 'x', initial: 'a', events: { END: { title: 'Прекратить' } }, states: { a: { on: { END: { target: 'b', guard: { type: 'anyRuleApplies', params: { group: 'terminationGrounds' } } } } }, b: {} } }).edges[0]!;
  assert.is(lone.label, 'Прекратить');
  assert.is(lone.condition, 'есть основания: terminationGrounds');
  assert.is(edge('received|REGISTER|intakeRefused')!.condition, 'есть основания: intakeRefusal');
});

edges('draws eventless transitions as always, and a targetless one as a loop', () => {
  const always = graph.edges.filter((e) => e.kind === 'always');
  assert.equal(always.map((e) => e.key), ['deciding|always|refused', 'deciding|always|access']);
  assert.is(always[0]!.event, null);
  assert.is(always[1]!.label, 'сразу');
  const remind = edge('access.pending|REMIND|access.pending')!;
  assert.is(remind.source, remind.target);
});

edges('gives each edge a unique XML-safe id and a unique key', () => {
  assert.is(new Set(graph.edges.map((e) => e.id)).size, graph.edges.length);
  assert.is(new Set(graph.edges.map((e) => e.key)).size, graph.edges.length);
  for (const e of graph.edges) assert.match(e.id, /^t\d+$/);
});

edges('an unknown target is INVALID_DEFINITION naming the place in the file', () => {
  try {
    workflowGraph({ service: 'x', initial: 'a', states: { a: { on: { GO: [{ target: 'b' }, { target: 'nowhere' }] } }, b: {} } });
    assert.unreachable('should throw');
  } catch (error) {
    assert.ok(isReglamentError(error, 'INVALID_DEFINITION'));
    assert.is(error.path, '/states/a/on/GO/1');
  }
});

edges.run();
