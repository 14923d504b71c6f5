/**
 * @module cli/commands/deadline
 * `reglament deadline --from <date> --working-days <n>`: the last day of a term by the official
 * Russian production calendar (Civil Code art. 191–194), optionally for a region, a time zone
 * and a municipality's override file.
 */
import { createCalendar } from '../../calendar/calendar.js';
import { checkCount } from '../../calendar/input.js';
import { loadCalendarOverrides } from '../../calendar/overrides.js';
import { ReglamentError } from '../../errors.js';
import { parseOptions, type Command } from '../command.js';

const help = `Usage: reglament deadline --from <YYYY-MM-DD> (--working-days <n> | --calendar-days <n>) [options]

Prints the last day of a term: counting starts the day after --from (Civil Code art. 191), and a
last day that is not a working day moves to the next working day (art. 193). The term runs out
at 24:00 of that day in the body's time zone (art. 194).

  --from <date>            the event the term runs from (e.g. the registration date)
  --working-days <n>       a term in working days
  --calendar-days <n>      a term in calendar days
  --region <code>          a federal subject with its own holidays, e.g. RU-TA, RU-BA
  --tz <zone>              the body's IANA time zone (default Europe/Moscow)
  --overrides <file>       a municipality's calendar overrides (JSON; may be repeated)
  --no-presidential-days   ignore the presidential non-working days of 2020–2021
  --json                   print { from, workingDays|calendarDays, lastDay, dueAt, provisional, ... }

Examples:
  reglament deadline --from 2025-04-29 --working-days 7          # 2025-05-14
  reglament deadline --from 2025-04-29 --working-days 7 --tz Asia/Yekaterinburg --json
`;

function count(text: string, flag: string): number {
  const n = /^\s*-?\d+(\.\d+)?([eE]\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  checkCount(Number.isNaN(n) ? text : n, `/${flag}`);
  return n;
}

export const command: Command = {
  summary: 'the last day of a term in working or calendar days',
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      from: { type: 'string' },
      'working-days': { type: 'string' },
      'calendar-days': { type: 'string' },
      region: { type: 'string' },
      tz: { type: 'string' },
      overrides: { type: 'string', multiple: true },
      'no-presidential-days': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    if (positionals.length > 0) throw new ReglamentError('INVALID_INPUT', `unexpected argument ${JSON.stringify(positionals[0])}`);
    if (values.from === undefined) throw new ReglamentError('INVALID_INPUT', '--from <YYYY-MM-DD> is required', { path: '--from' });
    const working = values['working-days'];
    const calendar = values['calendar-days'];
    if ((working === undefined) === (calendar === undefined)) {
      throw new ReglamentError('INVALID_INPUT', 'give exactly one of --working-days <n> or --calendar-days <n>', { path: '--working-days' });
    }
    const unit = working !== undefined ? 'workingDays' : 'calendarDays';
    const days = working !== undefined ? count(working, '--working-days') : count(calendar as string, '--calendar-days');

    const body = createCalendar({
      ...(values.region !== undefined ? { region: values.region } : {}),
      ...(values.tz !== undefined ? { timeZone: values.tz } : {}),
      overrides: (values.overrides ?? []).map((file) => loadCalendarOverrides(file)),
      presidentialDays: !values['no-presidential-days'],
    });
    const end = body.term(values.from, days, unit);
    if (values.json) {
      const result = { from: values.from, [unit]: days, lastDay: end.lastDay, dueAt: end.dueAt, provisional: end.provisional, timeZone: body.timeZone, region: body.region ?? null };
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(`${end.lastDay}\n`);
      if (end.provisional) {
        process.stderr.write('reglament deadline: provisional: the term touches a year without an official calendar (Labour Code art. 112 fallback)\n');
      }
    }
    return 0;
  },
};
