/**
 * @module runtime/view
 * The view of an application callers get: the stored record plus its ЕПГУ status, terms with
 * the overdue flag at `now`, and the events its state accepts.
 */
import type { CompiledWorkflow } from '../definition/compile.js';
import { allowedEventsOf, restoreSnapshot } from '../engine/state.js';
import { isOverdue } from '../engine/terms.js';
import type { ApplicationRecord } from '../store/types.js';
import type { ApplicationView } from './types.js';

/** Term titles by name, per workflow: the same for every view of its applications. */
const titlesByWorkflow = new WeakMap<CompiledWorkflow, Map<string, string | undefined>>();

function termTitles(workflow: CompiledWorkflow): Map<string, string | undefined> {
  let titles = titlesByWorkflow.get(workflow);
  if (!titles) titlesByWorkflow.set(workflow, (titles = new Map((workflow.definition.terms ?? []).map((term) => [term.name, term.title]))));
  return titles;
}

/**
 * Builds the view of a record; pass the allowed events when the core just computed them, so
 * the snapshot need not be restored.
 *
 * @example
 * toView(workflow, record, clock.now()).terms[0].overdue // false
 */
export function toView(workflow: CompiledWorkflow, record: ApplicationRecord, now: string, allowedEvents?: string[]): ApplicationView {
  const context = ((record.snapshot as { context?: unknown } | null)?.context ?? {}) as Record<string, unknown>;
  const titles = termTitles(workflow);
  return {
    id: record.id,
    service: record.service,
    workflowVersion: record.workflowVersion,
    state: record.state,
    status: record.status,
    version: record.version,
    epguStatus: workflow.epguStatusOf(record.state.split(',')[0]!),
    school: record.school,
    applicant: record.applicant,
    pupil: record.pupil,
    channel: record.channel,
    kind: typeof context['kind'] === 'string' ? context['kind'] : null,
    documents: Array.isArray(context['documents']) ? (context['documents'] as string[]) : [],
    receivedAt: record.receivedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    terms: record.terms.map((term) => ({
      name: term.name,
      ...(titles.get(term.name) ? { title: titles.get(term.name)! } : {}),
      lastDay: term.lastDay,
      dueAt: term.dueAt,
      provisional: term.provisional,
      overdue: isOverdue(term, now),
      metAt: term.metAt,
    })),
    nextDueAt: record.nextDueAt,
    allowedEvents: allowedEvents ?? allowedEventsOf(workflow, restoreSnapshot(workflow, record.snapshot)),
    links: record.links,
  };
}
