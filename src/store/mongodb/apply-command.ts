/**
 * @module store/mongodb/apply-command
 * The pure heart of a commit: given the stored application document (or none) and one engine
 * command, decide whether it is a duplicate, a version conflict, or which whole new document to
 * write. The adapter then writes that document with one conditional single-document operation.
 */
import type { CommitCommand, StoredCommand } from '../types.js';
import {
  recordFields,
  toOutboxEntry,
  toStoredCommand,
  toTimerEntry,
  type ApplicationDocument,
} from './documents.js';
import { outboxClaimableAt, timerClaimableAt } from './leases.js';

export type CommitDecision =
  | { kind: 'write'; document: ApplicationDocument }
  | { kind: 'duplicate'; command: StoredCommand }
  | { kind: 'conflict'; reason: string };

/**
 * What `command` does to `current` (null: the application does not exist yet). `writer` is the
 * token of the commit call, stored so that a retry of the same call recognises its own write.
 *
 * @example
 * const decision = decideCommit(null, makeCommit(makeApplication()), 'w-1');
 * decision.kind; // 'write'
 */
export function decideCommit(current: ApplicationDocument | null, command: CommitCommand, writer: string): CommitDecision {
  const key = command.idempotency?.key;
  if (current && key !== undefined) {
    const stored = toStoredCommand(current, key);
    if (stored) return { kind: 'duplicate', command: stored };
  }
  if (command.expectedVersion === 0) {
    if (current) return { kind: 'conflict', reason: 'the application already exists' };
  } else if (!current) {
    return { kind: 'conflict', reason: 'the application does not exist' };
  } else if (current.version !== command.expectedVersion) {
    return { kind: 'conflict', reason: `stored version ${current.version}, expected ${command.expectedVersion}` };
  }
  const timers = current?.timers ?? [];
  if (command.firedTimer !== undefined && !timers.some((timer) => timer.id === command.firedTimer)) {
    return { kind: 'conflict', reason: 'the fired timer no longer exists' };
  }

  const removed = new Set(command.cancelTimers);
  if (command.firedTimer !== undefined) removed.add(command.firedTimer);
  const scheduled = new Map(command.scheduleTimers.map((timer) => [timer.id, toTimerEntry(timer)]));
  const nextTimers = [
    ...timers.filter((timer) => !removed.has(timer.id) && !scheduled.has(timer.id)),
    ...scheduled.values(),
  ];

  const outbox = current?.outbox ?? [];
  const known = new Set(outbox.map((entry) => entry.id));
  const nextOutbox = [...outbox];
  for (const record of command.outbox) {
    if (known.has(record.id)) continue;
    known.add(record.id);
    nextOutbox.push(toOutboxEntry(record));
  }

  const commands = current?.commands ?? [];
  const nextCommands = command.idempotency
    ? [
        ...commands,
        {
          key: command.idempotency.key,
          version: command.application.version,
          result: JSON.stringify(command.idempotency.result ?? null),
          at: command.history.at,
        },
      ]
    : commands;

  return {
    kind: 'write',
    document: {
      ...recordFields(command.application),
      rev: (current?.rev ?? 0) + 1,
      writtenBy: writer,
      history: [...(current?.history ?? []), JSON.stringify(command.history)],
      timers: nextTimers,
      timerClaimableAt: timerClaimableAt(nextTimers),
      outbox: nextOutbox,
      outboxClaimableAt: outboxClaimableAt(nextOutbox),
      commands: nextCommands,
    },
  };
}
