/**
 * @module examples/first-grade/acceptance
 * The acceptance periods of п. 17 of the admission order (Минпросвещения № 458 of 02.09.2020):
 * children with a priority right or living on the school's territory from 1 April to 30 June,
 * the others from 6 July until the places are filled, at the latest 5 September. JSON Schema
 * cannot compare dates in the school's time zone, so this rule is code, injected by name.
 */
import type { ImplementationArgs } from 'reglament';

const earlyCategories = new Set(['priority', 'territory']);

/** Local `MM-DD` of an instant in a time zone. */
function monthDay(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('month')}-${part('day')}`;
}

/**
 * True when an application was received outside its category's acceptance period.
 *
 * @example
 * receivedOutsidePeriod('2025-03-31T21:30:00.000Z', 'territory', 'Europe/Moscow'); // false: 1 April in Moscow
 * receivedOutsidePeriod('2025-07-01T09:00:00.000Z', 'general', 'Europe/Moscow');   // true: before 6 July
 */
export function receivedOutsidePeriod(receivedAt: string, category: unknown, timeZone: string): boolean {
  const day = monthDay(receivedAt, timeZone);
  const [from, to] = earlyCategories.has(String(category)) ? ['04-01', '06-30'] : ['07-06', '09-05'];
  return day < from || day > to;
}

/**
 * The guards the first-grade workflow names, for the municipality's time zone.
 *
 * @example
 * workflows.load('workflow.json', { implementations: acceptanceGuards('Europe/Moscow') });
 */
export function acceptanceGuards(timeZone: string) {
  return {
    guards: {
      outsideAcceptancePeriod: ({ facts }: ImplementationArgs) => {
        const application = facts['application'] as { receivedAt: string };
        const data = (facts['data'] ?? {}) as { category?: unknown };
        return receivedOutsidePeriod(application.receivedAt, data.category, timeZone);
      },
    },
  };
}
