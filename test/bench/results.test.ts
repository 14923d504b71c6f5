import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flatten, formatResults } from '../../bench/results.js';

const results = suite('bench/results: one Markdown table of every bench');
const run = { quick: false, node: 'v20.20.2', at: '2026-11-28T10:00:00.000Z' };

results('nested figures flatten to dotted names', () => {
  assert.equal(flatten({ a: 1, b: { c: 2, d: { e: 'x' } }, f: [1, 2] }), [['a', 1], ['b.c', 2], ['b.d.e', 'x'], ['f', [1, 2]]]);
});

results('every vs… figure is a ratio row named after its peer; the rest are figures', () => {
  const markdown = formatResults(
    [{ name: 'engine', seconds: 9.14, figures: { bench: 'engine', commandsPerSec: 1405, vsBpmnEngine: 6.73, vsSomethingNew: 2 } }],
    run,
  );
  assert.match(markdown, '| engine | bpmn-engine in memory (commands/s, reglament ÷ peer) | ×6.73 |');
  assert.match(markdown, '| engine | vsSomethingNew | ×2 |');
  assert.match(markdown, '| engine | commandsPerSec | 1,405 |');
  assert.match(markdown, '| engine | wall time of the bench (s) | 9.1 |');
  assert.not.match(markdown, '| engine | bench |');
});

results('a failed bench is reported, and quick runs say their figures are not for quoting', () => {
  const markdown = formatResults([{ name: 'http', seconds: 1, error: 'exit status 1' }], { ...run, quick: true });
  assert.match(markdown, '| http | — | **failed**: exit status 1 |');
  assert.match(markdown, 'QUICK sizes');
});

results.run();
