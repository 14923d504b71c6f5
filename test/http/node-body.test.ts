import { request as httpRequest } from 'node:http';
import { Hono } from 'hono';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { limitJsonBody } from '../../src/http/middleware/node-body.js';
import { listen, type Listening } from '../../src/service/listen.js';

const body = suite<{ server: Listening }>('JSON bodies read straight from Node, within the limit');

body.before(async (context) => {
  const app = new Hono();
  app.use(limitJsonBody(64));
  app.post('/echo', async (c) => {
    // Set before the handler reads the body only when the fast path took it from Node.
    const direct = c.req.bodyCache.text !== undefined;
    try {
      return c.json({ got: await c.req.json(), direct }, 200);
    } catch {
      return c.json({ malformed: true }, 400);
    }
  });
  app.post('/raw', async (c) => c.json({ text: await c.req.raw.text() }, 200));
  context.server = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
});
body.after(async ({ server }) => server.close());

/** Sends `chunks` as one request; without a length, Node sends them chunked. */
function send(url: string, path: string, chunks: string[], headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, json: text.startsWith('{') ? JSON.parse(text) : text }));
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

const json = (text: string) => ({ 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });

body('a JSON body with its length is parsed, UTF-8 included', async ({ server }) => {
  const text = '{"type":"REGISTER","note":"Иван"}';
  assert.equal(await send(server.url, '/echo', [text], json(text)), { status: 200, json: { got: { type: 'REGISTER', note: 'Иван' }, direct: true } });
});

body('a length over the limit is 413 and the body is not read', async ({ server }) => {
  const text = JSON.stringify({ type: 'x'.repeat(100) });
  assert.is((await send(server.url, '/echo', [text], json(text))).status, 413);
});

body('a chunked body goes through the stream and is still limited', async ({ server }) => {
  const small = await send(server.url, '/echo', ['{"type":', '"A"}'], { 'content-type': 'application/json' });
  assert.equal(small, { status: 200, json: { got: { type: 'A' }, direct: false } });
  const large = await send(server.url, '/echo', ['{"type":"', 'x'.repeat(100), '"}'], { 'content-type': 'application/json' });
  assert.is(large.status, 413);
});

body('malformed JSON fails parsing as before', async ({ server }) => {
  assert.equal(await send(server.url, '/echo', ['{"type":'], json('{"type":')), { status: 400, json: { malformed: true } });
});

body('another media type keeps the raw Request body', async ({ server }) => {
  assert.equal(await send(server.url, '/raw', ['hello'], { 'content-type': 'text/plain', 'content-length': '5' }), { status: 200, json: { text: 'hello' } });
});

body.run();
