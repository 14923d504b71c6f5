import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { boundaryOf, readUploadForm } from '../../src/admin/multipart.js';
import { isReglamentError } from '../../src/errors.js';

const multipart = suite('admin/multipart: the upload form read as a stream');

const boundary = '----formdata-7Rk';
const file = 'Школа;Класс\r\nschool-1;5А\r\n--not-the-boundary\r\n';
const body = [
  `--${boundary}\r\nContent-Disposition: form-data; name="from"\r\n\r\n2025-03-01\r\n`,
  `--${boundary}\r\nContent-Disposition: form-data; name="school"\r\n\r\n\r\n`,
  `--${boundary}\r\nContent-Disposition: form-data; name="journal"; filename="журнал.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n`,
  `--${boundary}\r\nContent-Disposition: form-data; name="after"\r\n\r\nignored\r\n--${boundary}--\r\n`,
].join('');
const bytes = new TextEncoder().encode(body);

async function* chunked(size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

multipart('the boundary of a multipart Content-Type, quoted or not', () => {
  assert.is(boundaryOf(`multipart/form-data; boundary=${boundary}`), boundary);
  assert.is(boundaryOf('multipart/form-data; boundary="a b"'), 'a b');
  assert.is(boundaryOf('text/csv'), null);
  assert.is(boundaryOf(undefined), null);
});

for (const size of [1, 2, 3, 7, 16, 19, 64, bytes.length]) {
  multipart(`fields before the file, then the file's exact bytes, in chunks of ${size}`, async () => {
    const form = await readUploadForm(chunked(size), boundary);
    assert.equal(form.fields, { from: '2025-03-01', school: '' });
    assert.is(form.file?.name, 'journal');
    assert.is(form.file?.filename, 'журнал.csv');
    assert.is(form.file?.contentType, 'text/csv');
    assert.is(await text(form.file!.chunks), file);
  });
}

multipart('a form without a file part', async () => {
  const only = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="from"\r\n\r\n2025-03-01\r\n--${boundary}--\r\n`);
  const form = await readUploadForm((async function* () { yield only; })(), boundary);
  assert.equal(form, { fields: { from: '2025-03-01' }, file: null });
});

multipart('a truncated file is INVALID_INPUT, not a silently shorter journal', async () => {
  const cut = bytes.slice(0, body.indexOf('--not-the-boundary') + 40);
  const form = await readUploadForm((async function* () { yield cut; })(), boundary);
  try {
    await text(form.file!.chunks);
    assert.unreachable('a cut file was accepted');
  } catch (error) {
    assert.ok(isReglamentError(error, 'INVALID_INPUT'), String(error));
  }
});

multipart.run();
