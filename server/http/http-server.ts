import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { App } from '../app.ts';
import { errorBody } from './errors.ts';

export interface RunningServer {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then closes the rest after `timeoutMs`. */
  close(timeoutMs: number): Promise<void>;
}

export function listen(app: App, port: number, hostname: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({ server, port: info.port, close: (t) => closeGracefully(server, t) });
    }) as Server;
    server.once('error', reject);
    server.on('clientError', answerClientError);
  });
}

/**
 * Requests Node refuses before the app sees them. Headers over Node's limit (16 KiB) get a
 * 431 in the JSON error shape, as every other error; the rest get Node's own answer (what
 * it writes when no 'clientError' handler is set).
 */
function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || socket.bytesWritten > 0) {
    socket.destroy(err);
    return;
  }
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const body = JSON.stringify(
      errorBody('headers_too_large', 'The request headers are too large (16 KiB at most)'),
    );
    socket.end(
      'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    return;
  }
  const status =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? '408 Request Timeout'
      : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
        ? '413 Payload Too Large'
        : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}

function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    // Keep-alive sockets with no request in flight would otherwise hold close() open.
    server.closeIdleConnections();
  });
}
