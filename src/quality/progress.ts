/**
 * @module quality/progress
 * A one-line progress bar for long imports, drawn on a terminal stream (the CLI passes stderr,
 * and only when it is a TTY, so pipes and logs never see it). Redraws at most ten times a second.
 */

/**
 * The text of the bar: done of total bytes, and the records read so far.
 *
 * @example
 * renderProgress(512, 1024, 12000, 20); // '[##########..........]  50%  12,000 records'
 */
export function renderProgress(done: number, total: number | undefined, records: number, width = 30): string {
  const count = `${records.toLocaleString('en')} records`;
  if (total === undefined || total <= 0) return count;
  const share = Math.min(1, Math.max(0, done / total));
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${`${Math.floor(share * 100)}%`.padStart(4)}  ${count}`;
}

/** The slice of a writable terminal stream the bar uses. */
export interface ProgressStream {
  write(text: string): unknown;
}

export interface ProgressBar {
  update(done: number, records: number): void;
  /** Clears the line. */
  done(): void;
}

/**
 * A progress bar drawn on `stream` with carriage returns.
 *
 * @example
 * const bar = createProgressBar(process.stderr, size);
 * bar.update(bytesRead, recordsRead);
 * bar.done();
 */
export function createProgressBar(stream: ProgressStream, total: number | undefined, now: () => number = Date.now): ProgressBar {
  let drawnAt = 0;
  let drawn = false;
  return {
    update(done, records) {
      const time = now();
      if (time - drawnAt < 100 && done !== total) return;
      drawnAt = time;
      drawn = true;
      stream.write(`\r${renderProgress(done, total, records)}\u001b[K`);
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
