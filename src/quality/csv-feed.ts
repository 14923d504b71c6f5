/**
 * @module quality/csv-feed
 * Reads CSV exports: the first record is the header (mapped by `columns`), each further record
 * becomes a raw journal record by column; a record with too few fields is rejected.
 */
import { ReglamentError } from '../errors.js';
import { mapColumns, type ColumnMap, type JournalField, journalFields } from './columns.js';
import { createCsvReader } from './csv.js';
import type { Accept, Feed, Reject } from './feed.js';

/**
 * A CSV reader. Throws INVALID_INPUT when the header cannot be read or lacks required columns.
 *
 * @example
 * const feed = csvFeed(accept, reject);
 * feed.push('Школа;Класс;...\n');
 * feed.end();
 */
export function csvFeed(accept: Accept, reject: Reject): Feed {
  let columns: ColumnMap | undefined;
  let describe = (field: string) => field;
  const reader = createCsvReader({
    row(fields, line) {
      if (columns === undefined) {
        columns = mapColumns(fields);
        const map = columns;
        describe = (field) => `column «${map.label[field as JournalField] ?? field}» (${field})`;
        return;
      }
      if (fields.length < columns.width || fields.slice(columns.width).some((value) => value !== '')) {
        reject(line, null, `found ${fields.length} fields, the header has ${columns.width}`);
        return;
      }
      const raw: Record<string, string> = {};
      for (const field of journalFields) {
        const at = columns.index[field];
        if (at >= 0) raw[field] = (fields[at] as string).trim();
      }
      accept(raw, line, describe);
    },
    error(line, message) {
      if (columns === undefined) throw new ReglamentError('INVALID_INPUT', `line ${line}: ${message}`, { path: `/${line}` });
      reject(line, null, message);
    },
  });
  return {
    push: (text) => reader.push(text),
    end() {
      reader.end();
      if (columns === undefined) throw new ReglamentError('INVALID_INPUT', 'the CSV file has no header line');
    },
  };
}
