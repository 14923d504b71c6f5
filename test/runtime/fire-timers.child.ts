/**
 * A second engine process for the exactly-once test: opens the shared SQLite file, fires the
 * timers due at argv[3] under owner argv[4], prints how many it fired as JSON.
 */
import { setup } from './fixture.js';

const [file, now, owner] = process.argv.slice(2);
setup({ file: file!, now: now!, engine: { owner: owner! } }).then(async ({ engine, store }) => {
  const fired = await engine.runDueTimers(now);
  await store.dispose();
  process.stdout.write(JSON.stringify({ owner, fired }) + '\n');
});
