/**
 * @module bench/store-mongodb
 * The MongoDB part of `npm run bench:store`: when `MONGODB_URL` is set, loads 100,000
 * applications (or `--count`, if smaller) into a fresh database through the adapter's bulk
 * import and times the same queries and command as on SQLite, with the SQLite figures of the same
 * run as the peer. On FerretDB the figures are printed as FerretDB's, not MongoDB's: its SQLite
 * backend pushes down only `_id` filters, so every other query scans; targets are not judged on it.
 */
import { MongoClient } from 'mongodb';
import { createMongoStore, type MongoStore } from '../src/store/mongodb/index.js';
// Types only: store.bench.ts imports this module while it runs, a value import would be a cycle.
import type { runStoreBench as RunStoreBench, StoreBenchFigures } from './store.bench.js';

/** The most applications the MongoDB bench loads. */
export const mongoBenchMax = 100_000;

/** What answers at `url`: FerretDB (with its version) or MongoDB. */
async function serverName(url: string): Promise<string> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return typeof info.ferretdbVersion === 'string' ? `FerretDB ${info.ferretdbVersion}` : `MongoDB ${info.version}`;
  } finally {
    await client.close();
  }
}

/**
 * Runs the bench on the MongoDB at `url` in a database of its own, dropped afterwards.
 *
 * @example
 * const figures = await runMongoBench(runStoreBench, process.env.MONGODB_URL!, 100_000, sqliteFigures);
 */
export async function runMongoBench(
  runStoreBench: typeof RunStoreBench,
  url: string,
  count: number,
  peer: StoreBenchFigures,
): Promise<StoreBenchFigures & { server: string; judged: boolean }> {
  const server = await serverName(url);
  const ferretdb = server.startsWith('FerretDB');
  const database = `reglament_bench_${Date.now().toString(36)}`;
  const label = ferretdb ? `mongodb (${server}, not MongoDB)` : `mongodb (${server})`;
  const { store, ...figures } = await runStoreBench({
    name: label,
    count: Math.min(count, mongoBenchMax),
    create: async () => createMongoStore({ url, database }),
    load: (target, applications) => (target as MongoStore).importApplications(applications),
  });
  const client = new MongoClient(url);
  try {
    await store.dispose();
    await client.db(database).dropDatabase();
  } finally {
    await client.close();
  }
  const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;
  console.log(`${label}: overdue page ${figures.overdueQueryMs} ms (${ratio(figures.overdueQueryMs, peer.overdueQueryMs)}x SQLite), ` +
    `overdue count ${figures.overdueCountMs} ms, list page by state+school ${figures.listPageMs} ms ` +
    `(${ratio(figures.listPageMs, peer.listPageMs)}x SQLite), one command ${figures.commandMs} ms ` +
    `(${ratio(figures.commandMs, peer.commandMs)}x SQLite)` + (ferretdb ? '; FerretDB scans every non-_id query: not judged against the targets' : ''));
  return { ...figures, server, judged: !ferretdb };
}
