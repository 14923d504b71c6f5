/**
 * @module runtime/timers
 * Firing stored timers: lease the due ones, then fire each through a commit that consumes it
 * (`firedTimer`), so two processes on one store fire each timer once. A timer event the state
 * no longer takes is consumed with a history entry and no change. Timers of different
 * applications fire concurrently (their commits are grouped); one application's, in order.
 */
import type { CompiledWorkflow } from '../definition/compile.js';
import type { StepResult } from '../engine/step.js';
import { isReglamentError } from '../errors.js';
import type { Clock } from '../ports/types.js';
import type { ApplicationRecord, CommitCommand, Store, TimerRecord } from '../store/types.js';
import type { Logger } from './types.js';

/** One computed command, ready to commit. */
export interface BuiltCommand {
  workflow: CompiledWorkflow;
  step: StepResult;
  command: CommitCommand;
}

export interface TimerRunnerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  owner: string;
  leaseMs: number;
  /** Computes the command of the timer's event (throws EVENT_NOT_ALLOWED when the state does not take it). */
  apply(record: ApplicationRecord, timer: TimerRecord): Promise<BuiltCommand>;
  /** The command that only consumes the timer. */
  consume(record: ApplicationRecord, timer: TimerRecord): BuiltCommand;
  commit(built: BuiltCommand): Promise<unknown>;
}

/**
 * Creates `runDueTimers(now)`: returns how many timers this process fired.
 *
 * @example
 * const runDueTimers = createTimerRunner({ store, clock, logger, owner, leaseMs, apply, consume, commit });
 * await runDueTimers('2025-05-08T03:00:00.000Z');
 */
export function createTimerRunner(options: TimerRunnerOptions): (now?: string) => Promise<number> {
  const { store, clock, logger, owner, leaseMs } = options;
  async function fire(timer: TimerRecord): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const record = await store.getApplication(timer.applicationId);
      if (!record) return false;
      let built: BuiltCommand;
      try {
        built = await options.apply(record, timer);
      } catch (error) {
        if (!isReglamentError(error, 'EVENT_NOT_ALLOWED')) throw error;
        built = options.consume(record, timer);
      }
      try {
        await options.commit(built);
        return true;
      } catch (error) {
        if (!isReglamentError(error, 'VERSION_CONFLICT')) throw error;
        // A command came in between: fire again from the new version while the timer is ours.
        const still = (await store.getTimers(timer.applicationId)).some((item) => item.id === timer.id && item.dueAt === timer.dueAt);
        if (!still) return false;
      }
    }
    return false;
  }
  return async function runDueTimers(now = clock.now()) {
    let fired = 0;
    for (;;) {
      const batch = await store.claimDueTimers(now, { owner, ms: leaseMs, limit: 100 });
      // Applications fire side by side, so their commands share group commits; the timers of
      // one application fire one after another, earliest first, each from the version before.
      const byApplication = new Map<string, TimerRecord[]>();
      for (const timer of batch) byApplication.set(timer.applicationId, [...(byApplication.get(timer.applicationId) ?? []), timer]);
      const counts = await Promise.all(
        [...byApplication.values()].map(async (timers) => {
          let count = 0;
          for (const timer of timers) {
            try {
              if (await fire(timer)) count += 1;
            } catch (error) {
              logger.error({ timer: timer.id, err: String(error) }, 'timer failed');
            }
          }
          return count;
        }),
      );
      for (const count of counts) fired += count;
      if (batch.length < 100) return fired;
    }
  };
}
