import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeEvent } from '../../../server/live/event-message.ts';
import { hubHarness } from './support/hub-harness.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('encodeEvent', () => {
  const event = {
    municipalityCode: '0180',
    seq: 7,
    type: 'visit.assigned',
    payload: { visitId: 'v1' },
    at: '2026-11-23T12:00:00.000Z',
  };

  it('is the protocol event message and its JSON', () => {
    const { msg, text } = encodeEvent(event);
    expect(msg).toEqual({
      type: 'event',
      municipality: '0180',
      seq: 7,
      eventType: 'visit.assigned',
      payload: { visitId: 'v1' },
      at: '2026-11-23T12:00:00.000Z',
    });
    expect(JSON.parse(text)).toEqual(msg);
  });

  it('encodes one event object once', () => {
    expect(encodeEvent(event)).toBe(encodeEvent(event));
    expect(encodeEvent({ ...event })).not.toBe(encodeEvent(event));
  });

  it('serializes a live event once for all its subscribers, each of which gets it', async () => {
    const h = hubHarness();
    const clients = [];
    for (let i = 0; i < 20; i++) {
      const c = await h.client();
      await c.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
      clients.push(c);
    }
    const stringify = vi.spyOn(JSON, 'stringify');
    await h.append('0180', 'visit.assigned', { visitId: 'v1' });
    const calls = stringify.mock.calls.filter(([v]) => (v as { type?: string })?.type === 'event');
    expect(calls).toHaveLength(1);
    stringify.mockRestore();
    for (const c of clients) expect(c.socket.eventSeqs()).toEqual([1]);
  });
});
