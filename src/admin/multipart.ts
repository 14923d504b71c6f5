/**
 * @module admin/multipart
 * A streaming reader of the upload form (`multipart/form-data`): the text fields that come
 * before the file are read whole (they are short), then the file's bytes are passed on as they
 * arrive, so a journal export of hundreds of megabytes is never held in memory. The admin form
 * puts its file input last; fields after the file are not read.
 */
import { Buffer } from 'node:buffer';
import { ReglamentError } from '../errors.js';

/** The form as read: the fields before the file, and the file as a stream of chunks. */
export interface StreamedForm {
  fields: Record<string, string>;
  file: { name: string; filename: string; contentType: string; chunks: AsyncIterable<Uint8Array> } | null;
}

const maxHeaderBytes = 8 * 1024;
const maxFieldBytes = 4 * 1024;

function invalid(message: string): ReglamentError {
  return new ReglamentError('INVALID_INPUT', `upload form: ${message}`, { path: '' });
}

/**
 * The boundary of a multipart Content-Type, or null for another type.
 *
 * @example
 * boundaryOf('multipart/form-data; boundary=----x1'); // '----x1'
 */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function headerParams(head: string): { name: string; filename: string | null; contentType: string } {
  const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw invalid('a part without a name');
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
  const contentType = /content-type:\s*([^\r\n;]*)/i.exec(head)?.[1]?.trim().toLowerCase() ?? '';
  return { name, filename, contentType };
}

/**
 * Reads the form from a stream of body chunks.
 *
 * @example
 * const form = await readUploadForm(c.req.raw.body!, boundaryOf(c.req.header('content-type'))!);
 * for await (const chunk of form.file!.chunks) ...
 */
export async function readUploadForm(body: AsyncIterable<Uint8Array>, boundary: string): Promise<StreamedForm> {
  const source = body[Symbol.asyncIterator]();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body starts with `--boundary`: prefix a CRLF so every delimiter looks the same.
  let pending: Buffer = Buffer.from('\r\n');
  let ended = false;
  async function more(): Promise<boolean> {
    if (ended) return false;
    const next = await source.next();
    if (next.done) return !(ended = true);
    pending = pending.length === 0 ? Buffer.from(next.value) : Buffer.concat([pending, next.value]);
    return true;
  }
  async function until(needle: Buffer, limit: number): Promise<number> {
    for (;;) {
      const at = pending.indexOf(needle);
      if (at >= 0) return at;
      if (pending.length > limit) throw invalid('a part header or field is too long');
      if (!(await more())) throw invalid('the form ends too early');
    }
  }

  const fields: Record<string, string> = {};
  // `until` replaces `pending` while it reads: take the index first, then slice the new buffer.
  const first = await until(delimiter, maxHeaderBytes);
  pending = pending.subarray(first + delimiter.length);
  for (;;) {
    while (pending.length < 2 && (await more()));
    if (pending.subarray(0, 2).toString() === '--') return { fields, file: null };
    const headEnd = await until(Buffer.from('\r\n\r\n'), maxHeaderBytes);
    const part = headerParams(pending.subarray(0, headEnd).toString('utf8'));
    pending = pending.subarray(headEnd + 4);
    if (part.filename !== null) {
      return { fields, file: { name: part.name, filename: part.filename, contentType: part.contentType, chunks: fileChunks() } };
    }
    const end = await until(delimiter, maxFieldBytes);
    fields[part.name] = pending.subarray(0, end).toString('utf8');
    pending = pending.subarray(end + delimiter.length);
  }

  async function* fileChunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = pending.indexOf(delimiter);
      if (at >= 0) {
        if (at > 0) yield pending.subarray(0, at);
        return;
      }
      // Keep a tail that may be the start of the delimiter split across chunks.
      const safe = pending.length - (delimiter.length - 1);
      if (safe > 0) {
        yield pending.subarray(0, safe);
        pending = pending.subarray(safe);
      }
      if (!(await more())) throw invalid('the file ends without the closing boundary');
    }
  }
}
