import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ReglamentError, isReglamentError } from '../src/errors.js';

const errors = suite('errors');

errors('carries a code, a path and a cause', () => {
  const cause = new Error('low level');
  const error = new ReglamentError('INVALID_DATE', 'bad date', { path: '/from', cause });
  assert.is(error.code, 'INVALID_DATE');
  assert.is(error.path, '/from');
  assert.is(error.cause, cause);
  assert.ok(isReglamentError(error, 'INVALID_DATE'));
  assert.not.ok(isReglamentError(error, 'VERSION_CONFLICT'));
  assert.not.ok(isReglamentError(new Error('x')));
});

errors.run();
