import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.ts';
import { DEFAULT_ESTIMATE, haversineMetres } from '../../../server/solver-bridge/travel.ts';
import { travelFromConfig } from '../../../server/travel/travel-from-config.ts';

const slussen = { lat: 59.3195, lon: 18.0717 };
const odenplan = { lat: 59.3428, lon: 18.0497 };

describe('travel settings', () => {
  it('keep the built-in estimate when nothing is set', () => {
    expect(travelFromConfig(loadConfig({}))).toBeNull();
  });

  it('price trips with the configured detour, speed, allowance, buffer and minimum', async () => {
    const travel = travelFromConfig(
      loadConfig({
        TRAVEL_DETOUR_FACTOR: '1.5',
        TRAVEL_BIKE_KMH: '18',
        TRAVEL_BIKE_ALLOWANCE_SECONDS: '120',
        TRAVEL_BUFFER_FACTOR: '1.2',
        TRAVEL_BUFFER_SECONDS: '30',
      }),
    )!;
    expect(travel.kind).toBe('estimate');
    const m = await travel.matrix([slussen, odenplan], 'bike');
    const metres = Math.round(haversineMetres(slussen, odenplan) * 1.5);
    expect(m.distances[1]).toBe(metres);
    // metres at 5 m/s, plus 120 s, times 1.2, plus 30 s.
    expect(m.durations[1]).toBe(Math.round((metres / 5 + 120) * 1.2 + 30));
    expect(m.source).toBe('estimate');
    const floor = travelFromConfig(loadConfig({ TRAVEL_MIN_SECONDS: '3000' }))!;
    expect((await floor.matrix([slussen, odenplan], 'car')).durations[1]).toBe(3000);
    expect(floor.estimate).toEqual({ ...DEFAULT_ESTIMATE, minSeconds: 3000 });
  });

  it('use OSRM when OSRM_URL is set, with the profiles named', async () => {
    const c = loadConfig({
      OSRM_URL: 'http://127.0.0.1:9',
      OSRM_PROFILES: 'car:driving,walk:foot',
    });
    expect(c.OSRM_PROFILES).toEqual({ car: 'driving', walk: 'foot' });
    const travel = travelFromConfig(c)!;
    expect(travel.kind).toBe('osrm');
    expect(await travel.matrix([slussen, odenplan], 'bike')).toMatchObject({
      source: 'estimate',
      fallbackReason: 'no OSRM profile for bike',
    });
  });

  it('name a bad value', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        return (err as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ OSRM_PROFILES: 'boat:ferry' })[0]).toMatch(/^OSRM_PROFILES=.*mode:profile/);
    expect(problems({ OSRM_URL: 'ftp://x' })[0]).toMatch(/^OSRM_URL=/);
    expect(problems({ TRAVEL_CAR_KMH: '0' })[0]).toMatch(/^TRAVEL_CAR_KMH=.*above 0/);
    expect(problems({ TRAVEL_DETOUR_FACTOR: '0.5' })[0]).toMatch(/^TRAVEL_DETOUR_FACTOR=/);
  });
});
