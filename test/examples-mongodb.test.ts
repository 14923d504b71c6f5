import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../examples/mongodb/index.js';
import { runExample } from './package/run-example.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const url = process.env['MONGODB_URL'];
const mongodb = suite('examples/mongodb');

if (url) {
  mongodb('carries a journal-extract application to the issued extract on MongoDB', async () => {
    const log = console.log;
    console.log = () => {};
    try {
      const result = await main(url);
      assert.equal(result, { state: 'issued', status: 'closed', steps: 5 });
    } finally {
      console.log = log;
    }
  });
} else {
  mongodb('without MONGODB_URL the script says it was skipped and exits 0', async () => {
    const run = await runExample('examples/mongodb/index.ts', { cwd: root, env: { MONGODB_URL: '' } });
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stdout, /skipped \(set MONGODB_URL/);
  });
}

mongodb.run();
