/**
 * @module calendar/overrides
 * A municipality's own calendar layer, loaded at run time from JSON: next year's transfer
 * decree before a release ships it, a local non-working day, a correction. Validated against
 * `schemas/calendar-overrides.schema.json` and for real dates; errors name the bad field.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CalendarOverrides } from './types.js';
import { checkDates, invalidCalendar, validateSchema } from './validation.js';

/** An override layer with its dates as day numbers. */
export interface OverrideLayer {
  source: string;
  years: number[];
  nonWorkingDays: number[];
  workingDays: number[];
  shortDays: number[];
}

function readOverrideFile(file: string | URL): { raw: unknown; where: string } {
  const where = file instanceof URL ? fileURLToPath(file) : file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw invalidCalendar(where, '/', `cannot be read (${error instanceof Error ? error.message : String(error)})`, error);
  }
  try {
    return { raw: JSON.parse(text), where };
  } catch (error) {
    throw invalidCalendar(where, '/', `is not JSON (${error instanceof Error ? error.message : String(error)})`, error);
  }
}

/**
 * Validates an override layer and turns its dates into day numbers.
 *
 * @example
 * compileOverrides({ source: 'Решение … № 5', nonWorkingDays: ['2027-06-01'] }).nonWorkingDays; // [20970]
 */
export function compileOverrides(value: unknown, where = 'overrides'): OverrideLayer {
  validateSchema('overrides', value, where);
  const overrides = value as CalendarOverrides;
  const nonWorkingDays = checkDates(overrides.nonWorkingDays, '/nonWorkingDays', where);
  const workingDays = checkDates(overrides.workingDays, '/workingDays', where);
  const off = new Set(nonWorkingDays);
  workingDays.forEach((day, index) => {
    if (off.has(day)) throw invalidCalendar(where, `/workingDays/${index}`, `${overrides.workingDays?.[index]} is also listed in nonWorkingDays`);
  });
  return {
    source: overrides.source,
    years: overrides.years ?? [],
    nonWorkingDays,
    workingDays,
    shortDays: checkDates(overrides.shortDays, '/shortDays', where),
  };
}

/**
 * Loads a municipality's overrides from a JSON file (path or file URL) or a parsed object, and
 * validates them; a malformed layer is INVALID_CALENDAR naming the file and the field.
 *
 * @example
 * const decree2027 = loadCalendarOverrides('./calendar-2027.json');
 * const calendar = createCalendar({ overrides: decree2027 });
 */
export function loadCalendarOverrides(fileOrObject: string | URL | CalendarOverrides): CalendarOverrides {
  const { raw, where } =
    typeof fileOrObject === 'string' || fileOrObject instanceof URL ? readOverrideFile(fileOrObject) : { raw: fileOrObject as unknown, where: 'overrides' };
  compileOverrides(raw, where);
  const overrides = raw as CalendarOverrides;
  return Object.freeze({
    source: overrides.source,
    ...(overrides.years ? { years: [...overrides.years] } : {}),
    ...(overrides.nonWorkingDays ? { nonWorkingDays: [...overrides.nonWorkingDays] } : {}),
    ...(overrides.workingDays ? { workingDays: [...overrides.workingDays] } : {}),
    ...(overrides.shortDays ? { shortDays: [...overrides.shortDays] } : {}),
  });
}
