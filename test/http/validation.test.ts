import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ReglamentError } from '../../src/errors.js';
import { compileValidator } from '../../src/http/validation.js';
import deadlineQuery from '../../src/http/schemas/deadline-query.json' with { type: 'json' };

const validation = suite('validation');

function fieldsOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    assert.instance(error, ReglamentError);
    assert.is((error as ReglamentError).code, 'INVALID_INPUT');
    return (error as ReglamentError).details?.['errors'] as { path: string; message: string }[];
  }
  assert.unreachable('expected INVALID_INPUT');
  return [];
}

validation('coerces query text to the schema types', () => {
  const check = compileValidator<{ from: string; workingDays: number }>(deadlineQuery, { coerce: true, prefix: '/query' });
  assert.equal(check({ from: '2025-04-29', workingDays: '7' }), { from: '2025-04-29', workingDays: 7 });
});

validation('names each offending field by JSON pointer', () => {
  const check = compileValidator(deadlineQuery, { coerce: true, prefix: '/query' });
  const fields = fieldsOf(() => check({ from: '2025-02-30', workingDays: 'seven', colour: 'red' }));
  const paths = fields.map((field) => field.path);
  assert.ok(paths.includes('/query/from'), JSON.stringify(fields));
  assert.ok(paths.includes('/query/workingDays'));
  assert.ok(paths.includes('/query/colour'));
  assert.equal(fieldsOf(() => check({ workingDays: '1' })).find((field) => field.path === '/query/from'), { path: '/query/from', message: 'is required' });
});

validation('does not coerce JSON bodies', () => {
  const check = compileValidator({ type: 'object', properties: { n: { type: 'integer' } } });
  assert.equal(fieldsOf(() => check({ n: '1' }))[0]?.path, '/n');
});

validation.run();
