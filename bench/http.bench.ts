/**
 * @module bench/http
 * `npm run bench:http`: autocannon (50 connections, 127.0.0.1 only) against, in the same run,
 * a bare Hono route (the ceiling: parse a JSON body, answer JSON) and reglament's command
 * endpoint `POST /v1/applications/{id}/events` on the SQLite FILE store: every request is one
 * durable command (token check, If-Match, engine transition, one atomic commit of snapshot +
 * history + terms + timers + outbox; its notice is written by the scheduler loop right after, as
 * under `npm start`, and the bench prints how many effects were still waiting when a run
 * ended). Each command registers a different application prepared beforehand, so every
 * answer is a real 200, not a conflict; a run stops early if the prepared applications run out
 * (it says so), and every non-2xx is counted. Each contestant runs BENCH_HTTP_SECONDS (default
 * 10) so warm-up does not dominate. The scheduler loop runs beside the commands unless
 * BENCH_HTTP_BACKGROUND=0. The load average is printed before and after: a busy machine lowers
 * every figure. BENCH_HTTP_PROFILE_DIR=<dir> writes a CPU profile of the server.
 *
 * The servers run in a child process so the load generator does not share their event loop.
 * The command endpoint runs twice: with the service's default `synchronous=FULL` (an fsync per
 * group commit, shared by the commands and notices of one event-loop turn: survives power
 * loss), then `synchronous=NORMAL` (WAL without the fsync: survives a killed process). The
 * headline is the default. Target: commands at least 25% of the bare route's requests per
 * second, p99 under 50 ms. The last line is one JSON object.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Hono } from 'hono';

const connections = 50;
const seconds = Number(process.env['BENCH_HTTP_SECONDS'] ?? 10);
const prepared = { full: Number(process.env['BENCH_HTTP_FULL'] ?? 40_000), normal: Number(process.env['BENCH_HTTP_NORMAL'] ?? 50_000) };
const background = process.env['BENCH_HTTP_BACKGROUND'] !== '0';

interface Ready {
  bare: string;
  service: string;
  token: string;
  ids: { full: string[]; normal: string[] };
}

/** The child: the applications prepared, both servers on free ports; on 'normal', the service reopened with synchronous=NORMAL. */
async function serveBoth(): Promise<void> {
  const { createService } = await import('../src/service/service.js');
  const { loadConfig } = await import('../src/service/config.js');
  const { listen } = await import('../src/service/listen.js');
  const { silentLogger } = await import('../src/http/logger.js');
  const { signToken } = await import('../src/http/auth/token.js');
  const { loadDemoRoster } = await import('../src/demo/load.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'reglament-bench-http-'));
  const configOf = (synchronous: 'full' | 'normal') =>
    loadConfig({ NODE_ENV: 'test', REGLAMENT_DATA_DIR: dataDir, REGLAMENT_JWT_SECRET: 'bench-secret-'.padEnd(40, '0'), REGLAMENT_SQLITE_SYNCHRONOUS: synchronous });
  // Prepared without an fsync per command (that is only set-up), then reopened as measured.
  let service = await createService({ config: configOf('normal'), logger: silentLogger });
  await loadDemoRoster(service.ports.roster, service.clock.now().slice(0, 7));
  const actor = { id: 'bench', role: 'admin' as const };
  const ids: string[] = [];
  const submission = { service: 'diary-access', applicant: 'parent-1', pupil: 'pupil-1', school: 'school-1', channel: 'epgu', documents: ['application', 'identity'], data: { information: 'diary', consent: { parent: true, child: true } } };
  // Concurrent submits share group commits, so preparing tens of thousands takes seconds.
  for (let left = prepared.full + prepared.normal; left > 0; left -= 256) {
    const views = await Promise.all(Array.from({ length: Math.min(256, left) }, () => service.engine.submit(submission, { actor })));
    ids.push(...views.map((view) => view.id));
  }
  await service.close();
  service = await createService({ config: configOf('full'), logger: silentLogger });
  if (background) service.engine.start({ intervalMs: 250 });
  const bareApp = new Hono().post('/bare/:id', async (c) => {
    const body = (await c.req.json()) as { type: string };
    return c.json({ id: c.req.param('id'), type: body.type, version: 2 }, 200);
  });
  const bare = await listen(bareApp.fetch, { host: '127.0.0.1', port: 0 });
  let api = await listen(service.app.fetch, { host: '127.0.0.1', port: 0 });
  const token = await signToken({ sub: 'clerk-1', role: 'clerk', school: 'school-1' }, service.auth, { ttlSeconds: 3600 });
  process.send!({ bare: bare.url, service: api.url, token, ids: { full: ids.slice(0, prepared.full), normal: ids.slice(prepared.full) } } satisfies Ready);
  const { default: Sqlite } = await import('better-sqlite3');
  /** Notices and other effects committed but not yet sent by the scheduler loop. */
  const backlog = (): number => {
    const db = new Sqlite((service.store as unknown as { file: string }).file, { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM outbox WHERE dispatched_at IS NULL').pluck().get() as number;
    } finally {
      db.close();
    }
  };
  process.on('message', async (message) => {
    if (message === 'backlog') process.send!({ backlog: backlog() });
    if (message !== 'normal') return;
    await api.close();
    await service.close();
    service = await createService({ config: configOf('normal'), logger: silentLogger });
    if (background) service.engine.start({ intervalMs: 250 });
    api = await listen(service.app.fetch, { host: '127.0.0.1', port: 0 });
    process.send!({ service: api.url });
  });
  process.once('disconnect', async () => {
    await Promise.all([bare.close(), api.close()]);
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

function run(options: autocannon.Options, stopWhen?: (stop: () => void) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    stopWhen?.(() => instance.stop());
  });
}

/** Sends REGISTER to each prepared application once, for `seconds` or until they run out. */
async function commands(url: string, token: string, ids: string[]): Promise<{ result: autocannon.Result; ranOut: boolean }> {
  let next = 0;
  let stop = () => {};
  const result = await run(
    {
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest(request) {
            if (next === ids.length) setImmediate(stop);
            const id = ids[Math.min(next++, ids.length - 1)]!;
            return {
              ...request,
              path: `/v1/applications/${id}/events`,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '"1"' },
              body: '{"type":"REGISTER"}',
            };
          },
        },
      ],
    },
    (stopNow) => {
      stop = stopNow;
    },
  );
  return { result, ranOut: next > ids.length };
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise<T>((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message);
  });
}

