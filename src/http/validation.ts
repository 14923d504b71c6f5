/**
 * @module http/validation
 * Request validation with ajv against the JSON Schemas in `schemas/`: the same schema objects
 * are published in `/openapi.json`, so the documented contract and the enforced one cannot
 * drift apart. A failure is INVALID_INPUT listing every offending field as a JSON pointer.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { validator } from 'hono/validator';
import { HTTPException } from 'hono/http-exception';
import { ReglamentError } from '../errors.js';
import type { FieldError } from './problem.js';

// ajv-formats is CommonJS: under NodeNext the default import is `module.exports`, whose
// `.default` is the plugin.
const addFormats = formatsModule.default;

function makeAjv(coerceTypes: boolean | 'array'): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, coerceTypes, useDefaults: false });
  addFormats(ajv, ['date', 'date-time', 'uri', 'email']);
  ajv.addKeyword({ keyword: 'example' });
  return ajv;
}

const bodies = makeAjv(false);
// Query strings are text: `workingDays=7` must validate as an integer.
const queries = makeAjv('array');

/**
 * The field errors of an ajv run, as `{ path, message }` with JSON pointers under `prefix`.
 *
 * @example
 * fieldErrors(validate.errors, ''); // [{ path: '/pupil', message: 'is required' }]
 */
export function fieldErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  return (errors ?? []).map((error) => {
    let path = error.instancePath;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      path += `/${(error.params as { missingProperty: string }).missingProperty}`;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      path += `/${(error.params as { additionalProperty: string }).additionalProperty}`;
      message = 'is not a known field';
    } else if (error.keyword === 'enum') {
      message = `must be one of: ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    }
    return { path: `${prefix}${path}`, message };
  });
}

/**
 * Compiles a schema; the returned function returns the value typed, or throws INVALID_INPUT.
 *
 * @example
 * const check = compileValidator<{ from: string }>(deadlineQuery, { coerce: true, prefix: '/query' });
 * const query = check(c.req.query());
 */
export function compileValidator<T>(schema: object, { coerce = false, prefix = '' }: { coerce?: boolean; prefix?: string } = {}): (value: unknown) => T {
  const validate: ValidateFunction = (coerce ? queries : bodies).compile(structuredClone(schema));
  return function check(value: unknown): T {
    if (validate(value)) return value as T;
    const errors = fieldErrors(validate.errors, prefix);
    const first = errors[0];
    throw new ReglamentError('INVALID_INPUT', first ? `${first.path || 'the body'} ${first.message}` : 'invalid input', {
      path: first?.path ?? prefix,
      details: { errors },
    });
  };
}

const jsonMedia = /^application\/([\w.-]+\+)?json$/i;

/**
 * Hono middleware validating a JSON body; the typed value is `c.req.valid('json')`, which is
 * also what the typed client (`hc<AppType>`) sends. A body that is not JSON is 415.
 *
 * @example
 * app.post('/v1/applications', jsonBody<CreateApplication>(createApplicationSchema), handler);
 */
export function jsonBody<T>(schema: object) {
  const check = compileValidator<T>(schema);
  return validator('json', function validateBody(value, c): T {
    const media = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (!jsonMedia.test(media)) throw new HTTPException(415, { message: 'the body must be application/json' });
    return check(value);
  });
}

/**
 * Hono middleware validating the query string (types coerced from text).
 *
 * @example
 * app.get('/v1/calendar/deadline', queryOf<DeadlineQuery>(deadlineQuerySchema), handler);
 */
export function queryOf<T>(schema: object) {
  const check = compileValidator<T>(schema, { coerce: true, prefix: '/query' });
  return validator('query', function validateQuery(value): T {
    return check(value);
  });
}
