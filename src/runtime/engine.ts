/**
 * @module runtime/engine
 * The effectful shell around the pure core: load the record, gather facts, run the core,
 * commit snapshot + history + timers + outbox in one write (optimistic version, idempotency
 * key), then dispatch the outbox. Timers fire through leases, each once, across processes.
 */
import { randomUUID } from 'node:crypto';
import type { CompiledWorkflow } from '../definition/compile.js';
import { applyEvent, startWorkflow, type StepResult } from '../engine/step.js';
import { ReglamentError } from '../errors.js';
import type { ApplicationParties } from '../ports/types.js';
import type { Actor, ApplicationRecord, CommitCommand } from '../store/types.js';
import { buildCommit } from './commit.js';
import { createGroupCommit } from './group-commit.js';
import { replayedView, storedResult } from './idempotency.js';
import { createOutboxDispatcher } from './outbox.js';
import { createTimerRunner } from './timers.js';
import { signalRosterChanges } from './roster-signals.js';
import { createScheduler } from './scheduler.js';
import { checkSubmission, kindOf } from './submission.js';
import type { ApplicationView, Engine, EngineOptions } from './types.js';
import { toView } from './view.js';

const silent = { info() {}, warn() {}, error() {} };
const scheduler: Actor = { id: 'scheduler', role: 'system' };
/** Timer events (`term.overdue`, `term.reminder`) and XState's own come from the engine, never from a person. */
const isSystemEvent = (type: string) => type.startsWith('term.') || type.startsWith('xstate.');
const defaultRosterEvents = { graduated: 'PUPIL_GRADUATED', transferred: 'PUPIL_TRANSFERRED', expelled: 'PUPIL_EXPELLED', representativeRemoved: 'REPRESENTATIVE_REMOVED' };

/**
 * Creates the engine.
 *
 * @example
 * const engine = createEngine({ store, workflows, ports: createDefaultPorts({ store, clock, ids }), clock, ids });
 * const application = await engine.submit({ service: 'diary-access', applicant: 'u1', pupil: 'p1', school: 's1', documents: ['application'] }, { actor });
 * await engine.send(application.id, { type: 'REGISTER' }, { actor, expectedVersion: application.version });
 */
