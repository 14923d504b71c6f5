/**
 * @module cli/commands/quality
 * `reglament quality report --input <file> [--from --to --school] [--json]`: checks an e-journal
 * export (JSON Lines or CSV) against the quality rules of the regulation and prints the report,
 * as a table or as one JSON object. Rejected lines are summarised on stderr (and in the JSON);
 * a progress bar is drawn on stderr when it is a terminal.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ReglamentError } from '../../errors.js';
import { createDayZone, dayToIso } from '../../quality/days.js';
import { importJournal, type JournalFormat } from '../../quality/import.js';
import { createProgressBar } from '../../quality/progress.js';
import { createQualityReportBuilder, qualityDimensions } from '../../quality/report.js';
import { defaultQualityRules, loadQualityRules } from '../../quality/rules.js';
import { formatQualityTable } from '../../quality/table.js';
import type { QualityDimension, QualityRuleSet } from '../../quality/types.js';
import { parseOptions, type Command } from '../command.js';

const help = `Usage: reglament quality report --input <file> [options]

Checks an e-journal export against the school's duties in the regulation (a mark within 5
days of the lesson, interim marks within 2 days after the period, every entry in the diary)
and prints the report per school, class, subject and teacher.

  --input      the export: .jsonl / .ndjson (JSON Lines) or .csv; "-" reads stdin
  --format     jsonl | csv (default: from the file extension)
  --from       only lessons on or after this date (YYYY-MM-DD or DD.MM.YYYY)
  --to         only lessons on or before this date
  --school     only this school id
  --as-of      the check date (default: today in the time zone); duties whose last day is
               not yet over are pending, not missing
  --by         group rows by: school,class,subject,teacher (default: all four)
  --time-zone  IANA zone of the schools (default: the rules' zone, Asia/Yekaterinburg)
  --rules      quality rules JSON (default: the regulation's rules/quality.json)
  --json       print one JSON object instead of a table

Column names of CSV exports and the date forms read are listed in docs/quality.md.
`;

function formatOf(input: string, given: string | undefined): JournalFormat {
  if (given !== undefined) {
    if (given !== 'jsonl' && given !== 'csv') throw new ReglamentError('INVALID_INPUT', `--format must be jsonl or csv, not "${given}"`, { path: '--format' });
    return given;
  }
  const extension = extname(input).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson' || extension === '.json') return 'jsonl';
  throw new ReglamentError('INVALID_INPUT', `cannot tell the format of "${input}": give --format jsonl or --format csv`, { path: '--format' });
}

function groupByOf(text: string | undefined): QualityDimension[] | undefined {
  if (text === undefined) return undefined;
  const dimensions = text.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = dimensions.filter((dimension) => !(qualityDimensions as readonly string[]).includes(dimension));
  if (unknown.length > 0) throw new ReglamentError('INVALID_INPUT', `--by takes ${qualityDimensions.join(', ')}; unknown: ${unknown.join(', ')}`, { path: '--by' });
  return dimensions as QualityDimension[];
}

async function rulesOf(file: string | undefined): Promise<QualityRuleSet> {
  if (file === undefined) return defaultQualityRules();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ReglamentError('INVALID_INPUT', `cannot read --rules "${file}": ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { path: '--rules', cause: error });
  }
  try {
    return loadQualityRules(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new ReglamentError('INVALID_DEFINITION', `--rules "${file}" is not valid JSON`, { path: '--rules' });
    throw error;
  }
}

async function sizeOf(input: string): Promise<number | undefined> {
  if (input === '-') return undefined;
  try {
    const info = await stat(input);
    if (!info.isFile()) throw new ReglamentError('INVALID_INPUT', `--input "${input}" is not a file`, { path: '--input' });
    return info.size;
  } catch (error) {
    if (error instanceof ReglamentError) throw error;
    throw new ReglamentError('INVALID_INPUT', `cannot read --input "${input}": ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { path: '--input', cause: error });
  }
}

async function report(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    input: { type: 'string' }, format: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    school: { type: 'string' }, 'as-of': { type: 'string' }, by: { type: 'string' }, 'time-zone': { type: 'string' },
    rules: { type: 'string' }, json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (!values.input) throw new ReglamentError('INVALID_INPUT', 'quality report needs --input <file>', { path: '--input' });
  const format = formatOf(values.input, values.format);
  const rules = await rulesOf(values.rules);
  const timeZone = values['time-zone'] ?? rules.timeZone;
  const asOf = values['as-of'] ?? dayToIso(createDayZone(timeZone).dayOfInstant(Date.now()));
  const needsCalendar = Object.values(rules.rules).some((rule) => rule.term.lastDayOff === 'nextWorkingDay');
  const calendar = needsCalendar ? (await import('../../calendar/calendar.js')).createCalendar({ timeZone }) : undefined;
  const groupBy = groupByOf(values.by);
  const builder = createQualityReportBuilder({
    rules, timeZone, asOf, from: values.from ?? null, to: values.to ?? null, school: values.school ?? null,
    ...(groupBy ? { groupBy } : {}), ...(calendar ? { calendar } : {}),
  });
  const size = await sizeOf(values.input);
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr, size) : undefined;
  let records = 0;
  let read = 0;
  const summary = await importJournal(values.input === '-' ? process.stdin : createReadStream(values.input), {
    format, timeZone,
    onEntry(entry) {
      records++;
      builder.add(entry);
    },
    onProgress(bytes) {
      read = bytes;
      bar?.update(read, records);
    },
  });
  bar?.done();
  const result = builder.report();
  const imported = { accepted: summary.accepted, rejected: summary.rejected, errors: summary.errors };
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...result, import: imported }, null, 2) + '\n');
  } else {
    process.stdout.write(formatQualityTable(result));
  }
  if (summary.rejected > 0) {
    const shown = summary.errors.slice(0, 10).map((error) => `  ${error.message}`);
    const more = summary.rejected > shown.length ? [`  … and ${summary.rejected - shown.length} more`] : [];
    process.stderr.write([`rejected ${summary.rejected} of ${summary.accepted + summary.rejected} records:`, ...shown, ...more, ''].join('\n'));
  }
  return 0;
}

export const command: Command = {
  summary: 'check an e-journal export against the quality rules and report',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      process.stdout.write(help);
      return 0;
    }
    if (sub === undefined) throw new ReglamentError('INVALID_INPUT', 'expected a subcommand: reglament quality report --input <file>');
    if (sub !== 'report') throw new ReglamentError('INVALID_INPUT', `unknown subcommand "${sub}" (try: reglament quality report --help)`);
    return report(rest);
  },
};