function line(label: string, result: autocannon.Result): string {
  const other = result.non2xx + result.errors + result.timeouts;
  return `${label.padEnd(44)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(5)} ms   2xx ${result['2xx']}   other ${other}`;
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx', ...(process.env['BENCH_HTTP_PROFILE_DIR'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_HTTP_PROFILE_DIR']}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  process.stdout.write(`preparing ${prepared.full + prepared.normal} diary-access applications on a SQLite file store...\n`);
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
  });
  const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
  process.stdout.write(`load average before: ${load()}; ${seconds} s per contestant, ${connections} connections, scheduler loop ${background ? 'on' : 'off'}\n`);
  try {
    const bare = await run({ url: `${ready.bare}/bare/x`, connections, duration: seconds, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'REGISTER' }) });
    process.stdout.write(`${line('bare Hono route', bare)}\n`);
    const { result: full, ranOut: fullRanOut } = await commands(ready.service, ready.token, ready.ids.full);
    process.stdout.write(`${line('reglament command, SQLite file, FULL', full)}${fullRanOut ? '   (ran out of prepared applications)' : ''}\n`);
    const fullBacklog = (await ask<{ backlog: number }>(child, 'backlog')).backlog;
    const reopened = await ask<{ service: string }>(child, 'normal');
    const { result: normal, ranOut: normalRanOut } = await commands(reopened.service, ready.token, ready.ids.normal);
    process.stdout.write(`${line('reglament command, SQLite file, NORMAL', normal)}${normalRanOut ? '   (ran out of prepared applications)' : ''}\n`);
    const normalBacklog = (await ask<{ backlog: number }>(child, 'backlog')).backlog;
    process.stdout.write(`effects not yet dispatched when the run ended: ${fullBacklog} (FULL), ${normalBacklog} (NORMAL)\n`);
    process.stdout.write(`load average after: ${load()}\n`);
    const barePerSec = bare.requests.average;
    const failed = [full, normal].reduce((sum, result) => sum + result.non2xx + result.errors + result.timeouts, 0);
    const summary = {
      bench: 'http',
      commandsPerSec: Math.round(full.requests.average),
      vsBareRoute: Number((full.requests.average / barePerSec).toFixed(3)),
      p99Ms: full.latency.p99,
      bareRoutePerSec: Math.round(barePerSec),
      commandsPerSecNormal: Math.round(normal.requests.average),
      vsBareRouteNormal: Number((normal.requests.average / barePerSec).toFixed(3)),
      p99MsNormal: normal.latency.p99,
      connections,
      seconds,
      failed,
      outboxBacklog: fullBacklog,
      outboxBacklogNormal: normalBacklog,
      loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
    };
    process.stdout.write(
      `target: commands >= 25% of the bare route: ${(summary.vsBareRoute * 100).toFixed(1)}% (FULL), ${(summary.vsBareRouteNormal * 100).toFixed(1)}% (NORMAL); p99 < 50 ms: ${summary.p99Ms} ms (FULL), ${summary.p99MsNormal} ms (NORMAL)${failed > 0 ? `; ${failed} commands did not answer 2xx` : ''}\n`,
    );
    process.stdout.write(JSON.stringify(summary) + '\n');
  } finally {
    child.disconnect();
  }
}

if (process.argv.includes('--serve')) await serveBoth();
else await main();
