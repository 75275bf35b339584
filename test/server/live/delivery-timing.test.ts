import { describe, expect, it } from 'vitest';
import { DeliveryTiming } from '../../../server/live/delivery-timing.ts';
import { hubHarness } from './support/hub-harness.ts';

describe('DeliveryTiming', () => {
  it('reports nothing before the first delivery', () => {
    expect(new DeliveryTiming().summary()).toEqual({
      events: 0,
      deliveries: 0,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      maxMs: 0,
    });
  });

  it('gives quantiles to the millisecond and the exact max', () => {
    const t = new DeliveryTiming();
    t.event();
    for (let i = 0; i < 100; i++) t.record(i + 0.5); // 0.5, 1.5, … 99.5
    const s = t.summary();
    expect(s).toMatchObject({ events: 1, deliveries: 100, maxMs: 99.5 });
    expect(s.p50Ms).toBe(50);
    expect(s.p95Ms).toBe(95);
    expect(s.p99Ms).toBe(99);
  });

  it('counts a clock running ahead as 0 and a very late one in its last bucket, max exact', () => {
    const t = new DeliveryTiming();
    t.record(-3);
    t.record(25_000);
    expect(t.summary()).toMatchObject({ deliveries: 2, p50Ms: 1, maxMs: 25_000 });
    expect(t.summary().p99Ms).toBeGreaterThan(9_999);
  });
});

describe('live hub delivery timing', () => {
  it('times every subscription of every event, from the event time to its send', async () => {
    const { client, bus, store, clock, hub } = hubHarness();
    const a = await client();
    const b = await client();
    for (const c of [a, b]) await c.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
    const event = store.append('0180', 'visit.updated', {});
    await bus.publish({ ...event, at: new Date(clock.ms - 25).toISOString() });
    expect(a.socket.eventSeqs()).toEqual([event.seq]);
    expect(b.socket.eventSeqs()).toEqual([event.seq]);
    expect(hub.stats().delivery).toMatchObject({ events: 1, deliveries: 2, p50Ms: 25, maxMs: 25 });
    // An event nobody here follows is not counted.
    await bus.publish(store.append('0184', 'visit.updated', {}));
    expect(hub.stats().delivery.events).toBe(1);
  });
});
