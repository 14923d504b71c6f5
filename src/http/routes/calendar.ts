/**
 * @module http/routes/calendar
 * `GET /v1/calendar/deadline?from=&workingDays=`: when a term runs out, by the service's
 * working-day calendar. Public: a calendar holds no personal data.
 */
import { Hono } from 'hono';
import type { Calendar } from '../../calendar/types.js';
import deadlineQuerySchema from '../schemas/deadline-query.json' with { type: 'json' };
import { queryOf } from '../validation.js';
import { withPaths } from '../repath.js';

/** The validated query of `/v1/calendar/deadline`. */
export interface DeadlineQuery {
  from: string;
  workingDays?: number;
  calendarDays?: number;
}

/**
 * The calendar routes.
 *
 * @example
 * app.route('/v1/calendar', calendarRoutes(calendar));
 */
export function calendarRoutes(calendar: Calendar) {
  return new Hono().get('/deadline', queryOf<DeadlineQuery>(deadlineQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const unit = query.workingDays !== undefined ? ('workingDays' as const) : ('calendarDays' as const);
    const days = query.workingDays ?? query.calendarDays ?? 0;
    const end = await withPaths(() => calendar.term(query.from, days, unit), { '/from': '/query/from', '/n': `/query/${unit}` });
    return c.json({ from: query.from, unit, days, lastDay: end.lastDay, dueAt: end.dueAt, provisional: end.provisional, timeZone: calendar.timeZone }, 200);
  });
}
