import { describe, expect, it } from 'vitest';
import { solve } from '../../solver/solve.ts';
import { expectValid } from './helpers/check.ts';
import { lineInstance } from './helpers/line-instance.ts';
import { farRouteInstance } from './helpers/far-route-instance.ts';

let tick = 0;
const opts = (extra: Partial<Parameters<typeof solve>[1]> = {}) => ({
  seed: 7,
  timeLimitMs: 1e12,
  clock: () => tick++,
  maxIterations: 50,
  ...extra,
});

describe('solve on hand-checkable instances', () => {
  it('serves visits at 1, 2, 3 in one out-and-back route of length 60', () => {
    const input = lineInstance([1, 2, 3]);
    const s = solve(input, opts());
    expectValid(input, s);
    expect(s.cost).toBe(60);
    expect(s.terms.usedCaregivers).toBe(1);
    expect(s.unassigned).toEqual([]);
  });

  it('uses two caregivers for a two-person visit (sync 0/0) and starts them together', () => {
    const input = lineInstance([2, 2]);
    input.syncs = [{ first: 0, second: 1, minGap: 0, maxGap: 0 }];
    const s = solve(input, opts());
    expectValid(input, s);
    const starts = s.routes.flatMap((r) => r.stops.map((x) => x.start));
    expect(starts).toEqual([20, 20]);
    expect(s.cost).toBe(80);
  });

  it('delays the first caregiver when the second visit must start 30 later', () => {
    const input = lineInstance([1, 3], { visit: [{}, { earliest: 100 }] });
    input.syncs = [{ first: 0, second: 1, minGap: 0, maxGap: 30 }];
    const s = solve(input, opts());
    expectValid(input, s);
    const start = (v: number) =>
      s.routes.flatMap((r) => r.stops).find((x) => x.kind === 'visit' && x.visit === v)?.start;
    expect(start(1)).toBe(100);
    expect(start(0)).toBe(70);
  });

  it('takes the break where the caregiver is, inside its window', () => {
    const input = lineInstance([1, 2], {
      caregiver: [{ breaks: [{ earliest: 40, latest: 60, duration: 30 }] }, { fixedCost: 1000 }],
    });
    const s = solve(input, opts());
    expectValid(input, s);
    const brk = s.routes[0].stops.find((x) => x.kind === 'break');
    expect(brk?.start).toBeGreaterThanOrEqual(40);
    expect(brk?.start).toBeLessThanOrEqual(60);
  });

  it('prices soft lateness and the max-lateness term (Mankowska objective)', () => {
    const input = lineInstance([3], { visit: [{ latest: 10, latestHard: false }] });
    input.weights.lateness = 1;
    input.weights.maxLateness = 1;
    const s = solve(input, opts());
    expectValid(input, s);
    // Arrives at 30: lateness 20, counted twice (sum and max), plus 60 distance.
    expect(s.terms.lateness).toBe(20);
    expect(s.terms.maxLateness).toBe(20);
    expect(s.cost).toBe(100);
  });

  it('counts a delegation only when it covers the whole visit', () => {
    // Only c1 holds skill 1, by delegation until 24: the visit (arrive 10, 5 long) just fits
    // if it starts by 19; with earliest 20 it does not, so it stays out.
    const fits = lineInstance([1], {
      visit: [{ skills: [1] }],
      caregiver: [{}, { timedSkills: [{ skill: 1, from: 0, to: 24 }] }],
    });
    const a = solve(fits, opts());
    expectValid(fits, a);
    expect(a.routes[1].stops).toHaveLength(1);
    const late = lineInstance([1], {
      visit: [{ skills: [1], earliest: 20 }],
      caregiver: [{}, { timedSkills: [{ skill: 1, from: 0, to: 24 }] }],
    });
    const b = solve(late, opts());
    expectValid(late, b);
    expect(b.unassigned).toEqual([{ visit: 0, reason: 'time_window' }]);
  });

  it('keeps a pinned visit on its caregiver even when another is cheaper', () => {
    const input = lineInstance([1, 1], {
      visit: [{}, { pinnedCaregiver: 1 }],
      caregiver: [{}, { fixedCost: 500 }],
    });
    const s = solve(input, opts());
    expectValid(input, s);
    expect(s.routes[1].stops.map((x) => x.kind === 'visit' && x.visit)).toContain(1);
  });

  it('opens vehicles only when needed under a hierarchical objective', () => {
    const mandatory = { unassignedPenalty: 1e9 };
    const input = lineInstance([1, 2, 3], {
      visit: [mandatory, mandatory, mandatory],
      caregiver: [{ fixedCost: 100_000 }, { fixedCost: 100_000 }],
    });
    const s = solve(input, opts());
    expectValid(input, s);
    expect(s.terms.usedCaregivers).toBe(1);
  });
});

describe('solve on infeasible instances', () => {
  it('leaves out what cannot be planned, with the reason, and never an invalid plan', () => {
    const input = lineInstance([1, 2, 3, 1, 2, 2], {
      visit: [
        { skills: [9] }, // nobody has skill 9
        { excluded: [0, 1] }, // refused by both
        { earliest: 0, latest: 5 }, // cannot be reached by 5
        { demand: 50 }, // larger than any capacity
        {},
        {},
      ],
    });
    input.syncs = [{ first: 4, second: 0, minGap: 0, maxGap: 0 }];
    const s = solve(input, opts());
    expectValid(input, s);
    const reason = Object.fromEntries(s.unassigned.map((u) => [u.visit, u.reason]));
    expect(reason).toEqual({
      0: 'no_qualified_caregiver',
      1: 'excluded_all',
      2: 'time_window',
      3: 'capacity',
      4: 'sync_partner',
    });
  });

  it('rejects malformed input with an error naming the field', () => {
    const input = lineInstance([1]);
    input.visits[0].location = 9;
    expect(() => solve(input, opts())).toThrow(/visits\[0\]\.location/);
    const neg = lineInstance([1]);
    neg.visits[0].earliest = -5;
    expect(() => solve(neg, opts())).toThrow(/visits\[0\]\.earliest/);
    const short = lineInstance([1]);
    short.profiles[0].durations = [0, 1];
    expect(() => solve(short, opts())).toThrow(/profiles\[0\]\.durations/);
  });
});

