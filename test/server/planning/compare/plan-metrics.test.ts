import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../../../../server/planning/compare/plan-input.ts';
import { planMetrics } from '../../../../server/planning/compare/plan-metrics.ts';

const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00Z`);

/*
 * A tiny day worked out by hand. Places on a line: the base at 0, patient P1 at 1, P2 at 2;
 * travel is 10 minutes per unit (600 s), whatever the mode.
 *   A (07-12, contact of P1): v1 P1 08:00 30 min; v3 P1 10:00 60 min (two-person, with C)
 *   B (07-12):                v2 P2 08:40 30 min (window closes 08:30: 10 min late)
 *   C (07-10:30, contact of P2): v3 P1 10:00 60 min
 *   v4 P2 09:00 30 min: unassigned.
 *   History (14 days): B visited P1 and P2.
 */
const day: PlanInput = {
  visits: [
    {
      id: 'v1',
      patientId: 'P1',
      windowStart: at('08:00'),
      windowEnd: at('08:30'),
      durationMinutes: 30,
    },
    {
      id: 'v2',
      patientId: 'P2',
      windowStart: at('08:00'),
      windowEnd: at('08:30'),
      durationMinutes: 30,
    },
    {
      id: 'v3',
      patientId: 'P1',
      windowStart: at('10:00'),
      windowEnd: at('10:30'),
      durationMinutes: 60,
    },
    {
      id: 'v4',
      patientId: 'P2',
      windowStart: at('09:00'),
      windowEnd: at('09:30'),
      durationMinutes: 30,
    },
  ],
  assignments: [
    { visitId: 'v1', staffId: 'A', plannedStart: at('08:00') },
    { visitId: 'v2', staffId: 'B', plannedStart: at('08:40') },
    { visitId: 'v3', staffId: 'A', plannedStart: at('10:00') },
    { visitId: 'v3', staffId: 'C', plannedStart: at('10:00') },
  ],
  caregivers: ['A', 'B', 'C'].map((staffId) => ({
    staffId,
    base: { lat: 0, lon: 0 },
    travelMode: 'car' as const,
  })),
  shifts: [
    { staffId: 'A', startsAt: at('07:00'), endsAt: at('12:00') },
    { staffId: 'B', startsAt: at('07:00'), endsAt: at('12:00') },
    { staffId: 'C', startsAt: at('07:00'), endsAt: at('10:30') },
  ],
  patients: [
    { id: 'P1', place: { lat: 1, lon: 0 }, contactStaffId: 'A' },
    { id: 'P2', place: { lat: 2, lon: 0 }, contactStaffId: 'C' },
  ],
  history: [
    { patientId: 'P1', staffId: 'B' },
    { patientId: 'P2', staffId: 'B' },
  ],
  travel: (a, b) => 600 * Math.abs(a.lat - b.lat),
};

describe('planMetrics', () => {
  it('measures the hand-worked day', () => {
    const m = planMetrics(day);
    expect(m).toMatchObject({ visits: 4, assigned: 3, unassigned: 1 });
    // Travel: A 0→1, 1→1 (same door: 0), 1→0 = 20 min; B 0→2→0 = 40; C 0→1→0 = 20: 80 min.
    // Working: A 20 + 90 = 110, B 40 + 30 = 70, C 20 + 60 = 80: 260 min; 80 / 260 = 0.31.
    expect(m.travelMinutes).toBe(80);
    expect(m.workingMinutes).toBe(260);
    expect(m.travelShare).toBe(0.31);
    // P1 meets A and C (with B from history: 3), P2 meets B (B already known: 1).
    expect(m.caregiversPerPatient).toEqual({
      patients: 2,
      day: { median: 1.5, mean: 1.5, max: 2 },
      withHistory: { median: 2, mean: 2, max: 3 },
    });
    // v1 by A (contact) yes, v3 with A yes, v2 by B while P2's contact is C: 2 of 3.
    expect(m).toMatchObject({ contactShare: 0.67, contactVisits: 2, visitsWithContact: 3 });
    // P1: v1 and v3 (two caregivers, one arrival) = 2; P2: v2 = 1.
    expect(m.arrivals).toEqual({ total: 3, perPatient: { median: 1.5, mean: 1.5, max: 2 } });
    expect(m.lateness).toEqual({ totalMinutes: 10, lateVisits: 1 });
    // C: v3 ends 11:00, home at 11:10, shift ended 10:30: 40 min over. A home 11:10 < 12:00.
    expect(m.overtime).toEqual({ totalMinutes: 40, caregivers: 1 });
    // 110, 70, 80: mean 86.67, population sd sqrt(866.67 / 3) = 17.0, 17.0 / 86.67 = 0.20.
    expect(m.workload).toEqual({
      caregivers: 3,
      minMinutes: 70,
      medianMinutes: 80,
      maxMinutes: 110,
      variation: 0.2,
    });
  });

  it('moves with the plan: v2 given to C (the contact) on time, v4 to C as well', () => {
    const m = planMetrics({
      ...day,
      assignments: [
        ...day.assignments.filter((a) => a.visitId !== 'v2'),
        { visitId: 'v2', staffId: 'C', plannedStart: at('08:00') },
        { visitId: 'v4', staffId: 'C', plannedStart: at('09:00') },
      ],
    });
    // C: 0→2 (20), v2, 2→2 (0), v4, 2→1 (10), v3, 1→0 (10): 40 min travel, 120 min visits.
    // A unchanged: 20 + 90 = 110. B idle: 0. Travel 20 + 40 = 60; working 110 + 160 = 270;
    // 60 / 270 = 0.22. C still ends v3 at 11:00 and is home at 11:10.
    expect(m).toMatchObject({ assigned: 4, unassigned: 0, travelMinutes: 60, workingMinutes: 270 });
    expect(m.travelShare).toBe(0.22);
    expect(m).toMatchObject({ contactShare: 1, contactVisits: 4, visitsWithContact: 4 });
    expect(m.lateness).toEqual({ totalMinutes: 0, lateVisits: 0 });
    // P2 meets only C today; with B from history, 2.
    expect(m.caregiversPerPatient.withHistory).toEqual({ median: 2.5, mean: 2.5, max: 3 });
    expect(m.arrivals.perPatient).toEqual({ median: 2, mean: 2, max: 2 });
    expect(m.workload).toMatchObject({ minMinutes: 0, medianMinutes: 110, maxMinutes: 160 });
  });

  it('gives nothing to divide by as null, not NaN', () => {
    const m = planMetrics({ ...day, assignments: [], shifts: [] });
    expect(m).toMatchObject({ assigned: 0, travelShare: null, contactShare: null });
    expect(m.workload).toEqual({
      caregivers: 0,
      minMinutes: 0,
      medianMinutes: 0,
      maxMinutes: 0,
      variation: null,
    });
  });
});
