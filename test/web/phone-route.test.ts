/** The phone's pure parts: route order by planned start, the offered steps, the outbox. */
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../web/phone/outbox.ts';
import {
  type RouteVisit,
  nextSteps,
  routeOrder,
  statusAfter,
  stockholmDate,
} from '../../web/phone/route-model.ts';

const ME = 'me';
const visit = (id: string, windowStart: string, planned?: string): RouteVisit =>
  ({
    id,
    windowStart,
    windowEnd: windowStart,
    status: 'assigned',
    version: 1,
    assignees: planned
      ? [{ staffId: ME, plannedStart: planned, plannedStartLocal: '', routeOrder: 1 }]
      : [],
  }) as unknown as RouteVisit;

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

describe('the phone route', () => {
  it('goes by my planned start, then by window start, then by id', () => {
    const early = visit('a', '2026-11-23T12:30:00Z', '2026-11-23T15:10:00Z');
    const late = visit('b', '2026-11-23T13:00:00Z', '2026-11-23T13:10:00Z');
    const unplanned = visit('c', '2026-11-23T14:00:00Z');
    expect(routeOrder([early, unplanned, late], ME).map((v) => v.id)).toEqual(['b', 'c', 'a']);
    // Another caregiver's planned start is not mine.
    expect(routeOrder([early, late], 'someone else').map((v) => v.id)).toEqual(['a', 'b']);
  });

  it('offers the next steps of the lifecycle only', () => {
    expect(nextSteps('assigned')).toEqual(['en_route']);
    expect(nextSteps('en_route')).toEqual(['in_progress', 'no_access']);
    expect(nextSteps('in_progress')).toEqual(['done', 'no_access']);
    expect(nextSteps('done')).toEqual([]);
    expect(statusAfter('assigned', [{ status: 'en_route' }, { status: 'in_progress' }])).toBe(
      'in_progress',
    );
  });

  it('takes today as the Stockholm calendar day, also just after midnight', () => {
    expect(stockholmDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('the outbox', () => {
  it('keeps changes in order across page loads and drops a visit after a conflict', () => {
    const storage = new MemoryStorage();
    const box = new Outbox('k', storage);
    box.add({ visitId: 'v1', status: 'en_route', expectedVersion: 3, at: 'x' });
    box.add({ visitId: 'v2', status: 'en_route', expectedVersion: 1, at: 'x' });
    box.add({ visitId: 'v1', status: 'in_progress', expectedVersion: 4, at: 'x' });
    const reloaded = new Outbox('k', storage);
    expect(reloaded.items.value.map((c) => `${c.visitId}:${c.status}`)).toEqual([
      'v1:en_route',
      'v2:en_route',
      'v1:in_progress',
    ]);
    reloaded.dropVisit('v1');
    expect(reloaded.items.value.map((c) => c.visitId)).toEqual(['v2']);
    reloaded.shift();
    expect(new Outbox('k', storage).items.value).toEqual([]);
    // Another user's queue is under another key.
    expect(new Outbox('other', storage).items.value).toEqual([]);
  });

  it('survives a broken stored value', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{not json');
    expect(new Outbox('k', storage).items.value).toEqual([]);
  });
});
