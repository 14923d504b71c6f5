/**
 * @module runtime/commit
 * One command as one atomic write: the new record, its history entry, the timers scheduled or
 * cancelled and the outbox effects with their idempotency keys.
 */
import { isOutboxEffect } from '../engine/effects.js';
import type { StepResult } from '../engine/step.js';
import type { Actor, ApplicationRecord, CommitCommand, HistoryEntry } from '../store/types.js';

/** Event fields that may carry personal data; they are not kept in the history. */
const personalFields = new Set(['name', 'fullName', 'firstName', 'lastName', 'middleName', 'patronymic', 'phone', 'email', 'address', 'passport', 'birthDate', 'snils']);

/** The event as the history keeps it: without fields that name or reach a person. */
export function historyEvent(event: { type: string; [key: string]: unknown }): { type: string; [key: string]: unknown } {
  const kept: { type: string; [key: string]: unknown } = { type: event.type };
  for (const key of Object.keys(event)) if (!personalFields.has(key)) kept[key] = event[key];
  return kept;
}

export interface CommitInput {
  previous: ApplicationRecord | null;
  base: Omit<ApplicationRecord, 'state' | 'status' | 'version' | 'snapshot' | 'terms' | 'nextDueAt' | 'updatedAt'>;
  step: StepResult;
  event: { type: string; [key: string]: unknown };
  actor: Actor;
  now: string;
  idempotencyKey?: string;
  firedTimer?: string;
}

/**
 * Builds the store command of one engine command (the idempotency result is added by the caller).
 *
 * @example
 * const command = buildCommit({ previous: record, base: record, step, event, actor, now });
 * await store.commit({ ...command, idempotency: { key, result: view } });
 */
export function buildCommit({ previous, base, step, event, actor, now, firedTimer }: CommitInput): CommitCommand {
  const version = (previous?.version ?? 0) + 1;
  const application: ApplicationRecord = {
    ...base,
    state: step.state,
    status: step.status,
    version,
    snapshot: step.snapshot,
    terms: step.terms,
    nextDueAt: step.nextDueAt,
    updatedAt: now,
  };
  const history: HistoryEntry = {
    applicationId: base.id,
    version,
    at: now,
    actor,
    event: historyEvent(event),
    from: previous?.state ?? null,
    to: step.state,
    ruleResults: step.ruleResults,
  };
  const command: CommitCommand = { application, expectedVersion: version - 1, history, scheduleTimers: [], cancelTimers: [], outbox: [] };
  let n = 0;
  for (const effect of step.effects) {
    if (effect.type === 'scheduleTimer') {
      command.scheduleTimers = command.scheduleTimers.filter((timer) => timer.id !== effect.id);
      command.cancelTimers = command.cancelTimers.filter((id) => id !== effect.id);
      command.scheduleTimers.push({ id: effect.id, applicationId: base.id, dueAt: effect.dueAt, event: effect.event, leaseOwner: null, leaseUntil: null });
    } else if (effect.type === 'cancelTimer') {
      command.scheduleTimers = command.scheduleTimers.filter((timer) => timer.id !== effect.id);
      if (effect.id !== firedTimer && !command.cancelTimers.includes(effect.id)) command.cancelTimers.push(effect.id);
    } else if (isOutboxEffect(effect)) {
      command.outbox.push({ id: `${base.id}:${version}:${n++}`, applicationId: base.id, effect: { ...effect }, createdAt: now, attempts: 0, availableAt: now, leaseOwner: null, leaseUntil: null, lastError: null, dispatchedAt: null });
    }
  }
  if (firedTimer) command.firedTimer = firedTimer;
  return command;
}
