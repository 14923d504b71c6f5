/**
 * @module engine/step
 * The pure core: (application, event, facts, now) → next snapshot, effects, rule results.
 * Built on xstate's pure `initialTransition()` / `transition()`; no I/O, never reads the clock.
 * Entry/exit markers in the compiled machine tell which states were entered, in order, so
 * terms start and are met, workflow timers are scheduled or cancelled and notices go out.
 */
import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import { systemEvents } from '../definition/builtins.js';
import type { CompiledWorkflow } from '../definition/compile.js';
import { ReglamentError } from '../errors.js';
import type { Facts } from '../rules/compile.js';
import type { RuleResult, TermRecord } from '../store/types.js';
import type { Effect } from './effects.js';
import { buildFacts, type ApplicationFacts } from './facts.js';
import { allowedEventsOf, rememberSnapshot, restoreSnapshot, statePath } from './state.js';
import { meetTerm, nextDueAt, putTerm, scheduleWorkflowTimer, startTerm, termAppliesTo } from './terms.js';

/** An application as the core sees it. */
export interface CoreApplication {
  application: ApplicationFacts;
  /** Persisted XState snapshot (plain JSON). */
  snapshot: unknown;
  terms: TermRecord[];
}

export interface StepResult {
  /** Persisted XState snapshot (plain JSON) to store. */
  snapshot: unknown;
  state: string;
  status: 'open' | 'closed';
  epguStatus: string;
  terms: TermRecord[];
  nextDueAt: string | null;
  effects: Effect[];
  /** Every rule consulted in this command, in the order consulted. */
  ruleResults: RuleResult[];
  /** Events the new state accepts (guards not evaluated). */
  allowedEvents: string[];
}

export type EngineEvent = { type: string; [key: string]: unknown };

interface Executable {
  type: string;
  params?: Record<string, unknown>;
  info?: { context?: unknown; event?: unknown };
}

function interpret(workflow: CompiledWorkflow, id: string, channel: string | null | undefined, actions: Executable[], ruleResults: RuleResult[], terms: TermRecord[], now: string): { terms: TermRecord[]; effects: Effect[] } {
  const effects: Effect[] = [];
  const grounds = ruleResults.filter((result) => result.applies);
  let current = terms;
  for (const action of actions) {
    const params = action.params ?? {};
    if (action.type === '$enter') {
      const path = String(params['state']);
      for (const term of workflow.termsUntil.get(path) ?? []) {
        const met = meetTerm(current, id, term.name, now, term.reminder !== undefined);
        current = met.terms;
        effects.push(...met.effects);
      }
      for (const term of workflow.termsFrom.get(path) ?? []) {
        if (term.from === 'received' || !termAppliesTo(term, channel)) continue;
        const started = startTerm(workflow.calendar!, id, term, now, false);
        current = putTerm(current, started.record);
        effects.push(...started.effects);
      }
      for (const timer of workflow.timersIn.get(path) ?? []) effects.push(scheduleWorkflowTimer(workflow.calendar!, id, timer, now));
      for (const notice of workflow.noticesOn.get(path) ?? []) {
        effects.push({ type: 'notify', template: notice.template, to: notice.to ?? 'applicant', state: path, epguStatus: workflow.epguStatusOf(path), grounds, ...(notice.document ? { document: notice.document } : {}) });
      }
    } else if (action.type === '$exit') {
      for (const timer of workflow.timersIn.get(String(params['state'])) ?? []) effects.push({ type: 'cancelTimer', id: `${id}:timer:${timer.name}` });
    } else if (workflow.effectProducers.has(action.type)) {
      const produced = workflow.effectProducers.get(action.type)!({ context: action.info?.context, event: action.info?.event }, action.params);
      if (produced) effects.push(...((Array.isArray(produced) ? produced : [produced]) as Effect[]));
    } else if (action.type === 'notify') {
      const state = String(params['state'] ?? '');
      effects.push({ type: 'notify', template: String(params['template']), to: (params['to'] as 'applicant') ?? 'applicant', state, epguStatus: workflow.epguStatusOf(state), grounds });
    } else if (['provisionAccess', 'revokeAccess', 'renderDocument', 'startApplication', 'signalApplication', 'destroyPersonalData'].includes(action.type)) {
      effects.push({ ...params, type: action.type } as Effect);
    }
  }
  return { terms: current, effects };
}

function result(workflow: CompiledWorkflow, id: string, snapshot: AnyMachineSnapshot, terms: TermRecord[], effects: Effect[], ruleResults: RuleResult[], now: string): StepResult {
  const state = statePath(snapshot.value);
  if (snapshot.status !== 'active') {
    // A closed application runs no terms: the open ones end with it, their timers go.
    for (const term of terms.filter((item) => item.metAt === null)) {
      const ended = meetTerm(terms, id, term.name, now, workflow.definition.terms?.find((spec) => spec.name === term.name)?.reminder !== undefined);
      terms = ended.terms;
      effects = [...effects, ...ended.effects];
    }
  }
  const persisted = workflow.machine.getPersistedSnapshot(snapshot);
  rememberSnapshot(workflow, persisted, snapshot);
  return {
    snapshot: persisted,
    state,
    status: snapshot.status === 'active' ? 'open' : 'closed',
    epguStatus: workflow.epguStatusOf(state.split(',')[0]!),
    terms,
    nextDueAt: snapshot.status === 'active' ? nextDueAt(terms) : null,
    effects,
    ruleResults,
    allowedEvents: allowedEventsOf(workflow, snapshot),
  };
}

