/**
 * @module quality/table
 * The quality report as a plain-text table for terminals: one line per group and a totals
 * line, numbers right-aligned, the share on time as a percentage.
 */
import type { QualityCounts, QualityReport } from './types.js';

const dimensionTitles = { school: 'School', class: 'Class', subject: 'Subject', teacher: 'Teacher' } as const;
const countColumns: [title: string, read: (counts: QualityCounts) => string][] = [
  ['Records', (counts) => String(counts.records)],
  ['Late marks', (counts) => String(counts.lateMarks)],
  ['Late interim', (counts) => String(counts.lateInterimMarks)],
  ['Missing in diary', (counts) => String(counts.missingInDiary)],
  ['Pending', (counts) => String(counts.pending)],
  ['On time', (counts) => (counts.shareOnTime === null ? '—' : `${(counts.shareOnTime * 100).toFixed(1)}%`)],
];

/**
 * Formats a report as text.
 *
 * @example
 * process.stdout.write(formatQualityTable(buildQualityReport(records)));
 * // School  Class  Subject  Teacher  Records  Late marks  ...
 */
export function formatQualityTable(report: QualityReport): string {
  const header = [...report.groupBy.map((dimension) => dimensionTitles[dimension]), ...countColumns.map(([title]) => title)];
  const body = report.rows.map((row) => [...report.groupBy.map((dimension) => row[dimension] ?? ''), ...countColumns.map(([, read]) => read(row.counts))]);
  const totals = [...report.groupBy.map((_, index) => (index === 0 ? 'Total' : '')), ...countColumns.map(([, read]) => read(report.totals))];
  const lines = [header, ...body, totals];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  const numeric = (column: number) => column >= report.groupBy.length;
  const render = (line: string[]) =>
    line
      .map((cell, column) => (numeric(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  const filter = [report.filter.from && `from ${report.filter.from}`, report.filter.to && `to ${report.filter.to}`, report.filter.school && `school ${report.filter.school}`].filter(Boolean).join(', ');
  const title = `Journal quality as of ${report.asOf ?? 'the end of every term'} (${report.timeZone})${filter ? `, ${filter}` : ''}`;
  return [title, '', render(header), rule, ...body.map(render), rule, render(totals), ''].join('\n');
}
