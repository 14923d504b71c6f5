/**
 * @module definition/registry
 * Several versions of each service, compiled once. An application keeps the version it
 * started with; adding a new version changes nothing for applications in flight.
 */
import type { Calendar } from '../calendar/types.js';
import { ReglamentError } from '../errors.js';
import { compileWorkflow, type CompiledWorkflow, type WorkflowImplementations } from './compile.js';
import { loadWorkflow, type LoadOptions } from './load.js';
import type { WorkflowDefinition } from './types.js';

export interface WorkflowRegistryOptions {
  /** Counts terms and timers of every workflow added. */
  calendar?: Calendar;
  /** Injected code shared by all workflows (a workflow's own is merged over it). */
  implementations?: WorkflowImplementations;
}

export interface WorkflowRegistry {
  /** Loads, checks and compiles a definition file or object; returns the compiled workflow. */
  load(source: string | object, options?: LoadOptions): CompiledWorkflow;
  /** Adds an already loaded definition. The same service and version twice: INVALID_DEFINITION. */
  add(definition: WorkflowDefinition, implementations?: WorkflowImplementations): CompiledWorkflow;
  /** The given version, or the newest when `version` is omitted. WORKFLOW_NOT_FOUND otherwise. */
  get(service: string, version?: string): CompiledWorkflow;
  has(service: string, version?: string): boolean;
  /** Versions of a service, oldest first. */
  versions(service: string): string[];
  /** Service ids. */
  services(): string[];
  /** The newest version of each service. */
  latest(): CompiledWorkflow[];
}

const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function merge(base: WorkflowImplementations = {}, own: WorkflowImplementations = {}): WorkflowImplementations {
  return { guards: { ...base.guards, ...own.guards }, actions: { ...base.actions, ...own.actions } };
}

/**
 * Creates a registry of compiled workflows.
 *
 * @example
 * const workflows = createWorkflowRegistry({ calendar });
 * workflows.load('workflows/diary-access.json');
 * workflows.get('diary-access').version // '1.0.0'
 */
export function createWorkflowRegistry(options: WorkflowRegistryOptions = {}): WorkflowRegistry {
  const services = new Map<string, Map<string, CompiledWorkflow>>();
  function add(definition: WorkflowDefinition, implementations?: WorkflowImplementations): CompiledWorkflow {
    const versions = services.get(definition.service) ?? new Map<string, CompiledWorkflow>();
    if (versions.has(definition.version)) {
      throw new ReglamentError('INVALID_DEFINITION', `${definition.service} ${definition.version} is already registered: give the new definition a new version`, { path: '/version' });
    }
    const compiled = compileWorkflow(definition, { implementations: merge(options.implementations, implementations), ...(options.calendar ? { calendar: options.calendar } : {}) });
    versions.set(definition.version, compiled);
    services.set(definition.service, versions);
    return compiled;
  }
  function versionsOf(service: string): string[] {
    return [...(services.get(service)?.keys() ?? [])].sort(byVersion);
  }
  function get(service: string, version?: string): CompiledWorkflow {
    const versions = services.get(service);
    const chosen = version ?? versionsOf(service).at(-1);
    const workflow = chosen === undefined ? undefined : versions?.get(chosen);
    if (!workflow) {
      throw new ReglamentError('WORKFLOW_NOT_FOUND', version ? `no workflow ${service} version ${version}` : `no workflow ${service}`, { details: { service, ...(version ? { version } : {}) } });
    }
    return workflow;
  }
  return {
    load(source, loadOptions = {}) {
      const implementations = merge(options.implementations, loadOptions.implementations);
      return add(loadWorkflow(source, { ...loadOptions, implementations }), loadOptions.implementations);
    },
    add,
    get,
    has: (service, version) => (version === undefined ? services.has(service) : services.get(service)?.has(version) === true),
    versions: versionsOf,
    services: () => [...services.keys()].sort(),
    latest: () => [...services.keys()].sort().map((service) => get(service)),
  };
}
