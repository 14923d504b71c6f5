/**
 * @module quality/day-zone
 * The local day of an instant in a school's time zone, fast: offsets are looked up per quarter
 * hour instead of asking `Intl` for every record.
 */
import { IANAZone } from 'luxon';
import { ReglamentError } from '../errors.js';

export const MS_PER_DAY = 86_400_000;
const BUCKET_MS = 15 * 60_000;
const MAX_CACHED_BUCKETS = 200_000;

/** Converts instants to local day numbers in one IANA zone. */
export interface DayZone {
  readonly timeZone: string;
  /** The local day number of an instant given in epoch milliseconds. */
  dayOfInstant(epochMs: number): number;
}

/**
 * A {@link DayZone} for an IANA zone. Offsets are cached per 15-minute bucket of UTC time: the
 * zone transitions of recent decades (the dates journals hold) fall on quarter hours, so the offset is constant
 * within a bucket and a map lookup replaces an `Intl` call. Throws INVALID_INPUT for an unknown zone.
 *
 * @example
 * const zone = createDayZone('Asia/Yekaterinburg');
 * zone.dayOfInstant(Date.parse('2025-03-12T19:30:00Z')); // 20160, the day number of 2025-03-13 (00:30 local)
 */
export function createDayZone(timeZone: string): DayZone {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new ReglamentError('INVALID_INPUT', `unknown time zone "${timeZone}"`, { path: '/timeZone' });
  }
  const zone = IANAZone.create(timeZone);
  let offsets = new Map<number, number>();
  return {
    timeZone,
    dayOfInstant(epochMs) {
      const bucket = Math.floor(epochMs / BUCKET_MS);
      let offsetMs = offsets.get(bucket);
      if (offsetMs === undefined) {
        // Bounded: memory follows the span of dates seen, never the number of records.
        if (offsets.size >= MAX_CACHED_BUCKETS) offsets = new Map();
        offsetMs = zone.offset(bucket * BUCKET_MS) * 60_000;
        offsets.set(bucket, offsetMs);
      }
      return Math.floor((epochMs + offsetMs) / MS_PER_DAY);
    },
  };
}
