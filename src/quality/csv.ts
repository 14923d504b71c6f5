/**
 * @module quality/csv
 * A small streaming CSV reader for e-journal exports (RFC 4180 plus what Russian spreadsheet
 * exports do): a UTF-8 byte order mark is dropped, the delimiter is `;`, `,` or a tab (the one
 * the header line uses most), fields may be quoted with `"` and then hold delimiters, line
 * breaks and doubled quotes, lines end with LF or CRLF, and blank lines are skipped. Each record
 * is reported with the number of the line it starts on (the header is line 1).
 */

/** Receives the records of a CSV text as they complete. */
export interface CsvSink {
  row(fields: string[], line: number): void;
  /** A record that cannot be read; the reader goes on with the next one. */
  error(line: number, message: string): void;
}

/** A CSV reader fed chunk by chunk. */
export interface CsvReader {
  push(chunk: string): void;
  /** Ends the input: completes a last record without a line break. */
  end(): void;
  /** The delimiter in use, known once the header line is complete. */
  readonly delimiter: string | undefined;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Picks the delimiter of a header line: the most frequent of `;`, `,` and tab outside quotes.
 *
 * @example
 * detectDelimiter('Школа;Класс;Предмет'); // ';'
 */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [candidate, count] of counts) {
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/**
 * A streaming CSV reader.
 *
 * @example
 * const reader = createCsvReader({ row: (fields, line) => rows.push(fields), error: (line, m) => {} });
 * reader.push('\uFEFFШкола;Класс\n1;"5""А"\n');
 * reader.end(); // rows: [['Школа', 'Класс'], ['1', '5"А']]
 */
export function createCsvReader(sink: CsvSink, options: { delimiter?: string } = {}): CsvReader {
  let delimiter = options.delimiter;
  let pending = '';
  let started = false;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let fieldStarted = false;
  let broken: string | undefined;
  let carriageReturn = false;

  function finishField(): void {
    fields.push(field);
    field = '';
    quoted = false;
    afterQuote = false;
    fieldStarted = false;
  }

  function finishRecord(): void {
    finishField();
    if (broken !== undefined) sink.error(recordLine, broken);
    else if (!(fields.length === 1 && fields[0] === '')) sink.row(fields, recordLine);
    fields = [];
    broken = undefined;
    recordLine = line;
  }

  function scan(text: string): void {
    if (carriageReturn) {
      carriageReturn = false;
      if (text.charCodeAt(0) !== LF) field += '\r';
    }
    const sep = (delimiter as string).charCodeAt(0);
    const length = text.length;
    let start = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (quoted) {
        if (code === QUOTE) {
          field += text.slice(start, i);
          start = i + 1;
          quoted = false;
          afterQuote = true;
        } else if (code === LF) {
          line++;
        }
        continue;
      }
      if (code === sep || code === LF) {
        const end = code === LF && i > start && text.charCodeAt(i - 1) === CR ? i - 1 : i;
        field += text.slice(start, end);
        start = i + 1;
        if (code === LF) {
          line++;
          finishRecord();
        } else {
          finishField();
        }
        continue;
      }
      if (code === QUOTE) {
        if (afterQuote) {
          // `""` inside a quoted field: a literal quote, and the field goes on quoted.
          field += '"';
          start = i + 1;
          quoted = true;
          afterQuote = false;
        } else if (!fieldStarted && field.length === 0 && i === start) {
          start = i + 1;
          quoted = true;
        }
        fieldStarted = true;
        continue;
      }
      if (afterQuote && code !== CR) broken ??= 'text after the closing quote of a field';
      fieldStarted = true;
    }
    const tail = text.slice(start);
    // A CR closing the chunk may be the first half of a CRLF split across chunks.
    if (!quoted && tail.charCodeAt(tail.length - 1) === CR) {
      field += tail.slice(0, -1);
      carriageReturn = true;
    } else {
      field += tail;
    }
  }

  function pushBody(text: string): void {
    if (delimiter === undefined) {
      pending += text;
      const newline = pending.indexOf('\n');
      if (newline < 0) return;
      delimiter = detectDelimiter(pending.slice(0, newline));
      text = pending;
      pending = '';
    }
    scan(text);
  }

  return {
    get delimiter() {
      return delimiter;
    },
    push(chunk) {
      if (!started) {
        started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      pushBody(chunk);
    },
    end() {
      if (delimiter === undefined) {
        if (pending.length === 0) return;
        delimiter = detectDelimiter(pending);
        const text = pending;
        pending = '';
        scan(text);
      }
      if (quoted) {
        broken ??= 'a quoted field is not closed before the end of the file';
        quoted = false;
      }
      if (field.length > 0 || fields.length > 0 || broken !== undefined) finishRecord();
    },
  };
}
