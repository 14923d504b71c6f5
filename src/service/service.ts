/**
 * @module service/service
 * The composition root: from a configuration to a running service's parts. It opens the store,
 * builds the calendar, loads the workflows of `workflows/`, wires the default ports and the
 * engine, and creates the HTTP app with the admin pages mounted. `serve`, the tests and the
 * benchmark all build the service through here, so they run what production runs.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createDocumentApiRoutes, createAdminPages } from './admin.js';
import { createCalendar } from '../calendar/calendar.js';
import { loadCalendarOverrides } from '../calendar/overrides.js';
import type { Calendar } from '../calendar/types.js';
import { createWorkflowRegistry, type WorkflowRegistry } from '../definition/registry.js';
import type { AuthKeys } from '../http/auth/token.js';
import { createApp } from '../http/app.js';
import { createLogger, type Logger } from '../http/logger.js';
import { Registry } from '../http/metrics/registry.js';
import { createEdiaryFacts } from '../ediary/facts.js';
import { ediaryTemplates } from '../ediary/service.js';
import { createDefaultPorts, type DefaultPorts } from '../ports/defaults.js';
import type { Clock, FactsPort, IdGenerator } from '../ports/types.js';
import { createEngine } from '../runtime/engine.js';
import { createIdGenerator } from '../runtime/ids.js';
import type { Engine } from '../runtime/types.js';
import type { Store } from '../store/types.js';
import type { ServiceConfig } from './config.js';
import { createSealer } from '../ports/seal.js';
import { resolveAuthKeys, resolveSealSecret } from './keys.js';
import { openStore } from './store.js';

/** The `workflows/` folder shipped with the package (beside `src/` and `dist/`). */
export const packageWorkflowsDir = fileURLToPath(new URL('../../workflows/', import.meta.url));

/** The package version, shown in the OpenAPI document. */
export const packageVersion: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** The default ports, with the e-diary facts in front of the roster. */
export type ServicePorts = Omit<DefaultPorts, 'facts'> & { facts: FactsPort };

export interface ServiceOptions {
  config: ServiceConfig;
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  /** A store to use instead of the configured one (the caller disposes it). */
  store?: Store;
  /**
   * A ready calendar to count terms with, instead of the one the configuration describes
   * (`timeZone`, `region`, `calendarOverrideFiles` are then not read).
   *
   * @example
   * const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg', overrides: loadCalendarOverrides('calendar-2027.json') });
   * const service = await createService({ config: loadConfig(), calendar });
   */
  calendar?: Calendar;
  /** Workflow definition files; default every `*.json` in the package's `workflows/`. */
  workflowFiles?: string[];
}

export interface Service {
  app: ReturnType<typeof createApp>;
  engine: Engine;
  store: Store;
  /** Where the data is, for the start-up banner ('SQLite ./data/reglament.db'). */
  storeDescription: string;
  workflows: WorkflowRegistry;
  calendar: Calendar;
  ports: ServicePorts;
  auth: AuthKeys;
  clock: Clock;
  logger: Logger;
  config: ServiceConfig;
  /** Stops the scheduler and closes the store (unless it was passed in). */
  close(): Promise<void>;
}

/**
 * Every `*.json` definition in a folder, sorted.
 *
 * @example
 * workflowFilesIn(packageWorkflowsDir); // ['/…/workflows/access-termination.json', …]
 */
export function workflowFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The calendar the configuration describes, with its override files loaded and checked: a bad
 * file is INVALID_CALENDAR naming the file and the field, before the store is opened.
 *
 * @example
 * configuredCalendar(loadConfig({ REGLAMENT_CALENDAR_OVERRIDES: './calendar-2027.json' })).timeZone; // 'Asia/Yekaterinburg'
 */
export function configuredCalendar(config: ServiceConfig): Calendar {
  return createCalendar({
    timeZone: config.timeZone,
    ...(config.region ? { region: config.region } : {}),
    overrides: config.calendarOverrideFiles.map((file) => loadCalendarOverrides(file)),
  });
}

/**
 * Builds the service. Call `engine.start()` to run timers and the outbox in the background
 * (with `dispatch: 'background'`, the default, that loop is what sends notices).
 *
 * @example
 * const service = await createService({ config: loadConfig() });
 * serve({ fetch: service.app.fetch, port: service.config.port });
 */
export async function createService(options: ServiceOptions): Promise<Service> {
  const { config } = options;
  const clock = options.clock ?? { now: () => new Date().toISOString() };
  const ids = options.ids ?? createIdGenerator({ clock });
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const calendar = options.calendar ?? configuredCalendar(config);
  const workflows = createWorkflowRegistry({ calendar });
  for (const file of options.workflowFiles ?? workflowFilesIn(packageWorkflowsDir)) workflows.load(file);
  const auth = await resolveAuthKeys(config);
  const opened = options.store ? { store: options.store, description: 'the given store' } : await openStore(config);
  const { store } = opened;
  const serviceTitles = Object.fromEntries(workflows.latest().map((workflow) => [workflow.service, workflow.definition.title]));
  // The e-diary notices and journal extract are the templates the shipped workflows name; its
  // facts add, for a termination, whether the access it ends is the applicant's own.
  const sealSecret = await resolveSealSecret(config);
  const sealer = createSealer(sealSecret === undefined ? {} : { secret: sealSecret });
  const defaults = createDefaultPorts({ store, clock, ids, templates: ediaryTemplates, serviceTitles, sealer, timeZone: calendar.timeZone });
  const ports: ServicePorts = { ...defaults, facts: createEdiaryFacts({ roster: defaults.roster, store }) };
  const engine = createEngine({
    store,
    workflows,
    calendar,
    ports,
    clock,
    ids,
    // Background: a command commits once and answers; the scheduler loop (engine.start) sends its
    // notices right after. Inline: the command also waits for its effects.
    dispatch: config.dispatch === 'inline' ? 'inline' : 'scheduler',
    logger: {
      info: (fields, message) => logger.info(message, fields),
      warn: (fields, message) => logger.warn(message, fields),
      error: (fields, message) => logger.error(message, fields),
    },
  });
  const deps = { engine, store, workflows, calendar, ports, clock };
  const app = createApp({
    ...deps,
    auth,
    logger,
    metrics: new Registry(),
    corsOrigins: config.corsOrigins,
    bodyLimitBytes: config.bodyLimitBytes,
    journalLimitBytes: config.journalLimitBytes,
    version: packageVersion,
    admin: createAdminPages({ ...deps, auth, journalLimitBytes: config.journalLimitBytes }),
    documents: createDocumentApiRoutes(deps),
  });
  return {
    app,
    engine,
    store,
    storeDescription: opened.description,
    workflows,
    calendar,
    ports,
    auth,
    clock,
    logger,
    config,
    async close() {
      await engine.stop();
      if (!options.store) await store.dispose();
    },
  };
}
