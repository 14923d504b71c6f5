/**
 * @module quality/import
 * Streams a journal export (JSON Lines or CSV) into journal entries. A bad record is rejected
 * with its line number and field, and the import goes on; the summary counts what was accepted
 * and rejected and keeps the first errors. Memory does not grow with the file: chunks are read,
 * split into lines and dropped.
 */
import { isReglamentError, ReglamentError } from '../errors.js';
import { mapColumns, type ColumnMap, type JournalField, journalFields } from './columns.js';
import { createCsvReader } from './csv.js';
import { createDayZone } from './days.js';
import { readJournalRecord } from './record.js';
import type { JournalEntry } from './types.js';

export type JournalFormat = 'jsonl' | 'csv';

/** Why one line was rejected. Never holds an id or a name from the record. */
export interface RejectedLine {
  line: number;
  /** The record field at fault, or null when the line as a whole is unreadable. */
  field: string | null;
  message: string;
}

export interface ImportSummary {
  format: JournalFormat;
  accepted: number;
  rejected: number;
  /** The first rejected lines, in file order (at most `keepErrors`). */
  errors: RejectedLine[];
}

export interface ImportJournalOptions {
  format: JournalFormat;
  /** Receives each accepted entry, in file order. */
  onEntry: (entry: JournalEntry) => void;
  /** IANA zone of the schools: times without a zone are read in it. Default 'Asia/Yekaterinburg'. */
  timeZone?: string;
  /** Called after each chunk with the bytes (or characters, for text chunks) read so far. */
  onProgress?: (read: number) => void;
  /** How many rejected lines the summary keeps in full. Default 100. */
  keepErrors?: number;
}

/**
 * Imports a journal export from a stream of chunks (e.g. `fs.createReadStream(file)`).
 *
 * @example
 * const summary = await importJournal(createReadStream('journal.csv'), {
 *   format: 'csv',
 *   onEntry: (entry) => report.add(entry),
 * });
 * summary.rejected; // lines that could not be read
 */
export async function importJournal(input: AsyncIterable<string | Uint8Array>, options: ImportJournalOptions): Promise<ImportSummary> {
  const { format, onEntry, onProgress, keepErrors = 100 } = options;
  const zone = createDayZone(options.timeZone ?? 'Asia/Yekaterinburg');
  const summary: ImportSummary = { format, accepted: 0, rejected: 0, errors: [] };

  function reject(line: number, field: string | null, message: string): void {
    summary.rejected++;
    if (summary.errors.length < keepErrors) summary.errors.push({ line, field, message: `line ${line}: ${message}` });
  }

  function accept(raw: unknown, line: number, describe: (field: string) => string): void {
    let entry: JournalEntry;
    try {
      entry = readJournalRecord(raw, zone);
    } catch (error) {
      if (!isReglamentError(error, 'INVALID_INPUT')) throw error;
      const field = typeof error.details?.field === 'string' ? error.details.field : null;
      reject(line, field, field === null ? error.message : `${describe(field)}: ${error.message}`);
      return;
    }
    summary.accepted++;
    onEntry(entry);
  }

  const feed = format === 'csv' ? csvFeed(accept, reject) : jsonLinesFeed(accept, reject);
  const decoder = new TextDecoder('utf-8');
  let read = 0;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      read += chunk.length;
      feed.push(chunk);
    } else {
      read += chunk.byteLength;
      feed.push(decoder.decode(chunk, { stream: true }));
    }
    onProgress?.(read);
  }
  feed.push(decoder.decode());
  feed.end();
  return summary;
}

type Accept = (raw: unknown, line: number, describe: (field: string) => string) => void;
type Reject = (line: number, field: string | null, message: string) => void;

interface Feed {
  push(text: string): void;
  end(): void;
}

function jsonLinesFeed(accept: Accept, reject: Reject): Feed {
  let rest = '';
  let line = 0;
  let first = true;
  const describe = (field: string) => `field "${field}"`;

  function readLine(text: string): void {
    line++;
    if (text.length === 0 || text.trim().length === 0) return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      // The parser's own message quotes the line, which may hold personal data: not repeated.
      reject(line, null, 'not valid JSON');
      return;
    }
    accept(raw, line, describe);
  }

  return {
    push(text) {
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let start = 0;
      let newline = text.indexOf('\n');
      if (newline >= 0 && rest.length > 0) {
        const head = rest + text.slice(0, newline);
        rest = '';
        readLine(head.charCodeAt(head.length - 1) === 13 ? head.slice(0, -1) : head);
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      while (newline >= 0) {
        const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        readLine(text.slice(start, end));
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      rest += text.slice(start);
    },
    end() {
      if (rest.length > 0) readLine(rest.charCodeAt(rest.length - 1) === 13 ? rest.slice(0, -1) : rest);
      rest = '';
    },
  };
}

function csvFeed(accept: Accept, reject: Reject): Feed {
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
