/**
 * @module bench/store
 * `npm run bench:store [-- --count N]`: loads N applications (default 1,000,000) into a Store and
 * times the queries the engine and the API make at that size: the first page and the count of
 * overdue applications, a page of a list by state and school, and one command (`commit`).
 * On SQLite the peer is the same queries forced to a full scan (`NOT INDEXED`), on the same file
 * in the same run. The last line is one JSON object with the figures.
 *
 * Loading uses the SQLite adapter's documented bulk path, `importApplications` (one transaction
 * per 10,000 applications, the default 64 MiB page cache); the timed command goes through `commit()` with the
 * default durable setting (`synchronous = FULL`). Query times are medians of 7 runs after a warm-up.
 * Another adapter joins with `runStoreBench({ name, create, count, load })`; with `MONGODB_URL`
 * set, `store-mongodb.ts` runs the MongoDB adapter too (its figures under `mongodb` in the JSON).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApplicationQuery, ApplicationRecord, Store } from '../src/store/types.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';

/** The bench's "now": applications fall due around it. */
export const benchNow = '2026-06-01T09:00:00.000Z';
const day = 86_400_000;
const states = ['registration', 'review', 'decision', 'provided', 'refused', 'terminated'];

/** A deterministic generator (mulberry32), so every run loads the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Application number `index` of the bench data: ~15% open with a term due within ±30 days of
 * {@link benchNow} (so about half of them overdue), the rest closed; 300 schools.
 */
export function benchApplication(index: number, next: () => number): ApplicationRecord {
  const open = next() < 0.15;
  const state = open ? states[Math.floor(next() * 3)]! : states[3 + Math.floor(next() * 3)]!;
  const receivedAt = new Date(Date.parse(benchNow) - (40 + next() * 600) * day).toISOString();
  const dueAt = new Date(Date.parse(benchNow) + (next() - 0.5) * 60 * day).toISOString();
  return {
    id: `app-${String(index).padStart(8, '0')}`,
    service: next() < 0.8 ? 'diary-access' : 'diary-termination',
    workflowVersion: '1.0.0',
    state,
    status: open ? 'open' : 'closed',
    version: 1,
    school: `school-${Math.floor(next() * 300)}`,
    applicant: `applicant-${Math.floor(next() * 400_000)}`,
    pupil: `pupil-${Math.floor(next() * 500_000)}`,
    channel: next() < 0.5 ? 'epgu' : 'personal',
    receivedAt,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    snapshot: { status: open ? 'active' : 'done', value: state, context: { documents: ['application', 'identity'], channel: 'epgu' } },
    terms: [{ name: 'credentials', startedAt: receivedAt, lastDay: dueAt.slice(0, 10), dueAt, provisional: false, metAt: open ? null : receivedAt }],
    nextDueAt: open ? dueAt : null,
    links: [],
  };
}

export interface StoreBenchTarget {
  name: string;
  count: number;
  create(): Promise<Store>;
  /** Writes one batch of applications (a bulk path of the adapter, or commits). */
  load(store: Store, applications: ApplicationRecord[]): Promise<void>;
}

export interface StoreBenchFigures {
  applications: number;
  loadPerSec: number;
  peakRssMb: number;
  overdueQueryMs: number;
  overdueCountMs: number;
  listPageMs: number;
  commandMs: number;
}

/** Median wall time of `runs` calls of `work` after one warm-up call, in ms. */
export async function medianMs(work: () => Promise<unknown>, runs = 7): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

const round = (value: number) => Math.round(value * 100) / 100;

export const overdueQuery: ApplicationQuery = { overdueAt: benchNow, status: 'open' };
export const listQuery: ApplicationQuery = { state: 'review', school: 'school-42', limit: 50 };

/**
 * Loads `target.count` applications into a fresh store and times the queries and one command.
 *
 * @example
 * const figures = await runStoreBench({ name: 'sqlite', count: 100_000, create, load });
 */
