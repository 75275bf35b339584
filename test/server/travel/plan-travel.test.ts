import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { seedDemoData } from '../../../db/seed/seed.ts';
import { serviceDayOf } from '../../../server/planning/demo-day.ts';
import { type PlanDayOptions, planServiceDay } from '../../../server/planning/plan-day.ts';
import { DEFAULT_ESTIMATE, estimateTravel } from '../../../server/solver-bridge/travel.ts';
import { osrmProvider } from '../../../server/travel/osrm-provider.ts';
import type { TravelProvider } from '../../../server/travel/travel-provider.ts';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import { solve } from '../../../solver/solve.ts';
import { validate } from '../../../solver/validate/validate.ts';
import { freshDatabase } from '../../support/databases.ts';
import { type FakeOsrm, startFakeOsrm } from './fake-osrm.ts';

const TODAY = '2026-11-23';
const CODE = '0191';
const NOW = new Date('2026-11-23T04:00:00Z');

/** The estimate without its synchronous source: every matrix goes through prepareTravel. */
const asyncEstimate: TravelProvider = {
  kind: 'osrm',
  matrix: async (points, mode) => ({
    ...estimateTravel().matrices(points, mode),
    source: 'osrm',
  }),
};

describe('planning through a travel provider', () => {
  let database: Database;
  let fake: FakeOsrm;
  const options = (travel?: TravelProvider): PlanDayOptions => ({
    municipality: CODE,
    ...serviceDayOf(TODAY),
    now: NOW,
    timeLimitMs: 100,
    seed: 1,
    travel,
  });
  /** The solver input planning builds with `travel`; nothing is written (the solve throws). */
  const inputWith = async (travel?: TravelProvider): Promise<ProblemInput> => {
    let seen: ProblemInput | undefined;
    const solveFn = (input: ProblemInput) => {
      seen = input;
      throw new Error('captured');
    };
    await expect(
      planServiceDay(database.db, { ...options(travel), solve: solveFn }),
    ).rejects.toThrow('captured');
    return seen!;
  };

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await seedDemoData(database.db, { seed: 3, scale: 0.2, today: TODAY, municipalities: [CODE] });
    fake = await startFakeOsrm();
  });
  afterAll(async () => {
    await fake?.close();
    await database?.close();
  });

  it('gives the solver the very matrices of the built-in estimate when a provider serves them', async () => {
    const builtIn = await inputWith();
    expect(await inputWith(asyncEstimate)).toEqual(builtIn);
  });

  it('plans on the road network when OSRM answers', async () => {
    const builtIn = await inputWith();
    fake.behaviour = 'ok';
    const road = await inputWith(
      osrmProvider({
        url: fake.url,
        profiles: { car: 'driving', bike: 'cycling', walk: 'foot', transit: 'transit' },
        timeoutMs: 10_000,
        blockSize: 50,
        cachePairs: 100_000,
        estimate: DEFAULT_ESTIMATE,
      }),
    );
    expect(road.profiles.map((p) => p.name)).toEqual(builtIn.profiles.map((p) => p.name));
    expect(road.profiles[0].durations).not.toEqual(builtIn.profiles[0].durations);
    expect(fake.requests.length).toBeGreaterThan(0);
    const solution = solve(road, { seed: 1, timeLimitMs: 100, clock: () => performance.now() });
    expect(validate(road, solution).violations).toEqual([]);
  });

  // Last: this one writes the plan.
  it('falls back to the estimate when OSRM fails, and the summary says so', async () => {
    const builtIn = await inputWith();
    fake.behaviour = 'http500';
    const provider = osrmProvider({
      url: fake.url,
      profiles: { car: 'driving', bike: 'cycling', walk: 'foot', transit: 'transit' },
      timeoutMs: 2000,
      blockSize: 50,
      cachePairs: 100_000,
      estimate: DEFAULT_ESTIMATE,
    });
    let input: ProblemInput | undefined;
    const summary = await planServiceDay(database.db, {
      ...options(provider),
      solve: (i, o) => {
        input = i;
        return solve(i, { ...o, clock: () => performance.now() });
      },
    });
    expect(input).toEqual(builtIn);
    expect(summary.travel.source).toBe('estimate');
    expect(summary.travel.fallbackReason).toMatch(/^car: OSRM answered HTTP 500/);
    expect(summary.assigned).toBeGreaterThan(0);
  });
});