describe('solve options', () => {
  it('stops on cancellation and still returns a valid plan', () => {
    const input = lineInstance([1, 2, 3, 1]);
    const s = solve(input, opts({ maxIterations: undefined, shouldStop: () => true }));
    expectValid(input, s);
    expect(s.unassigned).toEqual([]);
  });

  it('reports progress with the best cost', () => {
    const input = lineInstance([1, 2, 3]);
    const seen: number[] = [];
    solve(input, opts({ onProgress: (p) => seen.push(p.bestCost) }));
    expect(seen.at(-1)).toBe(60);
  });

  it('reports the visits left out of the best plan, and observing changes nothing', () => {
    const input = lineInstance([1, 2, 3, 1, 2, 3]);
    // Each run its own clock from 0, so both see the same times.
    const run = (onProgress?: Parameters<typeof solve>[1]['onProgress']) => {
      let t = 0;
      return solve(input, { ...opts({ maxIterations: 200, onProgress }), clock: () => t++ });
    };
    const seen: (number | undefined)[] = [];
    const observed = run((p) => seen.push(p.unassigned));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(observed.unassigned.length);
    for (const n of seen) if (n !== undefined) expect(n).toBeGreaterThanOrEqual(0);
    expect(run()).toEqual(observed);
  });

  it('warm-starts from a plan and keeps its pinned visits', () => {
    const input = lineInstance([1, 2, 3], { visit: [{ pinnedCaregiver: 1 }] });
    const first = solve(input, opts());
    input.visits.push({ ...input.visits[1], id: 'urgent', location: 3 });
    const second = solve(input, opts({ initial: first }));
    expectValid(input, second);
    expect(second.routes[1].stops.some((x) => x.kind === 'visit' && x.visit === 0)).toBe(true);
    expect(second.unassigned).toEqual([]);
  });

  it('completes a warm start only while the budget lasts, after the visits it must place', () => {
    const input = lineInstance([1, 2, 3]);
    const first = solve(input, opts());
    input.visits.push(
      { ...input.visits[1], id: 'a', location: 2 },
      { ...input.visits[1], id: 'b', location: 3 },
    );
    // No iteration budget and no time left: the wall clock decides.
    const spent = { maxIterations: undefined, timeLimitMs: 0, initial: first };
    const cut = solve(input, opts(spent));
    expectValid(input, cut);
    expect(cut.unassigned.map((u) => u.visit).sort()).toEqual([3, 4]);
    const repair = solve(input, opts({ ...spent, insertFirst: [4] }));
    expectValid(input, repair);
    expect(repair.unassigned.map((u) => u.visit)).toEqual([3]);
    // A cold start is built whole, and an iteration budget completes a warm start too.
    expect(solve(input, opts({ maxIterations: undefined, timeLimitMs: 0 })).unassigned).toEqual([]);
    expect(solve(input, opts({ initial: first })).unassigned).toEqual([]);
  });

  it('puts back what the final repair drops: a repair while its time lasts, or when asked first; a plan always', () => {
    const input = lineInstance([1, 2, 3]);
    const first = solve(input, opts());
    // One route 1 → 2 → 3 reaches 3 at 40; with 3 due by 30 the warm start breaks a hard
    // window, the final repair drops visit 2, and only the other caregiver can still make it.
    expect(first.routes.map((r) => r.stops.filter((x) => x.kind === 'visit').length)).toContain(3);
    input.visits[2].latest = 30;
    const spent = { maxIterations: undefined, timeLimitMs: 0, initial: first };
    const cut = solve(input, opts(spent));
    expectValid(input, cut);
    expect(cut.unassigned.map((u) => u.visit)).toEqual([2]);
    for (const more of [{ insertFirst: [2] }, { maxIterations: 50 }]) {
      const s = solve(input, opts({ ...spent, ...more }));
      expectValid(input, s);
      expect(s.unassigned).toEqual([]);
    }
    // A cold start takes only places that break no rule (3 reached at 35 from 1 is due by
    // 30), and a plan places both whatever the time.
    const cold = lineInstance([1, 3], { visit: [{ latest: 10 }, { latest: 30 }] });
    const plan = solve(cold, opts({ maxIterations: undefined, timeLimitMs: 0 }));
    expectValid(cold, plan);
    expect(plan.unassigned).toEqual([]);
  });
});

describe('the full insertion pass', () => {
  it('places a visit whose only place is on a route far from its neighbours', () => {
    const { input, routes, target } = farRouteInstance();
    const initial = solve(input, opts({ maxIterations: 0 }));
    // A plan with one visit per caregiver, the target left out.
    const plan = {
      ...initial,
      routes: routes.map((visits, k) => ({
        caregiver: k,
        departure: 0,
        arrival: 0,
        stops: visits.map((visit) => ({ kind: 'visit' as const, visit, start: 0 })),
      })),
    };
    for (const maxIterations of [0, 20]) {
      const s = solve(input, opts({ initial: plan, maxIterations }));
      expectValid(input, s);
      expect(s.unassigned).toEqual([]);
      const last = s.routes[routes.length - 1].stops;
      expect(last.some((x) => x.kind === 'visit' && x.visit === target)).toBe(true);
    }
  });
});
