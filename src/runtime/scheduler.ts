/**
 * @module runtime/scheduler
 * The polling loop: one round at a time (never overlapping), every `intervalMs`, until stopped.
 */
import type { Logger } from './types.js';

export interface SchedulerLoop {
  start(options?: { intervalMs?: number }): void;
  stop(): Promise<void>;
}

/**
 * Runs `round` repeatedly with a pause between rounds.
 *
 * @example
 * const loop = createScheduler(async () => { await engine.runDueTimers(); }, logger);
 * loop.start({ intervalMs: 500 }); ... await loop.stop();
 */
export function createScheduler(round: () => Promise<void>, logger: Logger): SchedulerLoop {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let active = false;
  let intervalMs = 1000;
  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      running = round()
        .catch((error) => logger.error({ err: String(error) }, 'scheduler round failed'))
        .finally(() => {
          running = null;
          if (active) schedule(intervalMs);
        });
    }, delayMs);
    timer.unref?.();
  }
  return {
    start({ intervalMs: every = 1000 } = {}) {
      if (active) return;
      active = true;
      intervalMs = every;
      schedule(0);
    },
    async stop() {
      active = false;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
