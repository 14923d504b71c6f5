/**
 * @module ediary/service
 * The e-diary service of Постановление № 174 as five workflows (journal extract, e-diary
 * access, termination, appeal, typo correction), their notices and the journal extract, wired
 * to an engine. The HTTP service and the CLI register the workflows through here.
 */
import { fileURLToPath } from 'node:url';
import { createCalendar } from '../calendar/calendar.js';
import type { Calendar } from '../calendar/types.js';
import { loadWorkflow } from '../definition/load.js';
import { createWorkflowRegistry, type WorkflowRegistry } from '../definition/registry.js';
import type { WorkflowDefinition, WorkflowOverrides } from '../definition/types.js';
import { createDefaultPorts, type DefaultPorts } from '../ports/defaults.js';
import type { Sealer } from '../ports/seal.js';
import type { Clock, FactsPort, IdGenerator, Template } from '../ports/types.js';
import { createEngine } from '../runtime/engine.js';
import type { Engine, EngineOptions } from '../runtime/types.js';
import type { Store } from '../store/types.js';
import { createEdiaryFacts } from './facts.js';
import { journalExtract } from './journal-extract.js';
import { ediaryNotices } from './notices.js';

/** The services (workflow ids), in the order a reader meets them. */
export const ediaryServices = ['journal-extract', 'diary-access', 'access-termination', 'appeal', 'typo-correction'] as const;
export type EdiaryServiceId = (typeof ediaryServices)[number];

/** Every template the workflows name: the notices and the journal extract. */
export const ediaryTemplates: Record<string, Template> = { ...ediaryNotices, journalExtract };

/**
 * The definition file of a service, under the package's `workflows/`.
 *
 * @example
 * loadWorkflow(ediaryWorkflowFile('appeal')).terms.map((term) => term.name) // ['registration', 'review', ...]
 */
export function ediaryWorkflowFile(service: EdiaryServiceId): string {
  return fileURLToPath(new URL(`../../workflows/${service}.json`, import.meta.url));
}

export interface EdiaryWorkflowOptions {
  /** A municipality's overrides per service (parameters such as terms, ЕПГУ names), objects or files. */
  overrides?: Partial<Record<EdiaryServiceId, WorkflowOverrides | string>>;
}

/**
 * Loads and checks the five definitions.
 *
 * @example
 * ediaryWorkflows({ overrides: { 'diary-access': { parameters: { credentialsWorkingDays: 5 } } } })
 *   .map((definition) => definition.service) // ['journal-extract', 'diary-access', ...]
 */
export function ediaryWorkflows(options: EdiaryWorkflowOptions = {}): WorkflowDefinition[] {
  return ediaryServices.map((service) => {
    const overrides = options.overrides?.[service];
    return loadWorkflow(ediaryWorkflowFile(service), overrides === undefined ? {} : { overrides });
  });
}

/**
 * Adds the five workflows to a registry (compiled with the registry's calendar).
 *
 * @example
 * const workflows = createWorkflowRegistry({ calendar });
 * registerEdiaryWorkflows(workflows);
 */
export function registerEdiaryWorkflows(registry: WorkflowRegistry, options: EdiaryWorkflowOptions = {}): WorkflowRegistry {
  for (const definition of ediaryWorkflows(options)) registry.add(definition);
  return registry;
}

export interface EdiaryServiceOptions extends EdiaryWorkflowOptions {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  /** Default: the production calendar in Asia/Yekaterinburg (Нижняя Тура). */
  calendar?: Calendar;
  logger?: EngineOptions['logger'];
  dispatch?: EngineOptions['dispatch'];
  /**
   * Seals the one-time access code in its notice. Give one built from a kept secret
   * (`createSealer({ secret })`); the default key lives only as long as the process.
   */
  sealer?: Sealer;
}

export interface EdiaryRuntime {
  calendar: Calendar;
  workflows: WorkflowRegistry;
  ports: Omit<DefaultPorts, 'facts'> & { facts: FactsPort };
  engine: Engine;
}

/**
 * The whole service on one store: calendar, workflows, default ports with the e-diary
 * templates and facts, and the engine.
 *
 * @example
 * const { engine, ports } = createEdiaryService({ store, clock, ids });
 * await ports.roster.importCsv('school,pupil,grade,applicant\nschool-1,pupil-1,5А,parent-1\n');
 * await engine.submit({ service: 'journal-extract', school: 'school-1', applicant: 'parent-1', pupil: 'pupil-1',
 *   channel: 'personal', documents: ['application', 'identity'], data: { information: 'currentProgress' } }, { actor });
 */
export function createEdiaryService(options: EdiaryServiceOptions): EdiaryRuntime {
  const { store, clock, ids } = options;
  const calendar = options.calendar ?? createCalendar({ timeZone: 'Asia/Yekaterinburg' });
  const workflows = registerEdiaryWorkflows(createWorkflowRegistry({ calendar }), options);
  const serviceTitles = Object.fromEntries(workflows.latest().map((workflow) => [workflow.service, workflow.definition.title]));
  const defaults = createDefaultPorts({ store, clock, ids, templates: ediaryTemplates, serviceTitles, timeZone: calendar.timeZone, ...(options.sealer ? { sealer: options.sealer } : {}) });
  const ports = { ...defaults, facts: createEdiaryFacts({ roster: defaults.roster, store }) };
  const engine = createEngine({
    store,
    workflows,
    ports,
    clock,
    ids,
    calendar,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.dispatch ? { dispatch: options.dispatch } : {}),
  });
  return { calendar, workflows, ports, engine };
}
