import { describe, expect, it } from 'vitest';
import {
  CloseCode,
  MAX_CLIENT_FRAME_BYTES,
  PROTOCOL_VERSION,
} from '../../../server/live/protocol.ts';
import { FakeSocket, fakeAuthenticate, settle } from './support/fakes.ts';
import { hubHarness } from './support/hub-harness.ts';

describe('live hub: handshake and bad input', () => {
  it('welcomes a valid hello with the heartbeat terms', async () => {
    const { client } = hubHarness({ heartbeatMs: 5000, idleTimeoutMs: 15000 });
    const { socket } = await client();
    expect(socket.messages()).toEqual([
      {
        type: 'welcome',
        version: PROTOCOL_VERSION,
        heartbeatMs: 5000,
        idleTimeoutMs: 15000,
        user: { username: 'natt.stockholm', role: 'dispatcher', municipalities: ['0180', '0184'] },
      },
    ]);
    expect(socket.closedWith).toBeNull();
  });

  it('refuses another protocol version with an error and unsupportedVersion', async () => {
    const { hub } = hubHarness();
    const socket = new FakeSocket();
    hub
      .connect(socket, { authenticate: fakeAuthenticate })
      .receive('{"type":"hello","version":99,"token":"t:admin:"}');
    await settle();
    expect(socket.ofType('error')[0].code).toBe('unsupported_version');
    expect(socket.closedWith?.code).toBe(CloseCode.unsupportedVersion);
  });

  it('closes with unauthorized on a bad or missing token', async () => {
    for (const hello of [{ token: 'forged' }, {}]) {
      const { hub } = hubHarness();
      const socket = new FakeSocket();
      hub
        .connect(socket, { authenticate: fakeAuthenticate })
        .receive(JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, ...hello }));
      await settle();
      expect(socket.ofType('error')[0].code).toBe('unauthenticated');
      expect(socket.closedWith?.code).toBe(CloseCode.unauthorized);
    }
  });

  it('closes with internalError when authentication itself fails, without throwing', async () => {
    const { hub } = hubHarness();
    const socket = new FakeSocket();
    const conn = hub.connect(socket, { authenticate: () => Promise.reject(new Error('db down')) });
    conn.receive(JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, token: 'x' }));
    await settle();
    expect(socket.closedWith?.code).toBe(CloseCode.internalError);
  });

  it('handles messages sent right behind hello, after the welcome', async () => {
    const { hub } = hubHarness();
    const socket = new FakeSocket();
    const conn = hub.connect(socket, { authenticate: fakeAuthenticate });
    conn.receive(
      JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, token: 't:dispatcher:0180' }),
    );
    conn.receive(JSON.stringify({ type: 'subscribe', municipalities: [{ code: '0180' }] }));
    await settle();
    expect(socket.messages().map((m) => m.type)).toEqual(['welcome', 'snapshot']);
  });

  it('answers bad frames with errors, then closes with badRequest after too many', async () => {
    const { client } = hubHarness({ maxStrikes: 3 });
    const { socket, conn } = await client();
    conn.receive('not json');
    conn.receive(null);
    expect(socket.ofType('error').map((e) => e.code)).toEqual([
      'malformed_message',
      'malformed_message',
    ]);
    expect(socket.closedWith).toBeNull();
    conn.receive('{"type":"teleport"}');
    expect(socket.ofType('error')[2].code).toBe('unknown_type');
    expect(socket.closedWith?.code).toBe(CloseCode.badRequest);
    expect(() => conn.receive('{"type":"ping"}')).not.toThrow(); // after close: ignored
  });

  it('closes an oversized frame with messageTooBig', async () => {
    const { client } = hubHarness();
    const { socket, conn } = await client();
    conn.receive(JSON.stringify({ type: 'ping', id: 'x'.repeat(MAX_CLIENT_FRAME_BYTES) }));
    expect(socket.closedWith?.code).toBe(CloseCode.messageTooBig);
  });

  it('wants hello before subscribe, and only one hello', async () => {
    const { hub, client } = hubHarness();
    const early = new FakeSocket();
    hub
      .connect(early, { authenticate: fakeAuthenticate })
      .receive('{"type":"subscribe","municipalities":[{"code":"0180"}]}');
    expect(early.ofType('error')[0].code).toBe('hello_required');
    const { socket, send } = await client();
    await send({ type: 'hello', version: PROTOCOL_VERSION, token: 't:admin:' });
    expect(socket.ofType('error')[0].code).toBe('already_authenticated');
  });

  it('answers ping with pong carrying the id', async () => {
    const { client } = hubHarness();
    const { socket, send } = await client();
    await send({ type: 'ping', id: 'abc' });
    expect(socket.ofType('pong')).toEqual([
      { type: 'pong', id: 'abc', serverTime: '2026-11-23T12:00:00.000Z' },
    ]);
  });
});

