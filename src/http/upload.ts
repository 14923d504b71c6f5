/**
 * @module http/upload
 * Large uploads read as a stream: the body's chunks are passed on as they arrive and counted,
 * so a journal export of hundreds of megabytes never sits in memory whole. A body over the
 * limit is a 413 problem: at once when Content-Length says so, else as soon as the count
 * passes it (nothing has been written by then: the report is built in memory and dropped).
 */
import { HTTPException } from 'hono/http-exception';
import type { JournalFormat } from '../quality/import.js';

/** Media types of journal exports and the format each is read as. */
export const journalMediaTypes: Record<string, JournalFormat> = {
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'text/csv': 'csv',
};

/**
 * The journal format of a Content-Type; 415 for any other.
 *
 * @example
 * journalFormatOf('text/csv; charset=utf-8'); // 'csv'
 */
export function journalFormatOf(contentType: string | undefined): JournalFormat {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format = journalMediaTypes[media];
  if (!format) throw new HTTPException(415, { message: `a journal export must be one of: ${Object.keys(journalMediaTypes).join(', ')}` });
  return format;
}

function tooLarge(maxBytes: number): HTTPException {
  return new HTTPException(413, { message: `the request body is larger than ${maxBytes} bytes` });
}

/**
 * The chunks of a request body, failing with PAYLOAD_TOO_LARGE past `maxBytes`.
 *
 * @example
 * await importJournal(limitedChunks(c.req.raw, 200 * 1024 * 1024), { format: 'csv', onEntry });
 */
export async function* limitedChunks(request: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return;
  let read = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > maxBytes) throw tooLarge(maxBytes);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
