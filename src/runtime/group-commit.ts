/**
 * @module runtime/group-commit
 * Group commit: commands that reach the store in the same turn of the event loop (a server
 * with many requests in flight) are written in one durable transaction, so they share one WAL
 * append and one fsync. Each caller is still answered only after that transaction is durable,
 * with its own command's outcome: a failing command fails alone. Stores without `commitMany`
 * get their commands one by one, unchanged.
 */
import type { CommitCommand, CommitOutcome, Store } from '../store/types.js';

interface Waiting {
  command: CommitCommand;
  resolve(outcome: CommitOutcome): void;
  reject(reason: unknown): void;
}

export interface GroupCommitOptions {
  /** At most this many commands per transaction (default 512); a full group is written at once. */
  maxBatch?: number;
}

/**
 * Returns `commit(command)`: the store's own commit, batched through `store.commitMany` when
 * the store has it. A group is written in the event loop's check phase (`setImmediate`), after
 * every request of the current I/O round has computed its command.
 *
 * @example
 * const commit = createGroupCommit(store);
 * const [a, b] = await Promise.all([commit(first), commit(second)]); // one transaction
 */
export function createGroupCommit(store: Store, { maxBatch = 512 }: GroupCommitOptions = {}): (command: CommitCommand) => Promise<CommitOutcome> {
  if (typeof store.commitMany !== 'function') return (command) => store.commit(command);
  const commitMany = store.commitMany.bind(store);
  let waiting: Waiting[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const group = waiting;
    waiting = [];
    if (group.length === 0) return;
    commitMany(group.map((item) => item.command)).then(
      (settled) => {
        group.forEach((item, index) => {
          const result = settled[index];
          if (result?.status === 'fulfilled') item.resolve(result.value);
          else item.reject(result ? result.reason : new Error('the store answered fewer commands than it was given'));
        });
      },
      (error: unknown) => {
        for (const item of group) item.reject(error);
      },
    );
  }

  return function commit(command) {
    return new Promise<CommitOutcome>((resolve, reject) => {
      waiting.push({ command, resolve, reject });
      if (waiting.length >= maxBatch) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  };
}
