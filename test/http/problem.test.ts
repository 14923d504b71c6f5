import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ReglamentError, errorCodes } from '../../src/errors.js';
import { problemOf, problemResponse, statusOfCode } from '../../src/http/problem.js';

const problems = suite('problem');

problems('maps every error code to a status', () => {
  for (const code of errorCodes) assert.ok(statusOfCode[code] >= 400, code);
  assert.is(problemOf(new ReglamentError('VERSION_CONFLICT', 'stale')).status, 409);
  assert.is(problemOf(new ReglamentError('APPLICATION_NOT_FOUND', 'x')).status, 404);
  assert.is(problemOf(new ReglamentError('EVENT_NOT_ALLOWED', 'x')).status, 422);
});

problems('names the field of an input error', () => {
  const body = problemOf(new ReglamentError('INVALID_DATE', 'not a calendar date', { path: '/query/from' }));
  assert.equal(body.errors, [{ path: '/query/from', message: 'not a calendar date' }]);
  assert.is(body.code, 'INVALID_DATE');
  assert.is(body.type, 'urn:reglament:problem:invalid-date');
});

problems('lists the allowed events of a refused event', () => {
  const body = problemOf(new ReglamentError('EVENT_NOT_ALLOWED', 'ISSUE is not allowed in received', { details: { allowedEvents: ['REGISTER'] } }));
  assert.equal(body.allowedEvents, ['REGISTER']);
});

problems('says nothing about internal errors', () => {
  const body = problemOf(new Error('SQLITE_CORRUPT at /secret/path'));
  assert.is(body.status, 500);
  assert.is(body.detail, 'internal error');
  assert.not.ok(JSON.stringify(body).includes('secret'));
  const store = problemOf(new ReglamentError('STORE_UNAVAILABLE', 'connect ECONNREFUSED 10.0.0.1'));
  assert.is(store.status, 503);
  assert.not.ok(JSON.stringify(store).includes('10.0.0.1'));
});

problems('keeps the status of protocol errors', () => {
  assert.is(problemOf(new HTTPException(413, { message: 'too large' })).code, 'PAYLOAD_TOO_LARGE');
  assert.is(problemOf(new HTTPException(400, { message: 'Malformed JSON in request body' })).errors?.[0]?.path, '');
});

problems('is served as application/problem+json', async () => {
  const app = new Hono().get('/', (c) => problemResponse(c, problemOf(new ReglamentError('FORBIDDEN', 'no'))));
  const response = await app.request('/');
  assert.is(response.status, 403);
  assert.is(response.headers.get('content-type'), 'application/problem+json');
  assert.is(((await response.json()) as { title: string }).title, 'Forbidden');
});

problems.run();
