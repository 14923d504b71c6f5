/**
 * @module bench/http
 * `npm run bench:http`: autocannon (50 connections, 127.0.0.1 only) against, in the same run,
 * a bare Hono route (the ceiling: parse a JSON body, answer JSON) and reglament's command
 * endpoint `POST /v1/applications/{id}/events` on the SQLite FILE store: every request is one
 * durable command (token check, If-Match, engine transition, one atomic commit of snapshot +
 * history + terms + timers + outbox, the notice written inline). Each command registers a
 * different application prepared beforehand, so every answer is a real 200, not a conflict.
 *
 * The servers run in a child process so the load generator does not share their event loop.
 * Target: commands at least 25% of the bare route's requests per second, p99 under 50 ms.
 * The last line is one JSON object.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Hono } from 'hono';

const connections = 50;
const bareSeconds = Number(process.env['BENCH_HTTP_SECONDS'] ?? 8);
const prepared = Number(process.env['BENCH_HTTP_APPLICATIONS'] ?? 12_000);

interface Ready {
  bare: string;
  service: string;
  token: string;
  ids: string[];
}

/** The child: both servers on free ports, the applications prepared, then wait. */
async function serveBoth(): Promise<void> {
  const { createService } = await import('../src/service/service.js');
  const { loadConfig } = await import('../src/service/config.js');
  const { listen } = await import('../src/service/listen.js');
  const { silentLogger } = await import('../src/http/logger.js');
  const { signToken } = await import('../src/http/auth/token.js');
  const { loadDemoRoster } = await import('../src/demo/load.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'reglament-bench-http-'));
  const config = loadConfig({ NODE_ENV: 'test', REGLAMENT_DATA_DIR: dataDir, REGLAMENT_JWT_SECRET: 'bench-secret-'.padEnd(40, '0') });
  const service = await createService({ config, logger: silentLogger });
  await loadDemoRoster(service.ports.roster, service.clock.now().slice(0, 7));
  const actor = { id: 'bench', role: 'admin' as const };
  const ids: string[] = [];
  for (let i = 0; i < prepared; i++) {
    const view = await service.engine.submit(
      { service: 'diary-access', applicant: 'parent-1', pupil: 'pupil-1', school: 'school-1', channel: 'epgu', documents: ['application', 'identity'], data: { information: 'diary', consent: { parent: true, child: true } } },
      { actor },
    );
    ids.push(view.id);
  }
  const bareApp = new Hono().post('/bare/:id', async (c) => {
    const body = (await c.req.json()) as { type: string };
    return c.json({ id: c.req.param('id'), type: body.type, version: 2 }, 200);
  });
  const bare = await listen(bareApp.fetch, { host: '127.0.0.1', port: 0 });
  const api = await listen(service.app.fetch, { host: '127.0.0.1', port: 0 });
  const token = await signToken({ sub: 'clerk-1', role: 'clerk', school: 'school-1' }, service.auth, { ttlSeconds: 3600 });
  process.send!({ bare: bare.url, service: api.url, token, ids } satisfies Ready);
  process.once('disconnect', async () => {
    await Promise.all([bare.close(), api.close()]);
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  process.stdout.write(`preparing ${prepared} diary-access applications on a SQLite file store...\n`);
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
  });
  try {
    const bare = await run({
      url: `${ready.bare}/bare/x`,
      connections,
      duration: bareSeconds,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'REGISTER' }),
    });
    let next = 0;
    const commands = await run({
      url: ready.service,
      connections,
      amount: ready.ids.length,
      requests: [
        {
          method: 'POST',
          setupRequest(request) {
            const id = ready.ids[next++ % ready.ids.length]!;
            return {
              ...request,
              path: `/v1/applications/${id}/events`,
              headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json', 'if-match': '"1"' },
              body: '{"type":"REGISTER"}',
            };
          },
        },
      ],
    });
    const barePerSec = bare.requests.average;
    const commandsPerSec = commands.requests.average;
    const failed = commands.non2xx + commands.errors + commands.timeouts;
    const line = (label: string, result: autocannon.Result) =>
      `${label.padEnd(30)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   2xx ${result['2xx']}   other ${result.non2xx + result.errors + result.timeouts}`;
    process.stdout.write(`${line('bare Hono route', bare)}\n${line('reglament command (SQLite file)', commands)}\n`);
    const summary = { bench: 'http', commandsPerSec: Math.round(commandsPerSec), bareRoutePerSec: Math.round(barePerSec), vsBareRoute: Number((commandsPerSec / barePerSec).toFixed(3)), p99Ms: commands.latency.p99, connections, failed };
    process.stdout.write(`target: commands >= 25% of the bare route (${(summary.vsBareRoute * 100).toFixed(1)}%), p99 < 50 ms (${summary.p99Ms} ms)${failed > 0 ? `; ${failed} commands did not answer 2xx` : ''}\n`);
    process.stdout.write(JSON.stringify(summary) + '\n');
  } finally {
    child.disconnect();
  }
}

if (process.argv.includes('--serve')) await serveBoth();
else await main();
