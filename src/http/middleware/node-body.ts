/**
 * @module http/middleware/node-body
 * The body limit, with a fast path for JSON on Node: a JSON body with a Content-Length within
 * the limit is read straight from Node's request into Hono's body cache, so `c.req.json()`
 * does not build a WHATWG Request and a web stream around it (a sizeable share of a command's
 * CPU time under load). Node's parser delivers exactly Content-Length bytes, so the limit holds.
 * Everything else (chunked bodies, other media types, other runtimes) goes through `limitBody`.
 * Not for apps mounted with `app.mount`: they get the raw Request, whose body this consumes.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, Next } from 'hono';
import { limitBody } from './guards.js';

const jsonMedia = /^application\/([\w.-]+\+)?json$/i;

function readText(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(new TextDecoder().decode(Buffer.concat(chunks))));
    incoming.once('error', reject);
  });
}

/**
 * Hono middleware: 413 for a body over `maxSize` bytes; JSON bodies on Node read directly.
 *
 * @example
 * app.use(limitJsonBody(64 * 1024));
 */
export function limitJsonBody(maxSize: number) {
  const limit = limitBody(maxSize);
  return async function limitJsonBody(c: Context, next: Next) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const length = c.req.header('content-length');
    const media = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    const direct =
      incoming !== undefined && typeof incoming.on === 'function' && !incoming.readableDidRead && length !== undefined && /^\d+$/.test(length) && Number(length) <= maxSize && c.req.header('transfer-encoding') === undefined && jsonMedia.test(media);
    if (!direct) return limit(c, next);
    // Hono keeps the body's promise in the cache; its declared type names the settled value.
    (c.req.bodyCache as { text?: Promise<string> }).text = readText(incoming);
    return next();
  };
}
