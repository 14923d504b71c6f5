/**
 * @module http/routes/calendar
 * `GET /v1/calendar/deadline?from=&workingDays=`: when a term runs out, by the service's
 * working-day calendar. Public: a calendar holds no personal data.
 */
import { Hono } from 'hono';
import type { Calendar } from '../../calendar/types.js';
import deadlineQuerySchema from '../schemas/deadline-query.json' with { type: 'json' };
import deadlineSchema from '../schemas/deadline.json' with { type: 'json' };
import type { Operation } from '../openapi/operation.js';
import { queryOf } from '../validation.js';
import { ReglamentError, isReglamentError } from '../../errors.js';

/** Re-points a calendar error (`/from`, `/n`) at the query parameter the caller sent. */
function withQueryPaths<T>(run: () => T, paths: Record<string, string>): T {
  try {
    return run();
  } catch (error) {
    if (isReglamentError(error) && error.path !== undefined && paths[error.path]) {
      throw new ReglamentError(error.code, error.message, { path: paths[error.path]!, cause: error });
    }
    throw error;
  }
}

/** The calendar endpoint, as documented. */
export const calendarOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/calendar/deadline',
    operationId: 'deadline',
    summary: 'When a term runs out',
    description: 'Counts N working (or calendar) days from a date by the official production calendar and the Civil Code art. 191-194. Give exactly one of workingDays and calendarDays.',
    tag: 'calendar',
    query: deadlineQuerySchema,
    responses: { '200': { description: 'The end of the term', schema: deadlineSchema } },
  },
];

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
  return new Hono().get('/deadline', queryOf<DeadlineQuery>(deadlineQuerySchema), (c) => {
    const query = c.req.valid('query');
    const unit = query.workingDays !== undefined ? ('workingDays' as const) : ('calendarDays' as const);
    const days = query.workingDays ?? query.calendarDays ?? 0;
    const end = withQueryPaths(() => calendar.term(query.from, days, unit), { '/from': '/query/from', '/n': `/query/${unit}` });
    return c.json({ from: query.from, unit, days, lastDay: end.lastDay, dueAt: end.dueAt, provisional: end.provisional, timeZone: calendar.timeZone }, 200);
  });
}
