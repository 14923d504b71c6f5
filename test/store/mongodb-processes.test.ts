import { spawn } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clerk, mongoEngine, seedRoster, submission, timersPerApplication } from './fixtures/mongodb-engine.js';
import { dropDatabase, freshDatabase, mongodbUrl } from './fixtures/mongodb-server.js';

const processes = suite('mongodb › two engine processes');

/** Applications to register; each gets 20 timers, all due at `later`: 2,000 timers. */
const applications = 100;
const timers = applications * timersPerApplication;
const registeredAt = '2025-04-28T05:00:00.000Z';
const later = '2025-06-30T03:00:00.000Z';
/** A child that runs longer than this is killed and the test fails. */
const childTimeoutMs = 240_000;

function runProcess(database: string, owner: string): Promise<{ owner: string; fired: number }> {
  const script = new URL('./fixtures/mongodb-timer-process.ts', import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', script, mongodbUrl!, database, later, owner], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timeout = setTimeout(() => child.kill('SIGKILL'), childTimeoutMs);
    child.on('close', (code) => {
      clearTimeout(timeout);
      if (code !== 0) return reject(new Error(`${owner} exited with ${code}: ${stderr.slice(-2000)}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!));
    });
  });
}

/** Registers `applications` applications; returns their ids. */
async function registerApplications(database: string): Promise<string[]> {
  const { engine, ports, store } = await mongoEngine({ url: mongodbUrl!, database, owner: 'setup', now: registeredAt });
  try {
    await seedRoster(ports);
    const ids: string[] = [];
    for (let index = 0; index < applications; index += 1) {
      const application = await engine.submit(submission, { actor: clerk });
      await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
      ids.push(application.id);
    }
    let scheduled = 0;
    for (const id of ids) scheduled += (await store.getTimers(id)).length;
    assert.is(scheduled, timers);
    return ids;
  } finally {
    await store.dispose();
  }
}

processes('2,000 timers fall due: each fires exactly once across two processes, none is lost', async () => {
  const database = freshDatabase('processes');
  try {
    const ids = await registerApplications(database);
    const outcomes = await Promise.all([runProcess(database, 'process-a'), runProcess(database, 'process-b')]);
    assert.is(outcomes[0]!.fired + outcomes[1]!.fired, timers, JSON.stringify(outcomes));

    const { engine, store } = await mongoEngine({ url: mongodbUrl!, database, owner: 'check', now: later });
    try {
      for (const id of ids) {
        const fired = (await engine.history(id))
          .filter((entry) => entry.event.type.startsWith('term.'))
          .map((entry) => `${entry.event.type} ${String(entry.event.term)}`);
        assert.is(fired.length, timersPerApplication, `${id}: ${fired.join(', ')}`);
        assert.is(new Set(fired).size, timersPerApplication, `${id} fired a timer twice: ${fired.join(', ')}`);
        assert.equal(await store.getTimers(id), []);
      }
      assert.is(await engine.runDueTimers(later), 0);
    } finally {
      await store.dispose();
    }
  } finally {
    await dropDatabase(database);
  }
});

if (mongodbUrl) processes.run();