export async function runStoreBench(target: StoreBenchTarget): Promise<StoreBenchFigures & { store: Store }> {
  const store = await target.create();
  await store.init();
  const next = random(20260601);
  const started = performance.now();
  for (let first = 0; first < target.count; first += 10_000) {
    const batch: ApplicationRecord[] = [];
    for (let index = first; index < Math.min(first + 10_000, target.count); index += 1) batch.push(benchApplication(index, next));
    await target.load(store, batch);
  }
  const loadPerSec = Math.round(target.count / ((performance.now() - started) / 1000));
  console.log(`${target.name}: loaded ${target.count} applications, ${loadPerSec}/s`);

  const overdueQueryMs = await medianMs(() => store.listApplications(overdueQuery));
  const overdueCountMs = await medianMs(() => store.countApplications(overdueQuery));
  const listPageMs = await medianMs(() => store.listApplications(listQuery));
  let commandIndex = 0;
  const commandMs = await medianMs(async () => {
    const application = (await store.getApplication(`app-${String((commandIndex++ * 997) % target.count).padStart(8, '0')}`))!;
    const reviewed = { ...application, version: application.version + 1, state: 'review', updatedAt: benchNow };
    const history = { applicationId: application.id, version: reviewed.version, at: benchNow, actor: { id: 'clerk-1', role: 'clerk' as const }, event: { type: 'REVIEW' }, from: application.state, to: 'review', ruleResults: [] };
    await store.commit({ application: reviewed, expectedVersion: application.version, history, scheduleTimers: [], cancelTimers: [], outbox: [], idempotency: { key: `bench:${application.id}:${reviewed.version}`, result: null } });
  }, 21);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return { store, applications: target.count, loadPerSec, peakRssMb, overdueQueryMs, overdueCountMs, listPageMs, commandMs };
}

/** The same queries on the same SQLite file with every index refused: the naive peer. */
async function fullScanMs(file: string): Promise<{ overdueQueryMs: number; overdueCountMs: number; listPageMs: number }> {
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(file, { readonly: true });
  const overduePage = db.prepare(`SELECT record FROM applications NOT INDEXED
    WHERE status = 'open' AND next_due_at < ? ORDER BY id DESC LIMIT 51`);
  const overdueCount = db.prepare(`SELECT count(*) FROM applications NOT INDEXED WHERE status = 'open' AND next_due_at < ?`);
  const listPage = db.prepare(`SELECT record FROM applications NOT INDEXED
    WHERE state = ? AND school = ? ORDER BY id DESC LIMIT 51`);
  const figures = {
    overdueQueryMs: await medianMs(async () => overduePage.all(benchNow).map((row) => JSON.parse((row as { record: string }).record)), 3),
    overdueCountMs: await medianMs(async () => overdueCount.get(benchNow), 3),
    listPageMs: await medianMs(async () => listPage.all(listQuery.state, listQuery.school).map((row) => JSON.parse((row as { record: string }).record)), 3),
  };
  db.close();
  return figures;
}

function countArgument(): number {
  const at = process.argv.indexOf('--count');
  const count = at < 0 ? 1_000_000 : Number(process.argv[at + 1]);
  if (!Number.isInteger(count) || count < 1_000) throw new Error('--count must be an integer of at least 1000');
  return count;
}

async function main(): Promise<void> {
  const count = countArgument();
  const dir = mkdtempSync(join(tmpdir(), 'reglament-bench-store-'));
  const file = join(dir, 'bench.sqlite');
  try {
    const figures = await runStoreBench({
      name: 'sqlite',
      count,
      create: async () => createSqliteStore({ file }),
      load: (store, applications) => (store as ReturnType<typeof createSqliteStore>).importApplications(applications),
    });
    const { store, ...sqlite } = figures;
    console.log(`sqlite: overdue page ${sqlite.overdueQueryMs} ms, overdue count ${sqlite.overdueCountMs} ms, ` +
      `list page by state+school ${sqlite.listPageMs} ms, one command ${sqlite.commandMs} ms, peak RSS ${sqlite.peakRssMb} MB`);
    const scan = await fullScanMs(file);
    await store.dispose();
    const vs = {
      overdueQuery: round(scan.overdueQueryMs / sqlite.overdueQueryMs),
      overdueCount: round(scan.overdueCountMs / sqlite.overdueCountMs),
      listPage: round(scan.listPageMs / sqlite.listPageMs),
    };
    console.log(`full-scan peer: overdue page ${scan.overdueQueryMs} ms (${vs.overdueQuery}x slower), overdue count ` +
      `${scan.overdueCountMs} ms (${vs.overdueCount}x), list page ${scan.listPageMs} ms (${vs.listPage}x)`);
    // With MONGODB_URL set, the MongoDB adapter runs the same bench (at most 100,000 applications).
    const mongoUrl = process.env.MONGODB_URL;
    const mongodb = mongoUrl ? await (await import('./store-mongodb.js')).runMongoBench(runStoreBench, mongoUrl, count, sqlite) : undefined;
    console.log(JSON.stringify({ bench: 'store', store: 'sqlite', ...sqlite, vsFullScan: vs, ...(mongodb ? { mongodb } : {}) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
