import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadedPackages, packageOf } from './loaded-modules.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const heavy = ['mongodb', 'hono', '@hono/node-server', 'better-sqlite3'];

const helper = suite('package › loadedPackages (the probe itself)');

helper('names the package of a module path, scoped or not, innermost node_modules', () => {
  assert.is(packageOf('file:///app/node_modules/hono/dist/index.js'), 'hono');
  assert.is(packageOf('/app/node_modules/@hono/node-server/dist/index.mjs'), '@hono/node-server');
  assert.is(packageOf('/app/node_modules/a/node_modules/bson/lib/bson.cjs'), 'bson');
  assert.is(packageOf('file:///app/src/index.ts'), null);
});

helper('sees a database driver and a web framework when they are imported', async () => {
  const sqlite = await loadedPackages('better-sqlite3', { cwd: root });
  assert.ok(sqlite.includes('better-sqlite3'), sqlite.join(', '));
  const hono = await loadedPackages('hono', { cwd: root });
  assert.ok(hono.includes('hono'), hono.join(', '));
});

const rootImport = suite('package › importing the root (source, through tsx)');

rootImport('loads no database driver and no web framework', async () => {
  const loaded = await loadedPackages(`${root}src/index.ts`, { cwd: root, nodeArgs: ['--import', 'tsx'] });
  assert.ok(loaded.includes('xstate'), `the probe saw the engine's dependencies: ${loaded.join(', ')}`);
  for (const name of heavy) assert.not.ok(loaded.includes(name), `${name} was loaded by the root: ${loaded.join(', ')}`);
});

helper.run();
rootImport.run();
