import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

// `reglament/mongodb` costs nothing until used: importing it and creating a store load no driver.
const lazy = suite('mongodb › lazy driver');

const probe = `
import { createRequire } from 'node:module';
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/mongodb/'));
const { createMongoStore } = await import(${JSON.stringify(new URL('../../src/store/mongodb/index.ts', import.meta.url).pathname)});
const store = createMongoStore({ url: 'mongodb://127.0.0.1:9/', database: 'unused', clientOptions: { serverSelectionTimeoutMS: 100 } });
const beforeUse = loaded();
const failure = await store.ping().then(() => 'none', (error) => error.code);
console.log(JSON.stringify({ beforeUse, afterUse: loaded(), failure }));
await store.dispose();
`;

lazy('importing reglament/mongodb and creating a store load no driver; the first call does', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { timeout: 30_000 });
  assert.equal(JSON.parse(stdout.trim()), { beforeUse: false, afterUse: true, failure: 'STORE_UNAVAILABLE' });
});

lazy.run();
