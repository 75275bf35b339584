import { describe, expect, it } from 'vitest';
import { PositionStore } from '../../../server/positions/positions.ts';
import {
  DEFAULT_ESTIMATE,
  haversineMetres,
  estimateTravel,
} from '../../../server/solver-bridge/travel.ts';

describe('travel estimates', () => {
  const slussen = { lat: 59.3196, lon: 18.0722 };
  const odenplan = { lat: 59.3429, lon: 18.0498 };

  it('haversine is about 2.9 km from Slussen to Odenplan', () => {
    expect(haversineMetres(slussen, odenplan)).toBeGreaterThan(2800);
    expect(haversineMetres(slussen, odenplan)).toBeLessThan(3000);
  });

  it('prices each mode with detour, overhead and buffer; same place costs nothing', () => {
    const source = estimateTravel({ bufferFactor: 1, bufferSeconds: 0 });
    const points = [slussen, odenplan];
    const car = source.matrices(points, 'car');
    const walk = source.matrices(points, 'walk');
    const metres = Math.round(haversineMetres(slussen, odenplan) * 1.3);
    expect(car.distances[1]).toBe(metres);
    expect(car.distances).toBe(walk.distances); // shared across profiles
    expect(car.durations[0]).toBe(0);
    expect(car.durations[1]).toBe(Math.round(metres / (30 / 3.6) + 240));
    expect(walk.durations[1]).toBe(Math.round(metres / (4.5 / 3.6)));
    const buffered = estimateTravel().matrices(points, 'car');
    expect(buffered.durations[1]).toBe(Math.round((metres / (30 / 3.6) + 240) * 1.1 + 60));
  });

  it('says it is symmetric, and is: a trip back is exactly the trip there', () => {
    const source = estimateTravel();
    expect(source.symmetric).toBe(true);
    let seed = 9;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Over the whole county and further, down to a few metres apart.
    for (let i = 0; i < 20_000; i++) {
      const a = { lat: 58.7 + rnd() * 1.4, lon: 17.2 + rnd() * 1.9 };
      const near = i % 2 === 0;
      const b = near
        ? { lat: a.lat + (rnd() - 0.5) * 1e-4, lon: a.lon + (rnd() - 0.5) * 1e-4 }
        : { lat: 55 + rnd() * 14, lon: 11 + rnd() * 13 };
      for (const mode of ['car', 'bike', 'walk', 'transit'] as const) {
        expect(source.trip!(b, a, mode)).toEqual(source.trip!(a, b, mode));
      }
    }
  });
});

describe('travel matrices', () => {
  it('hold exactly the single trips, both ways, in every mode, priced by the formula', () => {
    const source = estimateTravel();
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const points = Array.from({ length: 60 }, () => ({
      lat: 59 + rnd() * 0.8,
      lon: 17.6 + rnd() * 1.2,
    }));
    points.push({ ...points[3] }); // the same place twice: no trip
    const n = points.length;
    for (const mode of ['car', 'bike', 'walk', 'transit'] as const) {
      const { kmh, overheadSeconds } = DEFAULT_ESTIMATE.modes[mode];
      const { durations, distances } = source.matrices(points, mode);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const metres = Math.round(haversineMetres(points[i], points[j]) * 1.3);
          const seconds =
            metres <= 0
              ? 0
              : Math.round((metres / ((kmh * 1000) / 3600) + overheadSeconds) * 1.1 + 60);
          expect([durations[i * n + j], distances[i * n + j]]).toEqual([seconds, metres]);
          const trip = source.trip!(points[i], points[j], mode);
          expect([trip.seconds, trip.metres]).toEqual([seconds, metres]);
        }
      }
      expect(durations[3 * n + n - 1]).toBe(0);
    }
  });
});

describe('PositionStore', () => {
  const p = (staffId: string, iso: string) => ({
    staffId,
    municipalityCode: '0180',
    lat: 59.3,
    lon: 18,
    at: new Date(iso),
    status: 'available' as const,
  });

  it('keeps the newest fix, forgets stale ones and stays bounded', () => {
    const store = new PositionStore(2);
    store.set(p('a', '2026-11-23T10:00:00Z'));
    store.set(p('a', '2026-11-23T09:00:00Z')); // late delivery of an older fix
    const now = new Date('2026-11-23T10:10:00Z');
    expect(store.get('a', now)?.at.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(store.get('a', new Date('2026-11-23T11:00:00Z'))).toBeUndefined();
    store.set(p('b', '2026-11-23T10:00:00Z'));
    store.set(p('c', '2026-11-23T10:00:00Z'));
    expect(store.get('a', now)).toBeUndefined(); // evicted: least recently reported
    expect(store.get('c', now)).toBeDefined();
  });
});
