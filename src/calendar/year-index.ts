/**
 * @module calendar/year-index
 * The precomputed index of one year: a flag per day (working, shortened), the cumulative count
 * of working days, and the working days themselves in order (as day numbers and ISO strings).
 * With it, "n working days after d" is one array read, and "working days between" is two.
 * A calendar builds a year's index the first time a call touches that year.
 *
 * Layers, in order: the official year (or the Labour Code fallback), the presidential
 * non-working days, the region's holidays, then each override layer.
 */
import { formatDay, isWeekend, yearStart } from './dates.js';
import { labourCodeYear } from './labour-code.js';
import { officialYear, type PresidentialDecree } from './official-data.js';
import type { OverrideLayer } from './overrides.js';
import type { RegionalHolidays } from './regions.js';

/** Bit set in `YearIndex.flags` for a working day. */
export const WORKING = 1;
/** Bit set in `YearIndex.flags` for a day listed as shortened (meaningful only when working). */
export const SHORT = 2;

/** The layers a calendar stacks on the federal data. */
export interface CalendarLayers {
  presidential: readonly PresidentialDecree[];
  region: RegionalHolidays | undefined;
  overrides: readonly OverrideLayer[];
}

/** One year's index. `i` below is the day's offset from 1 January. */
export interface YearIndex {
  year: number;
  /** Day number of 1 January. */
  start: number;
  length: number;
  flags: Uint8Array;
  /** Working days on or before day `i`. */
  cumulative: Uint16Array;
  /** The year's working days in order, as day numbers and as `YYYY-MM-DD`. */
  workingDays: Int32Array;
  workingIso: string[];
  total: number;
  shortCount: number;
  provisional: boolean;
  sources: string[];
}

const FALLBACK_SOURCE = 'Трудовой кодекс РФ, ст. 112 (постановления о переносе выходных дней на этот год нет: расчёт предварительный)';

function mark(flags: Uint8Array, start: number, days: readonly number[], apply: (flag: number) => number): boolean {
  let touched = false;
  for (const day of days) {
    const i = day - start;
    if (i >= 0 && i < flags.length) {
      flags[i] = apply(flags[i] as number);
      touched = true;
    }
  }
  return touched;
}

const setOff = (flag: number) => flag & ~WORKING;
const setOn = (flag: number) => flag | WORKING;
const setShort = (flag: number) => flag | SHORT;

/**
 * Builds the index of `year` from the layers.
 *
 * @example
 * buildYearIndex(2025, { presidential: [], region: undefined, overrides: [] }).total; // 247
 */
export function buildYearIndex(year: number, layers: CalendarLayers): YearIndex {
  const start = yearStart(year);
  const length = yearStart(year + 1) - start;
  const flags = new Uint8Array(length);
  for (let i = 0; i < length; i++) flags[i] = isWeekend(start + i) ? 0 : WORKING;

  const sources: string[] = [];
  const official = officialYear(year);
  const base = official ?? labourCodeYear(year);
  mark(flags, start, base.nonWorkingDays, setOff);
  if (official) mark(flags, start, official.workingDays, setOn);
  mark(flags, start, base.shortDays, setShort);
  sources.push(official ? official.source : FALLBACK_SOURCE);
  let provisional = !official;

  for (const decree of layers.presidential) {
    if (mark(flags, start, decree.days, setOff)) sources.push(decree.source);
  }
  if (layers.region) {
    const regional = layers.region.holidays(year).map((holiday) => holiday.day);
    if (mark(flags, start, regional, setOff)) sources.push(`Региональные праздники: ${layers.region.name} (${layers.region.region}, по date-holidays)`);
  }
  for (const layer of layers.overrides) {
    const touched = [
      mark(flags, start, layer.nonWorkingDays, setOff),
      mark(flags, start, layer.workingDays, setOn),
      mark(flags, start, layer.shortDays, setShort),
    ].some(Boolean);
    if (layer.years.includes(year)) provisional = false;
    if (touched || layer.years.includes(year)) sources.push(layer.source);
  }

  const cumulative = new Uint16Array(length);
  const working: number[] = [];
  let shortCount = 0;
  for (let i = 0; i < length; i++) {
    const flag = flags[i] as number;
    if (flag & WORKING) {
      working.push(start + i);
      if (flag & SHORT) shortCount++;
    }
    cumulative[i] = working.length;
  }
  return {
    year,
    start,
    length,
    flags,
    cumulative,
    workingDays: Int32Array.from(working),
    workingIso: working.map(formatDay),
    total: working.length,
    shortCount,
    provisional,
    sources,
  };
}
