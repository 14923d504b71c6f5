import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { HTTPException } from 'hono/http-exception';
import { journalFormatOf, limitedChunks } from '../../src/http/upload.js';

const upload = suite('streamed uploads: the journal limit and media types');

async function drain(request: Request, max: number): Promise<number> {
  let bytes = 0;
  for await (const chunk of limitedChunks(request, max)) bytes += chunk.byteLength;
  return bytes;
}

async function status413(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HTTPException && error.status === 413, String(error));
    return;
  }
  assert.unreachable('expected 413');
}

function streamed(parts: string[]): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  return new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

upload('passes every byte up to the limit', async () => {
  assert.is(await drain(streamed(['abc', 'def', 'gh']), 8), 8);
  assert.is(await drain(new Request('http://x/', { method: 'POST' }), 8), 0);
});

upload('a chunked body is cut off as soon as it passes the limit', async () => {
  await status413(drain(streamed(['abcd', 'efgh', 'i']), 8));
});

upload('a Content-Length over the limit is refused before reading', async () => {
  await status413(drain(new Request('http://x/', { method: 'POST', body: 'x'.repeat(9), headers: { 'content-length': '9' } }), 8));
});

upload('media types: JSON Lines and CSV; anything else is 415', () => {
  assert.is(journalFormatOf('application/x-ndjson'), 'jsonl');
  assert.is(journalFormatOf('text/csv; charset=utf-8'), 'csv');
  assert.is(journalFormatOf('Application/JSONL'), 'jsonl');
  for (const type of [undefined, 'application/json', 'text/plain']) {
    try {
      journalFormatOf(type);
      assert.unreachable(String(type));
    } catch (error) {
      assert.ok(error instanceof HTTPException && error.status === 415);
    }
  }
});

upload.run();
