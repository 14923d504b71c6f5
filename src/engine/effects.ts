/**
 * @module engine/effects
 * Effects are data: what the pure core asks the runtime to do after the commit. Timers are
 * written with the commit itself; every other effect goes to the outbox and is dispatched at
 * least once, with an idempotency key, to a port.
 */
import type { RuleResult } from '../store/types.js';

export interface ScheduleTimerEffect {
  type: 'scheduleTimer';
  /** Unique per application and purpose, e.g. `<id>:term:credentials:overdue`. */
  id: string;
  /** Absolute instant (UTC ISO), from the calendar. */
  dueAt: string;
  event: { type: string; [key: string]: unknown };
}

export interface CancelTimerEffect {
  type: 'cancelTimer';
  id: string;
}

export interface NotifyEffect {
  type: 'notify';
  /** Notice template, e.g. 'refusal'. */
  template: string;
  to: 'applicant' | 'staff' | 'department';
  /** The state entered (or the term concerned). */
  state: string;
  epguStatus: string;
  /** Rules that apply in this command (e.g. refusal grounds), with citations and reasons. */
  grounds: RuleResult[];
  /** A document template rendered and attached. */
  document?: string;
  term?: { name: string; lastDay: string; dueAt: string };
}

export interface ProvisionAccessEffect {
  type: 'provisionAccess';
  system?: string;
}

export interface RevokeAccessEffect {
  type: 'revokeAccess';
  reason?: string;
}

export interface RenderDocumentEffect {
  type: 'renderDocument';
  template: string;
}

export interface StartApplicationEffect {
  type: 'startApplication';
  service: string;
  relation?: string;
  input?: Record<string, unknown>;
}

export interface SignalApplicationEffect {
  type: 'signalApplication';
  /** Linked applications with this relation get the event; all linked ones when omitted. */
  relation?: string;
  event: string;
}

export interface DestroyPersonalDataEffect {
  type: 'destroyPersonalData';
}

export type Effect =
  | ScheduleTimerEffect
  | CancelTimerEffect
  | NotifyEffect
  | ProvisionAccessEffect
  | RevokeAccessEffect
  | RenderDocumentEffect
  | StartApplicationEffect
  | SignalApplicationEffect
  | DestroyPersonalDataEffect;

/** Effects that go to the outbox (everything but timers). */
export type OutboxEffect = Exclude<Effect, ScheduleTimerEffect | CancelTimerEffect>;

/** True for effects the runtime writes to the outbox rather than the timers table. */
export function isOutboxEffect(effect: Effect): effect is OutboxEffect {
  return effect.type !== 'scheduleTimer' && effect.type !== 'cancelTimer';
}
