import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger.ts';
import type { LiveHub } from './hub.ts';
import { CloseCode } from './protocol.ts';
import type { Authenticate, LiveSocket } from './socket.ts';
import { lastTextFramer } from './text-frame.ts';

export interface AttachOptions {
  hub: LiveHub;
  authenticate: Authenticate;
  logger: Logger;
  /** Default `/ws`. */
  path?: string;
  /** How long `close()` waits for clients to answer the close frame. */
  closeTimeoutMs?: number;
}

/**
 * Serves the live protocol at `/ws` on the HTTP server's `upgrade` event with a `ws`
 * server in noServer mode. Authentication happens in the first message (`hello` with the
 * token), not in the URL (it would end up in logs) nor in a header (browsers cannot set
 * one); as no cookie is trusted, a cross-site page gains nothing by opening a socket.
 * Returns a function that closes every socket with `goingAway` and stops accepting.
 */
export function attachWebSocket(server: Server, options: AttachOptions): () => Promise<void> {
  const { hub, authenticate, logger } = options;
  const path = options.path ?? '/ws';
  // ws enforces the frame bound itself (closing with 1009) before buffering a huge frame.
  // No permessage-deflate: compressing each frame per socket costs more than it saves here.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: hub.limits.maxFrameBytes,
    perMessageDeflate: false,
  });
  const frame = lastTextFramer();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname !== path) {
      // Another upgrade handler may serve it; if we are the only one, refuse it properly.
      if (server.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const conn = hub.connect(adapt(ws, frame), { authenticate });
      ws.on('message', (data, isBinary) => conn.receive(isBinary ? null : data.toString()));
      ws.on('close', () => conn.closed());
      ws.on('error', (err) => logger.debug('live socket error', { err }));
    });
  };
  server.on('upgrade', onUpgrade);
  logger.debug('live updates at', { path });

  return async () => {
    server.off('upgrade', onUpgrade);
    const open = [...wss.clients];
    for (const ws of open) ws.close(CloseCode.goingAway, 'server shutting down');
    await Promise.race([
      Promise.all(open.map((ws) => new Promise((r) => ws.once('close', r)))),
      new Promise((r) => setTimeout(r, options.closeTimeoutMs ?? 2000).unref()),
    ]);
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

/** ws's internal sender; `sendFrame` writes an already framed message (see `adapt`). */
interface FrameSender {
  sendFrame(list: Buffer[]): void;
}

function adapt(ws: WebSocket, frame: (text: string) => Buffer): LiveSocket {
  // An event goes to every subscriber: frame it once and write the frame to each socket,
  // as socket.io does for broadcasts (ws's Sender.sendFrame; websockets/ws#617). Only
  // without extensions (no compression), where ws.send would write the same bytes; ws's
  // public send is the fallback should a ws version lack sendFrame.
  const sender = (ws as unknown as { _sender?: Partial<FrameSender> })._sender;
  const framed =
    ws.extensions === '' && typeof sender?.sendFrame === 'function'
      ? (sender as FrameSender)
      : null;
  return {
    send: (data) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (framed) framed.sendFrame([frame(data)]);
      else ws.send(data);
    },
    close: (code, reason) => ws.close(code, reason.slice(0, 120)), // close reasons max 123 bytes
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
