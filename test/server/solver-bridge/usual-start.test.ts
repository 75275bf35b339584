import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../server/solver-bridge/build-problem.ts';
import { planRows } from '../../../server/solver-bridge/solve-rows.ts';
import { usualStart } from '../../../server/solver-bridge/usual-start.ts';
import { NIGHT, patientRow, staffRow, visitRow } from './rows.ts';

// Three nurses on the same night shift from the same base: to travel, any of them is as good.
const staff = [staffRow('s-a'), staffRow('s-b'), staffRow('s-c')];
const patients = [patientRow('p1'), patientRow('p2')];
const origin = NIGHT.startsAt;
/** Shift id → person: each shift is its own person here, but the names differ. */
const staffOfShift = new Map([
  ['s-a', 'anna'],
  ['s-b', 'bo'],
  ['s-c', 'cecilia'],
]);

describe('usualStart', () => {
  it("starts a visit with the patient's usual caregiver, the next usual when the first is off", () => {
    const visits = [
      visitRow('v1', 'p1', '2026-11-22T22:00:00Z'),
      visitRow('v2', 'p2', '2026-11-22T23:00:00Z'),
    ];
    const built = buildProblem(staff, visits, patients, { origin });
    const usual = new Map([
      ['v1', ['bo']],
      // Dag is not on shift tonight: Cecilia, the next usual, starts it.
      ['v2', ['dag', 'cecilia', 'anna']],
    ]);
    const { initial, kept } = usualStart(built, { staff, visits }, usual, staffOfShift);
    expect(kept).toBe(2);
    const routeOf = (visit: number) =>
      initial.routes.find((r) => r.stops.some((s) => s.kind === 'visit' && s.visit === visit))
        ?.caregiver;
    expect(routeOf(0)).toBe(built.staffIndex.get('s-b'));
    expect(routeOf(1)).toBe(built.staffIndex.get('s-c'));
    expect(initial.unassigned).toEqual([]);
  });

  it('keeps what is assigned, and a two-person visit whole or not at all', () => {
    const visits = [
      visitRow('v1', 'p1', '2026-11-22T22:00:00Z', {
        pinned: true,
        assignees: [
          { staffId: 's-a', plannedStart: new Date('2026-11-22T22:05:00Z'), routeOrder: 0 },
        ],
      }),
      // Only one of its usual caregivers works tonight: it is left for the solver.
      visitRow('v2', 'p2', '2026-11-22T23:00:00Z', { staffCount: 2 }),
    ];
    const built = buildProblem(staff, visits, patients, { origin });
    const usual = new Map([['v2', ['bo', 'dag']]]);
    const { initial, kept } = usualStart(built, { staff, visits }, usual, staffOfShift);
    expect(kept).toBe(0);
    const a = initial.routes[built.staffIndex.get('s-a')!];
    expect(a.stops.map((s) => (s.kind === 'visit' ? built.visitIds[s.visit] : null))).toEqual([
      'v1',
    ]);
    expect(initial.unassigned.map((u) => built.visitIds[u.visit])).toEqual(['v2', 'v2']);
  });

  it('a planned day keeps the usual caregiver where travel alone would not choose', async () => {
    const visits = [visitRow('v1', 'p1', '2026-11-22T22:00:00Z')];
    const rows = { staff, visits, patients };
    const options = { origin, seed: 1, timeLimitMs: 300 };
    const plain = await planRows(rows, options);
    const usual = await planRows(rows, {
      ...options,
      usual: { caregivers: new Map([['v1', ['cecilia']]]), staffOfShift },
    });
    // Without the warm start the solver takes the first of three equal nurses.
    expect(plain.planned[0].staff[0].staffId).not.toBe('s-c');
    expect(usual.planned[0].staff[0].staffId).toBe('s-c');
    expect(usual.usualStarted).toBe(1);
    expect(usual.travelSeconds).toBe(plain.travelSeconds);
  });
});
