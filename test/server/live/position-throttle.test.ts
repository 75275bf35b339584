import { describe, expect, it } from 'vitest';
import type { LivePosition } from '../../../server/live/position-bus.ts';
import { PositionThrottle } from '../../../server/live/position-throttle.ts';
import { classify } from '../../../server/live/outbox.ts';

const fix = (staffId: string, n: number): LivePosition => ({
  municipalityCode: '0180',
  staffId,
  lat: n,
  lon: 18,
  at: new Date(Date.UTC(2026, 10, 23, 12, 0, n)).toISOString(),
  status: 'en_route',
});

describe('PositionThrottle', () => {
  it('sends a first fix at once, then the newest per caregiver once a second', () => {
    let now = 0;
    const sent: string[] = [];
    const t = new PositionThrottle(
      1_000,
      () => now,
      (p) => sent.push(`${p.staffId}${p.lat}`),
    );
    t.offer(fix('a', 1));
    t.offer(fix('b', 1)); // another caregiver is not held back by a
    for (let n = 2; n <= 5; n++) {
      now += 150;
      t.offer(fix('a', n));
      t.tick();
    }
    expect(sent).toEqual(['a1', 'b1']);
    now = 1_000;
    t.tick();
    expect(sent).toEqual(['a1', 'b1', 'a5']);
    now = 2_100;
    t.offer(fix('a', 6)); // a second after the last: straight out
    expect(sent.at(-1)).toBe('a6');
  });

  it('never lets a late, older fix replace a newer one held', () => {
    let now = 0;
    const sent: number[] = [];
    const t = new PositionThrottle(
      1_000,
      () => now,
      (p) => sent.push(p.lat),
    );
    t.offer(fix('a', 1));
    t.offer(fix('a', 3));
    t.offer(fix('a', 2));
    now = 1_000;
    t.tick();
    expect(sent).toEqual([1, 3]);
  });

  it('a congested socket keeps only the newest position per caregiver', () => {
    const msg = { type: 'position', municipality: '0180', staffId: 'a' } as const;
    expect(classify({ ...msg, lat: 1, lon: 2, at: 'x', status: 's' })).toEqual({
      kind: 'coalesce',
      key: 'fix:0180:a',
    });
  });
});
