import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { workflowGraph, type DefinitionLike } from '../../src/viz/graph.js';
import { mermaidId, workflowMermaid } from '../../src/viz/mermaid.js';
import { statePaths, transitions } from './definition-walk.js';
import { definitionsToDraw } from './workflows.js';

const mermaid = suite('workflowMermaid');

for (const [file, definition] of definitionsToDraw()) {
  mermaid(`${file}: declares every state and writes every transition`, () => {
    const text = workflowMermaid(workflowGraph(definition as DefinitionLike));
    const lines = text.split('\n');
    assert.is(lines[0], 'stateDiagram-v2');
    for (const path of statePaths(definition)) {
      assert.ok(lines.some((line) => new RegExp(`(as|state|-->) ${mermaidId(path)}( |$)`).test(line.trim())), `state ${path}`);
    }
    const arrows = lines.filter((line) => /^\s+\S+ --> \S+ : /.test(line));
    assert.is(arrows.length, transitions(definition).reduce((sum, t) => sum + t.targets, 0));
  });
}

mermaid('nests composite states, marks initial and final states, keeps labels on one safe line', () => {
  const fixture = definitionsToDraw().find(([file]) => file.endsWith('small-access.json'))![1] as DefinitionLike;
  const text = workflowMermaid(workflowGraph(fixture));
  assert.match(text, /\n {2}\[\*\] --> received\n/);
  assert.match(text, /state access \{\n {4}\[\*\] --> access__pending\n/);
  assert.match(text, /\n {2}refused --> \[\*\]\n/);
  assert.match(text, /state "Рассмотрение ‹заявления› & проверка \(review\)" as review/);
  assert.match(text, /received --> intakeRefused : Зарегистрировать \[есть основания: intakeRefusal\]/);
  assert.match(text, /any_state --> withdrawn : Отозвать заявление/);
});

mermaid('mermaidId keeps ids Mermaid can read', () => {
  assert.is(mermaidId('access.active'), 'access__active');
  assert.is(mermaidId('end'), 's_end');
});

mermaid.run();
