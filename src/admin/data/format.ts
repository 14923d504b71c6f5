/**
 * @module admin/data/format
 * Dates, instants and numbers as Russian staff write them, in the body's time zone.
 */
import { DateTime } from 'luxon';

/**
 * An instant as `dd.MM.yyyy HH:mm` in `zone`.
 *
 * @example
 * formatInstant('2025-09-01T04:30:00.000Z', 'Asia/Yekaterinburg'); // '01.09.2025 09:30'
 */
export function formatInstant(iso: string, zone: string): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return at.isValid ? at.toFormat('dd.MM.yyyy HH:mm') : iso;
}

/**
 * A calendar date `YYYY-MM-DD` as `dd.MM.yyyy`.
 *
 * @example
 * formatDate('2025-09-01'); // '01.09.2025'
 */
export function formatDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return y && m && d ? `${d}.${m}.${y}` : date;
}

const months = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

/**
 * A month key `YYYY-MM` as a short Russian label that fits under a bar.
 *
 * @example
 * monthLabel('2025-09'); // 'сен 25'
 */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${months[Number(m) - 1] ?? m} ${y?.slice(2) ?? ''}`;
}

/**
 * Russian plural form for a count.
 *
 * @example
 * plural(3, ['день', 'дня', 'дней']); // 'дня'
 */
export function plural(n: number, forms: [string, string, string]): string {
  const abs = Math.abs(n) % 100;
  const last = abs % 10;
  if (abs > 10 && abs < 20) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/**
 * The start of a local date in `zone`, as a UTC ISO instant.
 *
 * @example
 * startOfLocalDay('2025-09-01', 'Asia/Yekaterinburg'); // '2025-08-31T19:00:00.000Z'
 */
export function startOfLocalDay(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).startOf('day').toUTC().toISO()!;
}
