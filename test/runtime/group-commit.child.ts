/**
 * A process for the group-commit crash test: 16 callers at once, each submitting an
 * application and registering it, until the process is killed. Prints `group <size>` before
 * each group goes to the store and `ack <id> <version>` once a command is acknowledged.
 * Usage: node --import tsx group-commit.child.ts <file>
 */
import { createEngine } from '../../src/runtime/engine.js';
import type { CommitCommand } from '../../src/store/types.js';
import { clerk, setup } from './fixture.js';

const [file] = process.argv.slice(2) as [string];
const { store, workflows, ports, clock, ids, calendar, submission } = await setup({ file });
const commitMany = store.commitMany!.bind(store);
const seen = {
  ...store,
  commitMany(commands: CommitCommand[]) {
    process.stdout.write(`group ${commands.length}\n`);
    return commitMany(commands);
  },
};
const engine = createEngine({ store: seen, workflows, ports, clock, ids, calendar });

async function caller(): Promise<never> {
  for (;;) {
    const view = await engine.submit(submission, { actor: clerk });
    process.stdout.write(`ack ${view.id} 1\n`);
    const registered = await engine.send(view.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 });
    process.stdout.write(`ack ${registered.id} ${registered.version}\n`);
  }
}
await Promise.all(Array.from({ length: 16 }, caller));
