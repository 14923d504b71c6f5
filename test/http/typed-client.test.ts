import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { listen, type Listening } from '../../src/service/listen.js';
import { startHarness, type Harness } from './harness.js';

const run = promisify(execFile);
const typedClient = suite('typed client example (hc<AppType>) against a running service');

let harness: Harness;
let server: Listening;
typedClient.before(async () => {
  harness = await startHarness();
  server = await listen(harness.service.app.fetch, { host: '127.0.0.1', port: 0 });
});
typedClient.after(async () => {
  await server.close();
  await harness.close();
});

typedClient('files and registers an application over HTTP', async () => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/typed-client/client.ts'], {
    env: { ...process.env, REGLAMENT_URL: server.url, PARENT_TOKEN: harness.tokens.parent1, CLERK_TOKEN: harness.tokens.clerk1 },
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
  assert.is(result.filed, 'received');
  assert.is(result.registered, 'registered');
  assert.is(result.version, 2);
  assert.ok(result.terms.includes('credentials'));
  assert.is(result.sevenWorkingDaysFrom20250429, '2025-05-14', 'the May holidays are skipped');
  const stored = await harness.service.engine.get(result.id);
  assert.is(stored.state, 'registered');
});

typedClient.run();
