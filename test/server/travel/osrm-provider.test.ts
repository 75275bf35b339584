import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ESTIMATE,
  type LatLon,
  estimateTravel,
} from '../../../server/solver-bridge/travel.ts';
import { type OsrmOptions, osrmProvider } from '../../../server/travel/osrm-provider.ts';
import { type FakeOsrm, fakeRoadSeconds, startFakeOsrm } from './fake-osrm.ts';

/** Five places in central Stockholm, a few hundred metres to a few km apart. */
const POINTS: LatLon[] = [
  { lat: 59.3195, lon: 18.0717 },
  { lat: 59.3428, lon: 18.0497 },
  { lat: 59.3326, lon: 18.0649 },
  { lat: 59.3121, lon: 18.0844 },
  { lat: 59.3401, lon: 18.0301 },
];

/** What the provider should make of the fake's road seconds: car allowance, then the buffer. */
const carSeconds = (a: LatLon, b: LatLon) =>
  Math.round((fakeRoadSeconds([a.lon, a.lat], [b.lon, b.lat]) + 240) * 1.1 + 60);

let fake: FakeOsrm;
let clock = 0;
const provider = (o: Partial<OsrmOptions> = {}) =>
  osrmProvider({
    url: fake.url,
    profiles: { car: 'driving', bike: 'cycling' },
    timeoutMs: 2000,
    blockSize: 2,
    cachePairs: 10_000,
    estimate: DEFAULT_ESTIMATE,
    clock: () => clock,
    ...o,
  });

beforeAll(async () => {
  fake = await startFakeOsrm();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.behaviour = 'ok';
  fake.requests = [];
  fake.noRoute.clear();
  clock = 0;
});

describe('OSRM travel provider', () => {
  it('asks for the table in blocks, prices road times as trips and caches them', async () => {
    const p = provider();
    const m = await p.matrix(POINTS, 'car');
    expect(m.source).toBe('osrm');
    expect(m.fallbackReason).toBeUndefined();
    const n = POINTS.length;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(m.durations[i * n + j]).toBe(i === j ? 0 : carSeconds(POINTS[i], POINTS[j]));
        const metres =
          fakeRoadSeconds([POINTS[i].lon, POINTS[i].lat], [POINTS[j].lon, POINTS[j].lat]) * 10;
        expect(m.distances[i * n + j]).toBe(i === j ? 0 : metres);
      }
    }
    // 5 points in blocks of 2: 3 × 3 requests, none larger than 2 × 2, on the car's profile.
    expect(fake.requests).toHaveLength(9);
    expect(fake.requests.every((r) => r.sources <= 2 && r.destinations <= 2)).toBe(true);
    expect(new Set(fake.requests.map((r) => r.profile))).toEqual(new Set(['driving']));
    // Asked again, in another order: from the cache, no request.
    const again = await p.matrix([POINTS[3], POINTS[0]], 'car');
    expect([...again.durations]).toEqual([
      0,
      carSeconds(POINTS[3], POINTS[0]),
      carSeconds(POINTS[0], POINTS[3]),
      0,
    ]);
    expect(fake.requests).toHaveLength(9);
    // Another mode is another profile: fetched anew.
    await p.matrix(POINTS.slice(0, 2), 'bike');
    expect(fake.requests.at(-1)?.profile).toBe('cycling');
  });

  it('fetches a thousand points in blocks of 100 × 100', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      lat: 59.2 + (i % 40) * 0.005,
      lon: 17.9 + Math.floor(i / 40) * 0.008,
    }));
    const m = await provider({ blockSize: 100, timeoutMs: 60_000 }).matrix(many, 'car');
    expect(m.fallbackReason).toBeUndefined();
    expect(m.source).toBe('osrm');
    expect(fake.requests).toHaveLength(100);
    expect(Math.max(...fake.requests.map((r) => r.sources * r.destinations))).toBe(10_000);
    expect(m.durations[1 * 1000 + 999]).toBe(carSeconds(many[1], many[999]));
  });

  it('estimates a pair the router has no route for', async () => {
    fake.noRoute.add(`${POINTS[0].lon},${POINTS[0].lat}>${POINTS[1].lon},${POINTS[1].lat}`);
    const m = await provider().matrix(POINTS.slice(0, 2), 'car');
    const estimate = estimateTravel().trip!(POINTS[0], POINTS[1], 'car');
    expect([m.durations[1], m.distances[1]]).toEqual([estimate.seconds, estimate.metres]);
    expect(m.durations[2]).toBe(carSeconds(POINTS[1], POINTS[0]));
  });

  it.each([
    ['code', /TooBig/],
    ['http500', /HTTP 500/],
    ['not-json', /not JSON/],
    ['wrong-shape', /not 2×2 durations|wrong shape/],
  ] as const)('falls back to the estimate on %s and says why', async (behaviour, reason) => {
    fake.behaviour = behaviour;
    const m = await provider().matrix(POINTS.slice(0, 2), 'car');
    expect(m.source).toBe('estimate');
    expect(m.fallbackReason).toMatch(reason);
    const estimate = estimateTravel().matrices(POINTS.slice(0, 2), 'car');
    expect([...m.durations]).toEqual([...estimate.durations]);
  });

  it('falls back when the router does not answer in time, and leaves it alone a while', async () => {
    fake.behaviour = 'slow';
    // Generous times: the machine running the tests may be loaded.
    const p = provider({ timeoutMs: 1000, retryAfterMs: 30_000 });
    const started = performance.now();
    const m = await p.matrix(POINTS.slice(0, 3), 'car');
    expect(performance.now() - started).toBeLessThan(4000);
    expect(m).toMatchObject({
      source: 'estimate',
      fallbackReason: 'OSRM did not answer within 1000 ms',
    });
    const asked = fake.requests.length;
    fake.behaviour = 'ok';
    clock = 29_000;
    const paused = await p.matrix(POINTS.slice(0, 3), 'car');
    expect(paused.fallbackReason).toMatch(/^OSRM unavailable: OSRM did not answer/);
    expect(fake.requests).toHaveLength(asked);
    clock = 30_001;
    expect((await p.matrix(POINTS.slice(0, 3), 'car')).source).toBe('osrm');
  });

  it('falls back when nothing listens', async () => {
    const m = await provider({ url: 'http://127.0.0.1:9' }).matrix(POINTS.slice(0, 2), 'car');
    expect(m).toMatchObject({ source: 'estimate' });
    expect(m.fallbackReason).toMatch(/could not be reached|did not answer/);
  });

  it('asks another server for a mode given its own URL', async () => {
    const bikes = await startFakeOsrm();
    try {
      const p = provider({ urls: { bike: bikes.url } });
      expect((await p.matrix(POINTS.slice(0, 2), 'bike')).source).toBe('osrm');
      expect(bikes.requests.map((r) => r.profile)).toEqual(['cycling']);
      expect(fake.requests).toHaveLength(0);
      await p.matrix(POINTS.slice(0, 2), 'car');
      expect(fake.requests.map((r) => r.profile)).toEqual(['driving']);
    } finally {
      await bikes.close();
    }
  });

  it('estimates a mode without a profile', async () => {
    const m = await provider().matrix(POINTS.slice(0, 2), 'transit');
    expect(m).toMatchObject({ source: 'estimate', fallbackReason: 'no OSRM profile for transit' });
    expect(fake.requests).toHaveLength(0);
  });
});
