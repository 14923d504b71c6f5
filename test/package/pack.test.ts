import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createConsumer, rewriteImports, startInstalledService, type Consumer } from './consumer.js';
import { loadedPackages } from './loaded-modules.js';
import { runExample, uvuTotals } from './run-example.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** The runnable entry of each example, what its output must show, and whether it talks to a running service. */
const examples: Record<string, { script: string; shows: RegExp; service?: boolean }> = {
  embedded: { script: 'index.ts', shows: /ISSUE → issued/ },
  'first-grade': { script: 'index.ts', shows: /"state": "enrolled"/ },
  'custom-store': { script: 'conformance.ts', shows: /json-file store › lifecycle/ },
  mongodb: { script: 'index.ts', shows: process.env['MONGODB_URL'] ? /closed|issued|enrolled/ : /skipped/ },
  'mount-hono': { script: 'index.ts', shows: /"status": 201/ },
  'typed-client': { script: 'client.ts', shows: /"registered":"registered"/, service: true },
};

const rewrite = suite('package › examples re-pointed at the public subpaths');
const specifiers = new Map([
  ['src/index.js', 'reglament'],
  ['src/store/sqlite/index.js', 'reglament/sqlite'],
]);

rewrite('source imports become package specifiers', () => {
  const source = "import { a } from '../../src/index.js';\nimport { b } from \"../../src/store/sqlite/index.js\";";
  assert.is(rewriteImports(source, specifiers), "import { a } from 'reglament';\nimport { b } from \"reglament/sqlite\";");
});

rewrite('an import of an internal module is an error', () => {
  assert.throws(() => rewriteImports("import { c } from '../../src/runtime/engine.js';", specifiers), /does not export/);
});

const pack = suite<{ directory: string; consumer: Consumer }>('package › the packed tarball, installed in a fresh project');

pack.before(async (context) => {
  context.directory = mkdtempSync(join(tmpdir(), 'reglament-pack-'));
  context.consumer = await createConsumer(root, context.directory);
});

pack.after(({ directory }) => rmSync(directory, { recursive: true, force: true }));

pack('the tarball holds the build, data and documents, and no sources or tests', ({ consumer }) => {
  const { files } = consumer;
  for (const needed of ['dist/index.js', 'dist/index.d.ts', 'bin/reglament.js', 'schemas/workflow.schema.json', 'calendars/RU/2025.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    assert.ok(files.includes(`package/${needed}`), `missing ${needed}`);
  }
  assert.ok(files.some((file) => file.startsWith('package/workflows/')), 'no workflows');
  const stray = files.filter((file) => /^package\/(src|test|bench|examples|data|coverage|docs)\//.test(file) || file.endsWith('.map') || file.endsWith('.test.js'));
  assert.equal(stray, []);
});

pack('importing the installed root loads no database driver and no web framework', async ({ consumer }) => {
  const loaded = await loadedPackages('reglament', { cwd: consumer.project });
  assert.ok(loaded.includes('reglament') && loaded.includes('xstate'), loaded.join(', '));
  for (const name of ['mongodb', 'hono', '@hono/node-server', 'better-sqlite3']) assert.not.ok(loaded.includes(name), `${name} loaded`);
});

pack('every subpath of the exports map imports', async ({ consumer }) => {
  for (const subpath of ['reglament', 'reglament/sqlite', 'reglament/mongodb', 'reglament/http', 'reglament/viz', 'reglament/testing']) {
    const probe = `const m = await import('${subpath}'); if (Object.keys(m).length === 0) process.exit(3);`;
    await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: consumer.project });
  }
});

pack('the examples type-check against the installed declarations', async ({ consumer }) => {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await run(process.execPath, [tsc, '-p', consumer.project]).catch((error: { stdout: string }) => error);
  assert.is('stdout' in result ? result.stdout : '', '', 'tsc reported errors');
});

pack('the reglament command of the installed package counts a term and validates the shipped workflows', async ({ consumer }) => {
  const bin = join(consumer.project, 'node_modules', '.bin', 'reglament');
  const { stdout } = await run(bin, ['deadline', '--from', '2025-04-29', '--working-days', '7'], { cwd: consumer.project });
  assert.is(stdout.trim(), '2025-05-14');
  const shipped = readdirSync(join(consumer.project, 'node_modules', 'reglament', 'workflows')).map((file) => join('node_modules', 'reglament', 'workflows', file));
  assert.ok(shipped.length >= 5, shipped.join(', '));
  await run(bin, ['validate', ...shipped], { cwd: consumer.project });
});

pack('every example in examples/ is run below', () => {
  const present = readdirSync(join(root, 'examples'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const name of present) assert.ok(name in examples, `examples/${name} has no entry in pack.test.ts`);
});

for (const [name, example] of Object.entries(examples)) {
  pack(`examples/${name} runs against the installed package`, async ({ consumer }) => {
    const script = join('examples', name, example.script);
    if (!existsSync(join(consumer.project, script))) {
      assert.not.ok(existsSync(join(root, script)), `${script} exists in the repository but was not copied`);
      return;
    }
    const service = example.service ? await startInstalledService(consumer.project) : null;
    try {
      const env = service
        ? {
            REGLAMENT_URL: service.url,
            PARENT_TOKEN: await service.token('--role', 'applicant', '--sub', 'parent-1'),
            CLERK_TOKEN: await service.token('--role', 'clerk', '--sub', 'clerk-1', '--school', 'school-1'),
          }
        : {};
      const result = await runExample(script, { cwd: consumer.project, env });
      assert.is(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stdout, example.shows);
      if (name === 'custom-store') assert.is(uvuTotals(result.stdout).passed, uvuTotals(result.stdout).total);
    } finally {
      await service?.close();
    }
  });
}

rewrite.run();
pack.run();