/**
 * Starts an application: the initial state, terms counted from the receipt, first effects.
 *
 * @example
 * const first = startWorkflow(workflow, { id: 'a1', service: 'diary-access', receivedAt }, { kind: 'access', documents: ['application'] }, facts, now);
 * first.state // 'received'
 */
export function startWorkflow(workflow: CompiledWorkflow, application: ApplicationFacts, input: Record<string, unknown>, facts: Facts, now: string): StepResult {
  const evaluation = { facts: buildFacts(application, input, { type: 'submit' }, facts), consulted: new Map<string, RuleResult>() };
  const [snapshot, actions] = workflow.withEvaluation(evaluation, () => workflow.initialTransition(input));
  let terms: TermRecord[] = [];
  const effects: Effect[] = [];
  for (const term of workflow.termsFrom.get('received') ?? []) {
    if (!termAppliesTo(term, application.channel)) continue;
    const started = startTerm(workflow.calendar!, application.id, term, application.receivedAt, true);
    terms = putTerm(terms, started.record);
    effects.push(...started.effects);
  }
  const ruleResults = [...evaluation.consulted.values()];
  const interpreted = interpret(workflow, application.id, application.channel, actions as Executable[], ruleResults, terms, now);
  return result(workflow, application.id, snapshot as AnyMachineSnapshot, interpreted.terms, [...effects, ...interpreted.effects], ruleResults, now);
}

function termEvent(workflow: CompiledWorkflow, current: CoreApplication, event: EngineEvent): { effects: Effect[] } {
  const term = current.terms.find((item) => item.name === event['term']);
  if (!term || term.metAt !== null) return { effects: [] };
  const spec = workflow.definition.terms?.find((item) => item.name === term.name);
  const template = spec?.notice ?? (event.type === systemEvents.reminder ? 'termReminder' : 'termOverdue');
  return { effects: [{ type: 'notify', template, to: 'staff', state: '', epguStatus: '', grounds: [], term: { name: term.name, lastDay: term.lastDay, dueAt: term.dueAt } }] };
}

/**
 * Applies one event. Throws EVENT_NOT_ALLOWED (details.allowed) when the state does not accept
 * it or every guarded transition refuses, INVALID_INPUT when the payload breaks its schema.
 *
 * @example
 * const next = applyEvent(workflow, { application, snapshot, terms }, { type: 'REGISTER' }, facts, '2025-04-30T05:00:00.000Z');
 * next.effects // [{ type: 'notify', template: 'registered', ... }, { type: 'scheduleTimer', ... }]
 */
export function applyEvent(workflow: CompiledWorkflow, current: CoreApplication, event: EngineEvent, facts: Facts, now: string): StepResult {
  const snapshot = restoreSnapshot(workflow, current.snapshot);
  const isTermEvent = event.type === systemEvents.reminder || event.type === systemEvents.overdue;
  const allowed = allowedEventsOf(workflow, snapshot);
  const handled = snapshot.status === 'active' && (isTermEvent ? getNextTransitions(snapshot).some((item) => item.eventType === event.type) : allowed.includes(event.type));
  if (!handled && !isTermEvent) {
    throw new ReglamentError('EVENT_NOT_ALLOWED', `event ${event.type} is not allowed in state ${statePath(snapshot.value)}`, { details: { event: event.type, state: statePath(snapshot.value), allowed } });
  }
  const validate = workflow.payloads.get(event.type);
  if (validate && !validate(Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'type')))) {
    const first = validate.errors?.[0];
    throw new ReglamentError('INVALID_INPUT', `event ${event.type}: ${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`, { path: first?.instancePath || '/', details: { event: event.type } });
  }
  const extra = isTermEvent ? termEvent(workflow, current, event).effects : [];
  if (!handled) return result(workflow, current.application.id, snapshot, current.terms, extra, [], now);
  const context = snapshot.context as Record<string, unknown>;
  const evaluation = { facts: buildFacts(current.application, context, event, facts), consulted: new Map<string, RuleResult>() };
  const [next, actions] = workflow.withEvaluation(evaluation, () => workflow.transition(snapshot, event));
  const ruleResults = [...evaluation.consulted.values()];
  if (next === snapshot && !isTermEvent) {
    throw new ReglamentError('EVENT_NOT_ALLOWED', `event ${event.type} changes nothing in state ${statePath(snapshot.value)}: its conditions are not met`, {
      details: { event: event.type, state: statePath(snapshot.value), allowed, ruleResults },
    });
  }
  const interpreted = interpret(workflow, current.application.id, current.application.channel, actions as Executable[], ruleResults, current.terms, now);
  return result(workflow, current.application.id, next as AnyMachineSnapshot, interpreted.terms, [...extra, ...interpreted.effects], ruleResults, now);
}
