import { WebSocket } from 'ws';
import type { ServerMessage } from '../../../../server/live/protocol.ts';

/** A `ws` client that collects messages and lets a test wait for the next one it wants. */
export async function wsClient(url: string) {
  const ws = new WebSocket(url);
  const received: ServerMessage[] = [];
  let waiters: (() => void)[] = [];
  let closed: { code: number; reason: string } | null = null;
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  ws.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as ServerMessage);
    wake();
  });
  ws.on('close', (code, reason) => {
    closed = { code, reason: reason.toString() };
    wake();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let read = 0;
  return {
    ws,
    received,
    send: (msg: unknown) => ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg)),
    /** The next message not yet taken, waiting up to `ms` for it. */
    async next(ms = 5000): Promise<ServerMessage> {
      const deadline = Date.now() + ms;
      while (read >= received.length) {
        if (closed) throw new Error(`closed ${closed.code} ${closed.reason}`);
        if (Date.now() > deadline) throw new Error('no message in time');
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
      return received[read++];
    },
    async closedWith(ms = 5000): Promise<{ code: number; reason: string }> {
      const deadline = Date.now() + ms;
      while (!closed && Date.now() < deadline)
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      if (!closed) throw new Error('still open');
      return closed;
    },
  };
}
