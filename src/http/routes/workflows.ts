/**
 * @module http/routes/workflows
 * `GET /v1/workflows` (the services run here, newest versions) and `GET /v1/workflows/{service}`
 * (a definition as loaded). Public: a regulation is a public act and holds no personal data.
 */
import { Hono } from 'hono';
import type { WorkflowRegistry } from '../../definition/registry.js';
import type { CompiledWorkflow } from '../../definition/compile.js';
import workflowQuerySchema from '../schemas/workflow-query.json' with { type: 'json' };
import { queryOf } from '../validation.js';

/**
 * A workflow in short: what a client needs to drive it.
 *
 * @example
 * summarize(workflows.get('diary-access'), workflows.versions('diary-access')).events[0]; // { type: 'REGISTER', roles: ['clerk'], ... }
 */
export function summarize(workflow: CompiledWorkflow, versions: string[]) {
  const { definition } = workflow;
  return {
    service: workflow.service,
    version: workflow.version,
    versions,
    title: definition.title,
    ...(definition.description ? { description: definition.description } : {}),
    ...(definition.regulation ? { regulation: definition.regulation } : {}),
    states: [...workflow.states.states.values()]
      .filter((entry) => entry.path !== '')
      .map((entry) => ({ path: entry.path, epguStatus: workflow.epguStatusOf(entry.path), final: entry.kind === 'final' })),
    events: Object.entries(definition.events ?? {}).map(([type, spec]) => ({ type, ...(spec.title ? { title: spec.title } : {}), roles: spec.roles ?? [] })),
    terms: (definition.terms ?? []).map((term) => ({
      name: term.name,
      ...(term.title ? { title: term.title } : {}),
      ...(term.citation ? { citation: term.citation } : {}),
      ...(term.workingDays !== undefined ? { workingDays: term.workingDays } : {}),
      ...(term.calendarDays !== undefined ? { calendarDays: term.calendarDays } : {}),
    })),
    documents: definition.documents ?? {},
  };
}

/**
 * The workflow routes.
 *
 * @example
 * app.route('/v1/workflows', workflowRoutes(registry));
 */
export function workflowRoutes(workflows: WorkflowRegistry) {
  return new Hono()
    .get('/', (c) => c.json({ items: workflows.latest().map((workflow) => summarize(workflow, workflows.versions(workflow.service))) }, 200))
    .get('/:service', queryOf<{ version?: string }>(workflowQuerySchema), (c) => {
      const { version } = c.req.valid('query');
      return c.json(workflows.get(c.req.param('service'), version).definition as unknown as Record<string, unknown>, 200);
    });
}
