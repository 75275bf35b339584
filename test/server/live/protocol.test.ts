import { describe, expect, it } from 'vitest';
import {
  CloseCode,
  closeCodeName,
  MAX_CLIENT_FRAME_BYTES,
  PROTOCOL_VERSION,
  shouldReconnect,
} from '../../../server/live/protocol.ts';
import { parseClientMessage, parseServerMessage } from '../../../server/live/protocol-parse.ts';

const errorCode = (frame: string | null) => {
  const r = parseClientMessage(frame);
  return !r.ok && 'error' in r ? r.error.code : r.ok ? 'ok' : `close ${r.close.code}`;
};

describe('parseClientMessage', () => {
  it('accepts the four client messages', () => {
    const frames = [
      { type: 'hello', version: PROTOCOL_VERSION, token: 'abc' },
      { type: 'subscribe', municipalities: [{ code: '0180' }, { code: '0184', lastSeq: 12 }] },
      { type: 'unsubscribe', municipalities: ['0180'] },
      { type: 'ping', id: 7 },
    ];
    for (const f of frames)
      expect(parseClientMessage(JSON.stringify(f))).toEqual({ ok: true, message: f });
  });

  it('answers malformed JSON, non-objects and binary frames with malformed_message', () => {
    for (const frame of ['{', '', 'null', '[1]', '"hello"', '42', null])
      expect(errorCode(frame), String(frame)).toBe('malformed_message');
  });

  it('answers an unknown or missing type with unknown_type', () => {
    expect(errorCode('{"type":"shutdown"}')).toBe('unknown_type');
    expect(errorCode('{"kind":"hello"}')).toBe('unknown_type');
    expect(errorCode('{"type":{"a":1}}')).toBe('unknown_type');
  });

  it('names the offending field of an invalid message', () => {
    const r = parseClientMessage(
      JSON.stringify({ type: 'subscribe', municipalities: [{ code: '180', lastSeq: -1 }] }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok && 'error' in r) {
      expect(r.error.code).toBe('invalid_message');
      expect(r.error.message).toMatch(/^municipalities\.0\.code/);
    }
    expect(errorCode('{"type":"hello"}')).toBe('invalid_message'); // no version
    expect(errorCode('{"type":"subscribe","municipalities":[]}')).toBe('invalid_message');
  });

  it('closes with messageTooBig on an oversized frame, counting UTF-8 bytes', () => {
    const big = JSON.stringify({ type: 'ping', id: 'x'.repeat(MAX_CLIENT_FRAME_BYTES) });
    expect(errorCode(big)).toBe(`close ${CloseCode.messageTooBig}`);
    // 6,000 three-byte characters: short in UTF-16, 18 kB in UTF-8.
    expect(errorCode(JSON.stringify({ type: 'ping', id: '€'.repeat(6000) }))).toBe(
      `close ${CloseCode.messageTooBig}`,
    );
  });

  it('never throws, whatever the frame', () => {
    const odd = [
      '{"type":"hello","version":1e400}',
      '{"__proto__":{"type":"ping"}}',
      '\u0000',
      '{"type":"ping","id":{}}',
    ];
    for (const f of odd) expect(() => parseClientMessage(f)).not.toThrow();
  });
});

describe('server messages and close codes', () => {
  it('parses what the server sends (the web client uses this)', () => {
    const ev = {
      type: 'event',
      municipality: '0180',
      seq: 3,
      eventType: 'visit.assigned',
      payload: { id: 'v' },
      at: '2026-11-23T12:00:00.000Z',
    };
    expect(parseServerMessage(JSON.stringify(ev))).toEqual({ ok: true, message: ev });
    expect(parseServerMessage('{"type":"event"}').ok).toBe(false);
  });

  it('names close codes and says which are worth a reconnect', () => {
    expect(closeCodeName(4005)).toBe('slowConsumer');
    expect(closeCodeName(4999)).toBeUndefined();
    expect(shouldReconnect(CloseCode.slowConsumer)).toBe(true);
    expect(shouldReconnect(CloseCode.goingAway)).toBe(true);
    expect(shouldReconnect(CloseCode.unauthorized)).toBe(false);
    expect(shouldReconnect(CloseCode.unsupportedVersion)).toBe(false);
    // A session that ended needs a new log-in, not a retry with the same token.
    expect(closeCodeName(4006)).toBe('sessionEnded');
    expect(shouldReconnect(CloseCode.sessionEnded)).toBe(false);
    expect(new Set(Object.values(CloseCode)).size).toBe(Object.values(CloseCode).length);
  });
});
