/**
 * @module quality/import
 * Streams a journal export (JSON Lines or CSV) into journal entries. A bad record is rejected
 * with its line number and field, and the import goes on; the summary counts what was accepted
 * and rejected and keeps the first errors. Memory does not grow with the file: chunks are read,
 * split into lines and dropped.
 */
import { isReglamentError } from '../errors.js';
import { csvFeed } from './csv-feed.js';
import { createDayZone } from './days.js';
import { readJournalLine } from './json-line.js';
import { jsonLinesFeed } from './json-lines-feed.js';
import { readJournalRecord } from './record.js';
import type { QualityEntry } from './types.js';

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
  onEntry: (entry: QualityEntry) => void;
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
    let entry: QualityEntry;
    try {
      entry = readJournalRecord(raw, zone);
    } catch (error) {
      if (!isReglamentError(error, 'INVALID_INPUT')) throw error;
      const field = typeof error.details?.field === 'string' ? error.details.field : null;
      reject(line, field, field === null ? error.message : `${describe(field)}: ${error.message}`);
      return;
    }
    acceptEntry(entry);
  }

  function acceptEntry(entry: QualityEntry): void {
    summary.accepted++;
    onEntry(entry);
  }

  function fast(text: string, start: number, end: number): boolean {
    const entry = readJournalLine(text, zone, start, end);
    if (entry === undefined) return false;
    acceptEntry(entry);
    return true;
  }

  const feed = format === 'csv' ? csvFeed(accept, reject) : jsonLinesFeed(accept, reject, fast);
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
