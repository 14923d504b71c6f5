/**
 * @module quality/feed
 * What a file format's reader hands back to the import: a raw record with its line, or a
 * rejected line. The import turns raw records into entries and keeps the summary.
 */

/** Reads a raw record (fields by their English names) found on `line`. */
export type Accept = (raw: unknown, line: number, describe: (field: string) => string) => void;
/** Rejects `line`; `field` is null when the line as a whole is unreadable. */
export type Reject = (line: number, field: string | null, message: string) => void;
/** Takes the line `text[start, end)` on a fast path; false sends it to the general one. */
export type FastLine = (text: string, start: number, end: number) => boolean;

/** A format reader fed decoded text chunk by chunk. */
export interface Feed {
  push(text: string): void;
  end(): void;
}
