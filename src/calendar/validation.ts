/**
 * @module calendar/validation
 * Validates calendar data (the official year files, the presidential layer, a municipality's
 * overrides) against the JSON Schemas in `schemas/`, then checks what a schema cannot: real
 * calendar dates, inside the right year, inside the supported range. Every failure is one
 * INVALID_CALENDAR error naming the file (or 'overrides') and the JSON pointer of the bad field.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ReglamentError } from '../errors.js';
import { MAX_YEAR, MIN_YEAR, parseIsoDate } from './dates.js';

const schemaDir = new URL('../../schemas/', import.meta.url);
let validators: { calendar: ValidateFunction; overrides: ValidateFunction } | undefined;

function compiled() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: false, strict: true, verbose: true });
    const load = (name: string) => JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as object;
    validators = {
      calendar: ajv.compile(load('calendar.schema.json')),
      overrides: ajv.compile(load('calendar-overrides.schema.json')),
    };
  }
  return validators;
}

function describe(error: ErrorObject): { path: string; message: string } {
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { path: `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`, message: 'is not allowed' };
  }
  const value = typeof error.data === 'object' ? '' : ` (got ${JSON.stringify(error.data)})`;
  return { path: error.instancePath || '/', message: `${error.message ?? 'is invalid'}${value}` };
}

/** The INVALID_CALENDAR error for `where` (a file or 'overrides') at a JSON pointer. */
export function invalidCalendar(where: string, path: string, message: string, cause?: unknown): ReglamentError {
  return new ReglamentError('INVALID_CALENDAR', `${where}: ${path} ${message}`, { path, details: { source: where }, cause });
}

/**
 * Checks `value` against a calendar schema; throws INVALID_CALENDAR with the first bad field.
 *
 * @example
 * validateSchema('overrides', { source: 'x', workingDays: ['2027-02-20'] }, 'overrides');
 */
export function validateSchema(schema: 'calendar' | 'overrides', value: unknown, where: string): void {
  const validate = compiled()[schema];
  if (!validate(value)) {
    const first = validate.errors?.find((error) => error.keyword !== 'if') ?? validate.errors?.[0];
    const { path, message } = first ? describe(first) : { path: '/', message: 'is invalid' };
    throw invalidCalendar(where, path, message);
  }
}

/**
 * Parses one date into a day number, requiring a real date in the supported range (and, when
 * `year` is given, in that year); otherwise INVALID_CALENDAR at `path`.
 *
 * @example
 * checkDate('2025-11-01', '/workingDays/0', 'calendars/RU/2025.json', 2025); // 20393
 */
export function checkDate(date: string, path: string, where: string, year?: number): number {
  let day: number;
  try {
    day = parseIsoDate(date, path);
  } catch (error) {
    throw invalidCalendar(where, path, `is not a calendar date: ${JSON.stringify(date)}`, error);
  }
  const dateYear = Number(date.slice(0, 4));
  if (year !== undefined && dateYear !== year) throw invalidCalendar(where, path, `${date} is outside ${year}`);
  if (dateYear < MIN_YEAR || dateYear > MAX_YEAR) throw invalidCalendar(where, path, `${date} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  return day;
}

/**
 * Parses every date of a list with {@link checkDate}.
 *
 * @example
 * checkDates(['2025-11-01'], '/workingDays', 'calendars/RU/2025.json', 2025); // [20393]
 */
export function checkDates(dates: readonly string[] | undefined, path: string, where: string, year?: number): number[] {
  return (dates ?? []).map((date, index) => checkDate(date, `${path}/${index}`, where, year));
}
