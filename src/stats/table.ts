/**
 * @module stats/table
 * Service statistics as a plain-text table for terminals: one line per service, totals, then
 * the appeals and their outcomes.
 */
import type { ServiceStats, ServiceSummary } from './types.js';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const days = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const counts = (values: Record<string, number>) => Object.entries(values).map(([key, count]) => `${key} ${count}`).join(', ') || '—';

const columns: [title: string, read: (row: Omit<ServiceSummary, 'service' | 'states' | 'decisions'>) => string][] = [
  ['Applications', (row) => String(row.applications)],
  ['Open', (row) => String(row.open)],
  ['Decided', (row) => String(row.decided)],
  ['Within term', (row) => percent(row.shareDecidedWithinTerm)],
  ['Overdue', (row) => String(row.overdue)],
  ['Avg working days', (row) => days(row.averageWorkingDays)],
];

/**
 * Formats statistics as text.
 *
 * @example
 * process.stdout.write(formatServiceStats(await collectServiceStats(store, options)));
 */
export function formatServiceStats(stats: ServiceStats): string {
  const header = ['Service', ...columns.map(([title]) => title)];
  const lines = [header, ...stats.services.map((row) => [row.service, ...columns.map(([, read]) => read(row))]), ['Total', ...columns.map(([, read]) => read(stats.totals))]];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  const render = (line: string[]) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  const body = lines.slice(1, -1).map(render);
  const decisions = stats.services.map((row) => `  ${row.service}: ${counts(row.decisions)}`);
  const { appeals } = stats;
  return [
    `Service statistics as of ${stats.asOf} (${stats.timeZone})`,
    '',
    render(header),
    rule,
    ...body,
    rule,
    render(lines[lines.length - 1] ?? []),
    '',
    'Decisions by outcome:',
    ...decisions,
    '',
    `Appeals: ${appeals.appeals} (open ${appeals.open}), decided within term ${percent(appeals.shareDecidedWithinTerm)}`,
    `  outcomes: ${counts(appeals.outcomes)}`,
    `  about: ${counts(appeals.byAppealedService)}`,
    '',
  ].join('\n');
}
