/**
 * @module admin/views/terms
 * A term's status as a badge: working days left, last day, overdue, met in or out of term.
 */
import type { TermView } from '../data/application.js';
import { formatDate, formatInstant, plural } from '../data/format.js';

/**
 * The badge of one term.
 *
 * @example
 * <TermBadge term={term} zone="Asia/Yekaterinburg" />
 */
export function TermBadge({ term, zone }: { term: TermView; zone: string }) {
  const days = Math.abs(term.workingDaysLeft ?? 0);
  const word = plural(days, ['рабочий день', 'рабочих дня', 'рабочих дней']);
  switch (term.status) {
    case 'met':
      return <span class="badge good">выполнен в срок {formatInstant(term.metAt!, zone)}</span>;
    case 'metLate':
      return <span class="badge bad">выполнен с нарушением срока {formatInstant(term.metAt!, zone)}</span>;
    case 'overdue':
      return (
        <span class="badge bad" data-role="overdue">
          срок истёк {formatDate(term.lastDay)}, просрочено на {days} {word}
        </span>
      );
    case 'lastDay':
      return <span class="badge warn">сегодня последний день</span>;
    case 'open':
      return (
        <span class={days <= 2 ? 'badge warn' : 'badge'}>
          осталось {days} {word} (до {formatDate(term.lastDay)})
        </span>
      );
  }
}
