/**
 * @module cli/commands/serve
 * `reglament serve`: runs the HTTP service with the configuration from the environment (see
 * `service/config.ts`). In development it loads the demo school and prints a token for each
 * role. SIGINT/SIGTERM stop it cleanly: no new requests, the scheduler's round finished, the
 * store closed.
 */
import { delimiter } from 'node:path';
import { loadDemoRoster, demoBanner, demoTokens } from '../../demo/load.js';
import { loadConfig } from '../../service/config.js';
import { listen } from '../../service/listen.js';
import { createService } from '../../service/service.js';
import { parseOptions, type Command } from '../command.js';

const help = `Usage: reglament serve

Runs the HTTP service. Configuration comes from the environment:
  PORT (3000), HOST (127.0.0.1; 0.0.0.0 when NODE_ENV=production), REGLAMENT_DATA_DIR (./data),
  MONGODB_URL (use MongoDB instead of SQLite), REGLAMENT_JWT_SECRET or REGLAMENT_JWT_PUBLIC_KEY,
  REGLAMENT_SEAL_KEY (seals one-time access codes; required in production), REGLAMENT_CORS_ORIGINS,
  REGLAMENT_TIMEZONE (Asia/Yekaterinburg), REGLAMENT_REGION (e.g. RU-TA: regional holidays),
  REGLAMENT_CALENDAR_OVERRIDES (calendar override files, e.g. next year's decree, separated by
  '${delimiter}', layered in order; a bad file stops the start naming it), REGLAMENT_DEMO (1 in development).

Docs: http://HOST:PORT/docs   OpenAPI: /openapi.json   Admin pages: /admin
`;

/** The `serve` subcommand. */
export const command: Command = {
  summary: 'run the HTTP service (API, docs, admin pages)',
  async run(argv) {
    const { values } = parseOptions(argv, {});
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const config = loadConfig();
    const service = await createService({ config });
    const { logger } = service;
    let demoLoaded = false;
    if (config.demo) demoLoaded = await loadDemoRoster(service.ports.roster, service.clock.now().slice(0, 7));
    const server = await listen(service.app.fetch, { host: config.host, port: config.port });
    service.engine.start({ intervalMs: 250 });
    logger.info('listening', { url: server.url, store: service.storeDescription, environment: config.environment, workflows: service.workflows.services(), demo: config.demo, demoLoaded });
    if (config.demo) process.stdout.write('\n' + demoBanner(server.url, await demoTokens(service.auth, new Date(service.clock.now()))));
    return new Promise<number>((resolve) => {
      let stopping = false;
      async function stop(signal: string): Promise<void> {
        if (stopping) return;
        stopping = true;
        logger.info('stopping', { signal });
        await server.close();
        await service.close();
        logger.info('stopped', {});
        resolve(0);
      }
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
  },
};