describe('live hub: timeouts and scope', () => {
  it('closes a connection that never says hello', () => {
    const { hub, clock } = hubHarness({ handshakeTimeoutMs: 1000 });
    const socket = new FakeSocket();
    hub.connect(socket, { authenticate: fakeAuthenticate });
    clock.advance(1000);
    hub.tick();
    expect(socket.closedWith).toBeNull();
    clock.advance(1);
    hub.tick();
    expect(socket.closedWith?.code).toBe(CloseCode.handshakeTimeout);
    expect(hub.stats().connections).toBe(0);
  });

  it('keeps a pinging client and closes a silent one with idleTimeout', async () => {
    const { hub, clock, client } = hubHarness({ idleTimeoutMs: 3000 });
    const pinging = await client();
    const silent = await client();
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      await pinging.send({ type: 'ping' });
      hub.tick();
    }
    expect(pinging.socket.closedWith).toBeNull();
    expect(silent.socket.closedWith?.code).toBe(CloseCode.idleTimeout);
  });

  it('refuses a municipality outside the scope with an error naming it, and serves the rest', async () => {
    const { client } = hubHarness();
    const { socket, send } = await client('t:dispatcher:0180');
    await send({ type: 'subscribe', municipalities: [{ code: '0184' }, { code: '0180' }] });
    expect(socket.ofType('error')).toEqual([
      {
        type: 'error',
        code: 'forbidden',
        message: 'Not allowed to follow municipality 0184',
        municipality: '0184',
      },
    ]);
    expect(socket.ofType('snapshot').map((s) => s.municipality)).toEqual(['0180']);
    expect(socket.closedWith).toBeNull();
  });

  it('lets an admin follow any municipality and keeps caregivers out', async () => {
    const { client } = hubHarness();
    const admin = await client('t:admin:');
    await admin.send({ type: 'subscribe', municipalities: [{ code: '0184' }] });
    expect(admin.socket.ofType('snapshot')).toHaveLength(1);
    const caregiver = await client('t:caregiver:0180');
    await caregiver.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
    expect(caregiver.socket.ofType('error')[0].code).toBe('forbidden');
  });

  it('reports an unknown municipality and drops that subscription', async () => {
    const { client } = hubHarness({}, async () => null);
    const { socket, send } = await client('t:admin:');
    await send({ type: 'subscribe', municipalities: [{ code: '9999' }] });
    expect(socket.ofType('error')[0]).toMatchObject({
      code: 'unknown_municipality',
      municipality: '9999',
    });
  });

  it('closes connections beyond maxConnections with tryAgainLater', async () => {
    const { client } = hubHarness({ maxConnections: 1 });
    await client();
    const second = await client();
    expect(second.socket.closedWith?.code).toBe(CloseCode.tryAgainLater);
  });

  it('closes everyone with goingAway when the hub closes', async () => {
    const { hub, client } = hubHarness();
    const a = await client();
    await a.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
    await hub.close();
    expect(a.socket.closedWith?.code).toBe(CloseCode.goingAway);
    expect(hub.stats()).toMatchObject({ connections: 0, municipalities: 0, queued: 0 });
  });
});
