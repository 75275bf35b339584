import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../server/solver-bridge/build-problem.ts';
import { currentSolution, toAssignments } from '../../../server/solver-bridge/plan-mapping.ts';
import { rankInsertions } from '../../../solver/insertion/rank-insertions.ts';
import { solve } from '../../../solver/solve.ts';
import { validate } from '../../../solver/validate/validate.ts';
import { NIGHT, patientRow, staffRow, visitRow } from './rows.ts';

const origin = NIGHT.startsAt;
const opts = { seed: 7, timeLimitMs: 10_000, clock: () => performance.now(), maxIterations: 300 };

// Delegation of insulin by pen to the AN, expiring at 02:00 Stockholm (01:00 UTC).
const expiring = {
  staffId: 'an1',
  taskType: 'insulin_pen' as const,
  patientId: null,
  validFrom: new Date('2026-06-01T00:00:00Z'),
  validTo: new Date('2026-11-23T01:00:00Z'),
  revokedAt: null,
};

describe('buildProblem', () => {
  it('maps ids to indices, seconds from the origin and Int32 matrices shared across modes', () => {
    const built = buildProblem(
      [staffRow('rn1'), staffRow('an1', { profession: 'an', travelMode: 'bike' })],
      [visitRow('v1', 'p1', '2026-11-23T02:00:00Z')],
      [patientRow('p1')],
      { origin },
    );
    const { input } = built;
    expect(input.locations).toBe(2);
    expect(input.profiles.map((p) => p.name)).toEqual(['car', 'bike']);
    expect(input.profiles[0].durations).toBeInstanceOf(Int32Array);
    expect(input.profiles[0].distances).toBe(input.profiles[1].distances);
    // 03:00 Stockholm is 5 h after 22:00.
    expect(input.visits[0]).toMatchObject({
      earliest: 5 * 3600,
      latest: 5.5 * 3600,
      duration: 1200,
    });
    expect(input.caregivers[0]).toMatchObject({ shiftStart: 0, shiftEnd: 9.5 * 3600 });
    expect(input.caregivers[0].maxShiftEnd).toBe(10.5 * 3600);
    expect(built.visitIndices.get('v1')).toEqual([0]);
    expect(built.staffIndex.get('an1')).toBe(1);
  });

  it('an expired delegation does not cover a 03:00 visit; the RN does', () => {
    const built = buildProblem(
      [
        staffRow('rn1', { start: { lat: 59.34, lon: 18.1 } }),
        staffRow('an1', { profession: 'an', delegations: [expiring] }),
      ],
      [visitRow('v1', 'p1', '2026-11-23T02:00:00Z')],
      [patientRow('p1', { contactStaffId: 'an1', knownStaffIds: ['an1'] })],
      { origin },
    );
    const empty = currentSolution(built, []);
    const ranked = rankInsertions(built.input, empty, 0, 10);
    expect(ranked.map((s) => built.staffIds[s.caregiver])).toEqual(['rn1']);
    const plan = solve(built.input, opts);
    expect(validate(built.input, plan).violations).toEqual([]);
    expect(toAssignments(built, plan).planned[0].staff[0].staffId).toBe('rn1');
  });

  it('a valid delegation makes the AN a candidate, only for its named patient', () => {
    const valid = { ...expiring, validTo: new Date('2026-12-01T00:00:00Z'), patientId: 'p1' };
    const built = buildProblem(
      [staffRow('an1', { profession: 'an', delegations: [valid] })],
      [visitRow('v1', 'p1', '2026-11-23T02:00:00Z'), visitRow('v2', 'p2', '2026-11-23T02:00:00Z')],
      [patientRow('p1'), patientRow('p2', { lat: 59.32 })],
      { origin },
    );
    const empty = currentSolution(built, []);
    expect(rankInsertions(built.input, empty, 0, 5)).toHaveLength(1);
    expect(rankInsertions(built.input, empty, 1, 5)).toHaveLength(0);
  });

  it('never suggests a caregiver the patient has excluded', () => {
    const built = buildProblem(
      [staffRow('rn1'), staffRow('rn2', { start: { lat: 59.4, lon: 18.2 } })],
      [visitRow('v1', 'p1', '2026-11-23T02:00:00Z')],
      [patientRow('p1', { excludedStaffIds: ['rn1'] })],
      { origin },
    );
    const ranked = rankInsertions(built.input, currentSolution(built, []), 0, 10);
    expect(ranked.map((s) => built.staffIds[s.caregiver])).toEqual(['rn2']);
  });

  it('a two-person visit gets two different caregivers starting together', () => {
    const built = buildProblem(
      [
        staffRow('an1', { profession: 'an' }),
        staffRow('an2', { profession: 'an', travelMode: 'walk' }),
      ],
      [
        visitRow('lift', 'p1', '2026-11-23T01:00:00Z', {
          staffCount: 2,
          taskTypes: ['lift_assist'],
          requiredProfession: 'an',
        }),
      ],
      [patientRow('p1')],
      { origin },
    );
    expect(built.input.syncs).toEqual([{ first: 0, second: 1, minGap: 0, maxGap: 0 }]);
    const plan = solve(built.input, opts);
    expect(validate(built.input, plan).violations).toEqual([]);
    const [lift] = toAssignments(built, plan).planned;
    expect(new Set(lift.staff.map((s) => s.staffId))).toEqual(new Set(['an1', 'an2']));
    expect(lift.staff[0].plannedStart).toEqual(lift.staff[1].plannedStart);
  });

  // A November night is 9.5 h (one break at 4.5 h); the October clock-change night is
  // 10.5 h, so its one break must fall at exactly 5 h for a route that spans it all.
  it.each([
    ['9.5 h', NIGHT, 4.5],
    [
      '10.5 h (clock change)',
      {
        ...NIGHT,
        startsAt: new Date('2026-10-24T20:00:00Z'),
        endsAt: new Date('2026-10-25T06:30:00Z'),
      },
      5,
    ],
  ])('a %s night shift with one 30-min break stays feasible and busy', (_, shift, at) => {
    const o = shift.startsAt;
    const hours = (shift.endsAt.getTime() - o.getTime()) / 3600_000;
    const visits = Array.from({ length: hours * 2 - 1 }, (_, i) =>
      visitRow(`v${i}`, 'p1', new Date(o.getTime() + i * 30 * 60_000).toISOString(), {
        taskTypes: ['supervision'],
        requiredProfession: 'an',
      }),
    );
    const built = buildProblem(
      [staffRow('an1', { profession: 'an', shift })],
      visits,
      [patientRow('p1')],
      { origin: o },
    );
    const cg = built.input.caregivers[0];
    expect(cg.breaks).toEqual([
      { earliest: at * 3600 - 2700, latest: at * 3600 + 2700, duration: 1800 },
    ]);
    const plan = solve(built.input, opts);
    expect(validate(built.input, plan).violations).toEqual([]);
    // The break takes a visit's slot at most, and the overtime hour can take nothing.
    expect(plan.unassigned.length).toBeLessThanOrEqual(2);
    expect(plan.routes[0].stops.some((s) => s.kind === 'break')).toBe(true);
  });

  it('warm-starts from the current plan and maps it back unchanged when nothing is better', () => {
    const rows = [
      visitRow('v1', 'p1', '2026-11-23T00:00:00Z', {
        pinned: true,
        assignees: [
          { staffId: 'rn2', plannedStart: new Date('2026-11-23T00:00:00Z'), routeOrder: 1 },
        ],
      }),
    ];
    const built = buildProblem([staffRow('rn1'), staffRow('rn2')], rows, [patientRow('p1')], {
      origin,
    });
    expect(built.input.visits[0].pinnedCaregiver).toBe(1);
    const plan = solve(built.input, { ...opts, initial: currentSolution(built, rows) });
    expect(validate(built.input, plan).violations).toEqual([]);
    expect(toAssignments(built, plan).planned[0].staff[0].staffId).toBe('rn2');
  });
});