export function createEngine(options: EngineOptions): Engine {
  const { store, workflows, ports = {}, logger = silent, dispatch = 'inline', leaseMs = 30_000 } = options;
  const clock = options.clock ?? { now: () => new Date().toISOString() };
  const ids = options.ids ?? { next: () => randomUUID() };
  const owner = options.owner ?? `engine-${ids.next()}`;
  const rosterEvents = { ...defaultRosterEvents, ...options.rosterEvents };
  const commitToStore = options.groupCommit === false ? (command: CommitCommand) => store.commit(command) : createGroupCommit(store);

  const workflowOf = (record: ApplicationRecord): CompiledWorkflow => workflows.get(record.service, record.workflowVersion);
  const partiesOf = (record: Pick<ApplicationRecord, 'id' | 'service' | 'school' | 'applicant' | 'pupil'>): ApplicationParties => ({
    applicationId: record.id,
    service: record.service,
    school: record.school,
    applicant: record.applicant,
    pupil: record.pupil,
  });
  /** False when no rule could read port facts: the command then skips a round trip. */
  const needsFacts = (workflow: CompiledWorkflow): boolean => ports.facts !== undefined && workflow.rules.ids.length > 0;
  async function factsFor(workflow: CompiledWorkflow, parties: ApplicationParties) {
    return needsFacts(workflow) ? ports.facts!.factsFor(parties) : {};
  }
  async function load(id: string): Promise<ApplicationRecord> {
    const record = await store.getApplication(id);
    if (!record) throw new ReglamentError('APPLICATION_NOT_FOUND', `no application ${id}`, { details: { id } });
    return record;
  }
  /**
   * Records this engine committed last, by id. A command starts from one instead of reading the
   * store; if another process moved the application on, the commit's version check fails and
   * the command is computed again from the stored record.
   */
  const recent = new Map<string, ApplicationRecord>();
  function remember(record: ApplicationRecord): void {
    recent.delete(record.id);
    recent.set(record.id, record);
    if (recent.size > 1000) recent.delete(recent.keys().next().value!);
  }

  /** Commits, returns the view (the first one on a duplicate key), dispatches after. */
  async function commit(workflow: CompiledWorkflow, command: CommitCommand, step: StepResult, idempotencyKey?: string, fingerprint?: string): Promise<ApplicationView> {
    // The view at the command's own instant: its terms' overdue flags as of the command.
    const view = toView(workflow, command.application, command.history.at, step.allowedEvents);
    let outcome;
    try {
      outcome = await commitToStore(idempotencyKey ? { ...command, idempotency: { key: idempotencyKey, result: storedResult(view, fingerprint) } } : command);
    } catch (error) {
      recent.delete(command.application.id);
      throw error;
    }
    if (outcome.status === 'duplicate') return replayedView(outcome.command, fingerprint);
    remember(command.application);
    if (dispatch === 'inline' && command.outbox.length > 0) await dispatchOutbox().catch((error) => logger.error({ err: String(error) }, 'outbox dispatch failed'));
    return view;
  }
  async function replay(idempotencyKey: string | undefined, fingerprint?: string): Promise<ApplicationView | null> {
    if (!idempotencyKey) return null;
    const stored = await store.findCommand(idempotencyKey);
    return stored ? replayedView(stored, fingerprint) : null;
  }

  async function submit(submission: Parameters<Engine['submit']>[0], { actor, idempotencyKey, fingerprint }: Parameters<Engine['submit']>[1]): Promise<ApplicationView> {
    try {
      return await submitOnce(submission, actor, idempotencyKey, fingerprint);
    } catch (error) {
      // A retry whose first attempt was committed returns the first result, whatever fails now.
      const again = await replay(idempotencyKey, fingerprint);
      if (again) return again;
      throw error;
    }
  }

  async function submitOnce(submission: Parameters<Engine['submit']>[0], actor: Actor, idempotencyKey: string | undefined, fingerprint: string | undefined): Promise<ApplicationView> {
    checkSubmission(null, submission);
    const workflow = workflows.get(submission.service, submission.version);
    checkSubmission(workflow, submission);
    const now = clock.now();
    const base = {
      id: ids.next(),
      service: workflow.service,
      workflowVersion: workflow.version,
      school: submission.school ?? null,
      applicant: submission.applicant ?? null,
      pupil: submission.pupil ?? null,
      channel: submission.channel ?? null,
      receivedAt: submission.receivedAt ? new Date(submission.receivedAt).toISOString() : now,
      createdAt: now,
      links: submission.links ?? [],
    };
    const kind = kindOf(workflow, submission);
    const input = { kind, documents: submission.documents ?? [], data: submission.data ?? {}, channel: base.channel };
    const facts = await factsFor(workflow, partiesOf(base));
    const step = startWorkflow(workflow, { ...base, kind }, input, facts, now);
    const event = { type: 'submit', kind, documents: input.documents, channel: base.channel };
    const command = buildCommit({ previous: null, base, step, event, actor, now });
    return commit(workflow, command, step, idempotencyKey, fingerprint);
  }

  async function apply(record: ApplicationRecord, event: { type: string; [key: string]: unknown }, actor: Actor, firedTimer?: string): Promise<{ workflow: CompiledWorkflow; step: StepResult; command: CommitCommand }> {
    const workflow = workflowOf(record);
    const now = clock.now();
    const facts = needsFacts(workflow) ? await factsFor(workflow, partiesOf(record)) : {};
    const kind = (record.snapshot as { context?: { kind?: string } })?.context?.kind ?? null;
    const step = applyEvent(workflow, { application: { ...record, kind }, snapshot: record.snapshot, terms: record.terms }, event, facts, now);
    const command = buildCommit({ previous: record, base: record, step, event, actor, now, ...(firedTimer ? { firedTimer } : {}) });
    return { workflow, step, command };
  }

  async function send(id: string, event: { type: string; [key: string]: unknown }, options: Parameters<Engine['send']>[2]): Promise<ApplicationView> {
    try {
      return await sendOnce(id, event, options);
    } catch (error) {
      // A retry whose first attempt was committed returns the first result, even though the
      // state has moved on since (the commit itself also refuses a used key).
      const again = await replay(options.idempotencyKey, options.fingerprint);
      if (again) return again;
      throw error;
    }
  }

  async function sendOnce(id: string, event: { type: string; [key: string]: unknown }, options: Parameters<Engine['send']>[2]): Promise<ApplicationView> {
    if (typeof event?.type !== 'string' || event.type === '') throw new ReglamentError('INVALID_INPUT', 'event: /type is required', { path: '/type' });
    if (isSystemEvent(event.type) && options.actor.role !== 'system') throw new ReglamentError('FORBIDDEN', `${event.type} is sent by the engine itself, not by a person`, { path: '/type' });
    const cached = options.current?.id === id ? options.current : recent.get(id);
    if (cached && (options.expectedVersion === undefined || cached.version === options.expectedVersion)) {
      try {
        return await sendFrom(cached, event, options);
      } catch {
        // A remembered record may be stale (another process moved the application on):
        // whatever went wrong, decide again from the stored record.
        recent.delete(id);
      }
    }
    return sendFrom(await load(id), event, options);
  }

  async function sendFrom(record: ApplicationRecord, event: { type: string; [key: string]: unknown }, { actor, idempotencyKey, expectedVersion, fingerprint }: Parameters<Engine['send']>[2]): Promise<ApplicationView> {
    if (expectedVersion !== undefined && record.version !== expectedVersion) {
      throw new ReglamentError('VERSION_CONFLICT', `application ${record.id} is at version ${record.version}, not ${expectedVersion}`, { details: { expected: expectedVersion, actual: record.version } });
    }
    const roles = workflowOf(record).definition.events?.[event.type]?.roles;
    if (roles && !roles.includes(actor.role) && actor.role !== 'admin' && actor.role !== 'system') {
      throw new ReglamentError('FORBIDDEN', `role ${actor.role} may not send ${event.type}`, { details: { event: event.type, roles } });
    }
    const { workflow, step, command } = await apply(record, event, actor);
    return commit(workflow, command, step, idempotencyKey, fingerprint);
  }

  const runDueTimers = createTimerRunner({
    store,
    clock,
    logger,
    owner,
    leaseMs,
    apply: (record, timer) => apply(record, timer.event, scheduler, timer.id),
    consume(record, timer) {
      const workflow = workflowOf(record);
      const step: StepResult = { snapshot: record.snapshot, state: record.state, status: record.status, epguStatus: workflow.epguStatusOf(record.state), terms: record.terms, nextDueAt: record.nextDueAt, effects: [], ruleResults: [], allowedEvents: toView(workflow, record, clock.now()).allowedEvents };
      return { workflow, step, command: buildCommit({ previous: record, base: record, step, event: { ...timer.event, ignored: true }, actor: scheduler, now: clock.now(), firedTimer: timer.id }) };
    },
    commit: (built) => commit(built.workflow, built.command, built.step),
  });

  const dispatchOutbox = createOutboxDispatcher({ store, context: { store, ports, submit, send }, clock, logger, owner, leaseMs });
  const applyRosterChanges = (changes: Parameters<Engine['applyRosterChanges']>[0]) =>
    signalRosterChanges({ store, events: rosterEvents, send, allowedEvents: (record, at) => toView(workflowOf(record), record, at).allowedEvents }, changes);

  const loop = createScheduler(async () => {
    await runDueTimers();
    await dispatchOutbox();
  }, logger);

  return {
    owner,
    submit,
    send,
    async get(id) {
      const record = await load(id);
      return toView(workflowOf(record), record, clock.now());
    },
    async history(id) {
      await load(id);
      return store.getHistory(id);
    },
    async list(query = {}) {
      const page = await store.listApplications(query);
      const now = clock.now();
      return { items: page.items.map((record) => toView(workflowOf(record), record, now)), nextCursor: page.nextCursor };
    },
    async allowedEvents(id, actor) {
      const record = await load(id);
      const workflow = workflowOf(record);
      const all = toView(workflow, record, clock.now()).allowedEvents;
      if (!actor || actor.role === 'admin' || actor.role === 'system') return all;
      return all.filter((type) => workflow.definition.events?.[type]?.roles?.includes(actor.role) ?? true);
    },
    runDueTimers,
    dispatchOutbox,
    applyRosterChanges,
    start: loop.start,
    stop: loop.stop,
  };
}
