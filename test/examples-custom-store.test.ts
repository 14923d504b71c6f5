import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runExample, uvuTotals } from './package/run-example.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const customStore = suite('examples/custom-store');

customStore('the JSON-file adapter passes every case of the published conformance suite', async () => {
  const run = await runExample('examples/custom-store/conformance.ts', { cwd: root });
  const totals = uvuTotals(run.stdout);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.ok(totals.total > 40, `only ${totals.total} cases ran`);
  assert.is(totals.passed, totals.total);
  assert.ok(run.stdout.includes('json-file store › atomicity'));
});

customStore.run();
