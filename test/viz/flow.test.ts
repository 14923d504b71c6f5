import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { transitionCounts, matchEntry } from '../../src/viz/flow.js';
import { workflowGraph, type DefinitionLike } from '../../src/viz/graph.js';
import { definitionsToDraw } from './workflows.js';

const fixture = definitionsToDraw().find(([file]) => file.endsWith('small-access.json'))![1] as DefinitionLike;
const graph = workflowGraph(fixture);
const keys = (from: string | null, type: string, to: string) => matchEntry(graph, { from, to, event: { type } }).map((edge) => edge.key);

const flow = suite('transitionCounts');

flow('matches a plain transition, and tells guarded alternatives apart by where they went', () => {
  assert.equal(keys('received', 'REGISTER', 'review'), ['received|REGISTER|review']);
  assert.equal(keys('received', 'REGISTER', 'intakeRefused'), ['received|REGISTER|intakeRefused']);
});

flow('follows always steps taken in the same command, into a compound state', () => {
  assert.equal(keys('review', 'DECIDE', 'access.pending'), ['review|DECIDE|deciding', 'deciding|always|access']);
  assert.equal(keys('review', 'DECIDE', 'refused'), ['review|DECIDE|deciding', 'deciding|always|refused']);
});

flow('credits an event handled by a parent or the root to the arrow drawn there', () => {
  assert.equal(keys('access.active', 'TERMINATE', 'terminated'), ['access|TERMINATE|terminated']);
  assert.equal(keys('review', 'WITHDRAW', 'withdrawn'), ['*|WITHDRAW|withdrawn']);
  assert.equal(keys('access.pending', 'REMIND', 'access.pending'), ['access.pending|REMIND|access.pending']);
});

flow('ignores the creating entry and events the diagram has no arrow for', () => {
  assert.equal(keys(null, 'SUBMIT', 'received'), []);
  assert.equal(keys('review', 'term.overdue', 'review'), []);
  assert.equal(keys('review', 'ISSUE_CREDENTIALS', 'access.active'), []);
});

flow('adds up entries per transition', () => {
  const counts = transitionCounts(graph, [
    { from: 'received', to: 'review', event: { type: 'REGISTER' } },
    { from: 'received', to: 'review', event: { type: 'REGISTER' } },
    { from: 'review', to: 'access.pending', event: { type: 'DECIDE' } },
  ]);
  assert.equal(counts, { 'received|REGISTER|review': 2, 'review|DECIDE|deciding': 1, 'deciding|always|access': 1 });
});

flow.run();
