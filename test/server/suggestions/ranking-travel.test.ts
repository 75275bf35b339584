import { describe, expect, it } from 'vitest';
import { MunicipalityState } from '../../../server/live-state/municipality-state.ts';
import type { LiveStaffMember, LiveVisit } from '../../../server/live-state/types.ts';
import { type LatLon, estimateTravel } from '../../../server/solver-bridge/travel.ts';
import { rankCaregivers } from '../../../server/suggestions/rank-caregivers.ts';
import { RANKING_GROUP_PLACES, rankingTravel } from '../../../server/suggestions/ranking-travel.ts';
import type { TravelProvider } from '../../../server/travel/travel-provider.ts';

const now = new Date('2026-11-23T08:00:00Z');
const shift = {
  startsAt: new Date('2026-11-23T06:00:00Z'),
  endsAt: new Date('2026-11-23T15:00:00Z'),
  breakMinutes: 30,
  maxWorkWithoutBreakMinutes: 300,
};

function visit(id: string, patientId: string, over: Partial<LiveVisit> = {}): LiveVisit {
  return {
    id,
    municipalityCode: '0180',
    patientId,
    windowStart: new Date('2026-11-23T08:00:00Z'),
    windowEnd: new Date('2026-11-23T09:00:00Z'),
    windowHard: false,
    durationMinutes: 30,
    taskTypes: ['injection'],
    requiredProfession: 'rn',
    staffCount: 1,
    priority: 'urgent1',
    pinned: false,
    status: 'unassigned',
    version: 1,
    assignees: [],
    ...over,
  };
}

describe('rankingTravel', () => {
  it('ranks through a road-network provider as through the estimate it serves', async () => {
    const asked: LatLon[][] = [];
    // An estimate behind a provider with no synchronous source (as OSRM); not the default
    // estimate, so a trip priced by the fallback (the default) would change the ranking.
    const roads = estimateTravel({ detourFactor: 1.6 });
    const provider: TravelProvider = {
      kind: 'osrm',
      matrix: async (points, mode) => {
        asked.push([...points]);
        return { ...roads.matrices(points, mode), source: 'osrm' };
      },
    };
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 20; round++) {
      const patients = Array.from({ length: 60 }, (_, i) => ({
        id: `p${i}`,
        lat: 59.25 + rnd() * 0.15,
        lon: 17.9 + rnd() * 0.25,
        contactStaffId: i === 0 ? `s${Math.floor(rnd() * 20)}` : null,
        excludedStaffIds: [],
        knownStaffIds: new Set<string>(),
      }));
      const staff: LiveStaffMember[] = Array.from({ length: 20 }, (_, i) => ({
        id: `s${i}`,
        name: `s${i}`,
        profession: 'rn',
        travelMode: (['car', 'bike', 'walk'] as const)[i % 3],
        base: { lat: 59.3 + rnd() * 0.05, lon: 18 + rnd() * 0.05 },
        shifts: [shift],
        delegations: [],
      }));
      const visits = Array.from({ length: 59 }, (_, k) => {
        const start = now.getTime() + Math.floor(rnd() * 6 * 3600) * 1000;
        return visit(`v${k}`, `p${k + 1}`, {
          status: 'assigned',
          windowStart: new Date(start),
          windowEnd: new Date(start + 3600_000),
          assignees: [{ staffId: `s${Math.floor(rnd() * 20)}`, plannedStart: new Date(start) }],
        });
      });
      const target = visit('t', 'p0');
      const state = new MunicipalityState(
        '0180',
        1,
        now,
        new Map(staff.map((s) => [s.id, s])),
        new Map(patients.map((p) => [p.id, p])),
        new Map([...visits, target].map((v) => [v.id, v])),
      );
      const prepared = await rankingTravel(provider, state, target, now, () => undefined);
      expect(prepared.source).toBe('osrm');
      const summary = (travel: typeof prepared.travel) =>
        rankCaregivers(state, target, { now, limit: 5, travel }).map((r) => [
          r.member.id,
          r.start,
          r.deltaCost,
        ]);
      expect(summary(prepared.travel)).toEqual(summary(roads));
    }
    // Matrices over groups of distinct places, at most RANKING_GROUP_PLACES each (here the
    // routes are short), not every place of the municipality.
    expect(asked.length).toBeGreaterThanOrEqual(60);
    for (const points of asked) {
      expect(new Set(points.map((p) => `${p.lat},${p.lon}`)).size).toBe(points.length);
      expect(points.length).toBeLessThanOrEqual(RANKING_GROUP_PLACES);
    }
  });
});
