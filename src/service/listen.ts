/**
 * @module service/listen
 * Puts the app on a TCP port with Node's HTTP server (@hono/node-server) and takes it off
 * again: `close()` stops accepting, lets requests in flight finish, and drops idle keep-alive
 * connections so a stop does not hang.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { ReglamentError } from '../errors.js';

export interface Listening {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on `host:port` (port 0: any free port).
 *
 * @example
 * const { url, close } = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
 */
export function listen(fetch: (request: Request) => Response | Promise<Response>, { host, port }: { host: string; port: number }): Promise<Listening> {
  const server = createAdaptorServer({ fetch, hostname: host }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const message = error.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use (set PORT)` : `cannot listen on ${host}:${port}: ${error.code ?? error.message}`;
      reject(new ReglamentError('INVALID_INPUT', message, { path: '/env/PORT', cause: error }));
    });
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shown}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
