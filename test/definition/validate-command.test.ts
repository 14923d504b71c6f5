import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { command } from '../../src/cli/commands/validate.js';
import { sampleFile } from './helpers.js';

async function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((chunk: string) => out.push(chunk) > 0) as never;
  process.stderr.write = ((chunk: string) => err.push(chunk) > 0) as never;
  try {
    const status = await command.run(argv);
    return { status, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

const validate = suite('reglament validate');

validate('a good definition: ok, exit 0', async () => {
  const { status, out } = await capture([sampleFile]);
  assert.is(status, 0);
  assert.match(out, 'ok study-certificate 1.0.0');
});

validate('one line per problem with the JSON path, exit 2', async () => {
  const file = join(tmpdir(), `reglament-validate-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ service: 'x', version: '1', title: 't', initial: 'a', states: { a: { on: { GO: 'b' } }, c: {} }, epguStatus: { a: 'A' } }));
  const { status, err } = await capture([sampleFile, file]);
  rmSync(file);
  assert.is(status, 2);
  assert.equal(err.trim().split('\n'), [
    `${file}: /states/a/on/GO: no state "b" to go to from "a"`,
    `${file}: /states/c: state "c" is unreachable from the initial state`,
    `${file}: /epguStatus/c: state "c" has no ЕПГУ status name`,
  ]);
});

validate('overrides are checked too', async () => {
  const overrides = join(tmpdir(), `reglament-overrides-${process.pid}.json`);
  writeFileSync(overrides, JSON.stringify({ parameters: { certificateWorkingDays: 'три' } }));
  const { status, err } = await capture([sampleFile, '--overrides', overrides]);
  rmSync(overrides);
  assert.is(status, 2);
  assert.match(err, '(overrides)/parameters/certificateWorkingDays');
});

validate.run();
