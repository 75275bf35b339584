import fc from 'fast-check';
import type { ProblemInput, SyncInput, VisitInput } from '../../../solver/model/problem-input.ts';

/**
 * Small random instances that exercise every feature at once: two travel profiles,
 * caregiver-dependent durations, skills and delegations that expire mid-shift, breaks
 * with a work-stretch limit, hard and soft windows, exclusions, pins, contacts, known
 * caregivers, distinct caps, sync pairs (0/0 two-person visits, gapped ones, and
 * three-person visits made of two pairs sharing a visit).
 */
export const randomInstance: fc.Arbitrary<ProblemInput> = fc
  .record({
    seedPoints: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })),
      {
        minLength: 3,
        maxLength: 8,
      },
    ),
    caregivers: fc.integer({ min: 1, max: 4 }),
    visits: fc.integer({ min: 1, max: 9 }),
    syncs: fc.integer({ min: 0, max: 2 }),
    bits: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 400, maxLength: 400 }),
  })
  .map(({ seedPoints, caregivers: K, visits: N, syncs: S, bits }) => {
    let i = 0;
    const r = (n: number) => bits[i++ % bits.length] % n;
    const L = seedPoints.length;
    const dist = (slow: number) => {
      const m: number[] = [];
      for (const [ax, ay] of seedPoints) {
        for (const [bx, by] of seedPoints) m.push(Math.round(slow * Math.hypot(ax - bx, ay - by)));
      }
      return m;
    };
    const car = dist(1);
    const bike = dist(2);
    const patients = Array.from({ length: Math.max(1, Math.floor(N / 2)) }, (_, p) => ({
      id: `p${p}`,
      contact: r(3) === 0 ? r(K) : -1,
      known: r(2) === 0 ? [{ caregiver: r(K), weight: r(20) }] : [],
      maxDistinct: r(3),
    }));
    const visits: VisitInput[] = Array.from({ length: N }, (_, v) => {
      const earliest = r(300);
      const hard = r(2) === 0;
      return {
        id: `v${v}`,
        location: 1 + r(L - 1),
        patient: r(4) === 0 ? -1 : r(patients.length),
        earliest,
        latest: earliest + r(200),
        latestHard: hard,
        duration: 5 + r(30),
        durationByCaregiver: r(3) === 0 ? Array.from({ length: K }, () => 5 + r(30)) : undefined,
        skills: r(3) === 0 ? [r(3)] : [],
        demand: r(5),
        unassignedPenalty: 500 + r(5000),
        excluded: r(5) === 0 ? [r(K)] : [],
        pinnedCaregiver: r(8) === 0 ? r(K) : -1,
      };
    });
    const caregivers = Array.from({ length: K }, (_, k) => {
      const shiftStart = r(60);
      const shiftEnd = shiftStart + 300 + r(300);
      return {
        id: `c${k}`,
        profile: r(2),
        skills: [0, 1, 2].filter(() => r(2) === 0),
        // Delegations that may end in the middle of the shift.
        timedSkills: r(2) === 0 ? [{ skill: r(3), from: r(200), to: 200 + r(300) }] : [],
        startLocation: 0,
        shiftStart,
        endLocation: r(2) === 0 ? 0 : r(L),
        shiftEnd,
        maxShiftEnd: shiftEnd + r(200),
        capacity: 3 + r(15),
        fixedCost: r(3) === 0 ? r(100) : 0,
        breaks:
          r(3) === 0
            ? [{ earliest: 100 + r(100), latest: 250 + r(100), duration: 10 + r(20) }]
            : [],
        maxWorkWithoutBreak: r(3) === 0 ? 250 + r(200) : 0,
      };
    });
    const syncs: SyncInput[] = [];
    const used = new Set<number>();
    for (let s = 0; s < S && N >= 2; s++) {
      const a = r(N);
      const b = r(N);
      if (a === b || used.has(a) || used.has(b)) continue;
      used.add(a);
      used.add(b);
      const simultaneous = r(2) === 0;
      const minGap = simultaneous ? 0 : r(30);
      syncs.push({ first: a, second: b, minGap, maxGap: simultaneous ? 0 : minGap + r(60) });
    }
    // Sometimes a three-person visit: a second pair sharing a visit with the first.
    if (syncs.length > 0 && r(3) === 0) {
      const c = r(N);
      if (!used.has(c)) syncs.push({ first: syncs[0].second, second: c, minGap: 0, maxGap: 0 });
    }
    const input: ProblemInput = {
      name: 'random',
      scale: 1,
      locations: L,
      profiles: [
        { name: 'car', durations: car, distances: car },
        { name: 'bike', durations: bike, distances: car },
      ],
      caregivers,
      visits,
      patients,
      syncs,
      weights: {
        travelTime: r(2),
        distance: 1,
        lateness: r(5),
        maxLateness: r(3),
        overtime: r(4),
        nonContact: r(30),
        distinctCaregiver: r(20),
        distinctOverCap: r(50),
        fixedCost: 1,
      },
    };
    return input;
  });
