/**
 * Issue 16: the hub closes a socket whose session ended (`revalidate()`, called on every
 * principal-cache invalidation) or expired (its tick), with `sessionEnded`.
 */
import { describe, expect, it } from 'vitest';
import { CloseCode, PROTOCOL_VERSION } from '../../../server/live/protocol.ts';
import type { LiveSession } from '../../../server/live/socket.ts';
import { FakeSocket, principal, settle } from './support/fakes.ts';
import { hubHarness } from './support/hub-harness.ts';

/** Sessions by token that a test ends, narrows or makes fail at will. */
function sessions(expiresAt = Infinity) {
  const live = new Map<string, LiveSession>();
  let failing = false;
  return {
    add: (token: string, municipalities = ['0180', '0184']) =>
      live.set(token, { principal: principal({ municipalities }), expiresAt }),
    end: (token: string) => live.delete(token),
    fail: (on: boolean) => (failing = on),
    checks: 0,
    authenticate(token: string): Promise<LiveSession | null> {
      this.checks++;
      if (failing) return Promise.reject(new Error('database unreachable'));
      return Promise.resolve(live.get(token) ?? null);
    },
  };
}

function open(h: ReturnType<typeof hubHarness>, s: ReturnType<typeof sessions>, token: string) {
  const socket = new FakeSocket();
  const conn = h.hub.connect(socket, { authenticate: (t) => s.authenticate(t) });
  conn.receive(JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, token }));
  return { socket, conn };
}

describe('live hub: sockets end with their session', () => {
  it('closes the sockets of an ended session on revalidate, one check per token', async () => {
    const h = hubHarness();
    const s = sessions();
    s.add('a');
    s.add('b');
    const a1 = open(h, s, 'a');
    const a2 = open(h, s, 'a');
    const b = open(h, s, 'b');
    await settle();
    s.checks = 0;
    s.end('a');
    await h.hub.revalidate();
    expect(s.checks).toBe(2);
    expect(a1.socket.closedWith).toEqual({ code: CloseCode.sessionEnded, reason: 'session ended' });
    expect(a2.socket.closedWith?.code).toBe(CloseCode.sessionEnded);
    expect(b.socket.closedWith).toBeNull();
    expect(h.hub.stats().connections).toBe(1);
  });

  it('checks again a hello whose token was being checked when sessions changed', async () => {
    const h = hubHarness();
    const s = sessions();
    s.add('a');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const socket = new FakeSocket();
    // The hello's check read the session before the log-out committed.
    const stale = s.authenticate('a');
    let first = true;
    const conn = h.hub.connect(socket, {
      authenticate: async (t) => {
        if (!first) return s.authenticate(t);
        first = false;
        await gate;
        return stale;
      },
    });
    conn.receive(JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, token: 'a' }));
    await settle();
    s.end('a');
    await h.hub.revalidate();
    release();
    await settle();
    expect(socket.ofType('welcome')).toHaveLength(1);
    expect(socket.closedWith?.code).toBe(CloseCode.sessionEnded);
  });

  it('closes a socket when its session expires, on the tick', async () => {
    const h = hubHarness({ idleTimeoutMs: 3_600_000 });
    const s = sessions(h.clock.now() + 60_000);
    s.add('a');
    const { socket } = open(h, s, 'a');
    await settle();
    h.clock.advance(59_999);
    h.hub.tick();
    expect(socket.closedWith).toBeNull();
    h.clock.advance(1);
    h.hub.tick();
    expect(socket.closedWith).toEqual({ code: CloseCode.sessionEnded, reason: 'session expired' });
  });

  it('drops a subscription the narrowed session may no longer follow', async () => {
    const h = hubHarness();
    const s = sessions();
    s.add('a');
    const { socket, conn } = open(h, s, 'a');
    await settle();
    conn.receive(
      JSON.stringify({ type: 'subscribe', municipalities: [{ code: '0180' }, { code: '0184' }] }),
    );
    await settle();
    s.add('a', ['0180']);
    await h.hub.revalidate();
    expect(socket.closedWith).toBeNull();
    expect(socket.ofType('error')).toMatchObject([{ code: 'forbidden', municipality: '0184' }]);
    await h.append('0184');
    await h.append('0180');
    await settle();
    expect(socket.ofType('event').map((e) => e.municipality)).toEqual(['0180']);
  });

  it('keeps the socket open when the check itself fails', async () => {
    const h = hubHarness();
    const s = sessions();
    s.add('a');
    const { socket } = open(h, s, 'a');
    await settle();
    s.fail(true);
    await h.hub.revalidate();
    expect(socket.closedWith).toBeNull();
    await h.hub.close();
  });
});
