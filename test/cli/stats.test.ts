import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sqliteFileOf } from '../../src/service/store.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { advance, makeCommit } from '../../src/testing/fixtures.js';
import { asOf, statsCases } from '../stats/fixtures.js';

const run = promisify(execFile);
let dataDir = '';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const env = { ...process.env, REGLAMENT_DATA_DIR: dataDir, MONGODB_URL: '', REGLAMENT_TIMEZONE: 'Asia/Yekaterinburg' };
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'stats', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const stats = suite('cli stats');

stats.before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reglament-stats-'));
  const store = createSqliteStore({ file: sqliteFileOf(dataDir) });
  await store.init();
  for (const { application, history } of statsCases()) {
    await store.commit(makeCommit(application, { history: history[0]! }));
    let current = application;
    for (const entry of history.slice(1)) {
      current = advance(current, { updatedAt: entry.at });
      await store.commit(makeCommit(current, { history: { ...entry, version: current.version } }));
    }
  }
  await store.dispose();
});

stats.after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

stats('--json prints the statistics of the configured store, with decision terms from the workflows', async () => {
  const result = await cli(['--json', '--as-of', asOf]);
  assert.is(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.totals, { applications: 6, open: 4, closed: 2, decided: 4, decidedWithinTerm: 3, decidedLate: 1, overdue: 1, shareDecidedWithinTerm: 0.75, averageWorkingDays: 3.5 });
  assert.equal(report.decisionTerms, { appeal: ['review'], 'diary-access': ['credentials'], 'journal-extract': ['extract'] });
  assert.equal(report.appeals.outcomes, { answeredSatisfied: 1 });
});

stats('a table by default, narrowed by --service', async () => {
  const result = await cli(['--as-of', asOf, '--service', 'journal-extract']);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Service statistics as of 2026-03-20T12:00:00.000Z \(Asia\/Yekaterinburg\)/);
  assert.match(result.stdout, /journal-extract\s+3\s+2\s+2\s+50\.0%\s+1\s+5\.50/);
  assert.match(result.stdout, /journal-extract: issued 1, refused 1/);
});

stats('a bad option is one line and exit 2', async () => {
  const result = await cli(['--as-of', 'yesterday']);
  assert.is(result.code, 2);
  assert.match(result.stderr, /^reglament stats: INVALID_DATE: --as-of must be an ISO 8601 instant/);
  assert.is(result.stderr.trimEnd().split('\n').length, 1);
});

stats.run();
