import { describe, expect, it } from 'vitest';
import { combineVisits } from '../../../../server/planning/generate/combine-visits.ts';
import type { PlannedVisit } from '../../../../server/planning/generate/plan-occurrence.ts';

const PATIENT = '51000000-0000-4000-8000-0000000000aa';
const OTHER_PATIENT = '51000000-0000-4000-8000-0000000000bb';
const id = (n: number) => `51000000-0000-4000-8000-00000000000${n}`;
/** 24 November 2026 (CET, UTC+1): a local 07:00 is 06:00 UTC. */
const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+01:00`);

const visit = (n: number, over: Partial<PlannedVisit> = {}): PlannedVisit => ({
  municipalityCode: '0180',
  patientId: PATIENT,
  carePlanId: id(n),
  alsoCarePlanIds: [],
  windowStart: at('07:00'),
  windowEnd: at('09:00'),
  windowHard: false,
  durationMinutes: 30,
  taskTypes: ['personal_care'],
  requiredProfession: 'an',
  staffCount: 1,
  priority: 'planned',
  source: 'plan',
  ...over,
});

const morningCare = visit(1);
const insulin = visit(2, {
  windowStart: at('07:30'),
  windowEnd: at('08:30'),
  windowHard: true,
  durationMinutes: 15,
  taskTypes: ['insulin_pen'],
  requiredProfession: 'rn',
});
const all = (...ns: number[]) => new Set(ns.map(id));

describe('combining a patient’s visits of one day', () => {
  it('insulin 07:30-08:30 and morning care 07:00-09:00: one visit 07:30-08:30 of both tasks', () => {
    expect(combineVisits([insulin, morningCare], all(1, 2))).toEqual([
      {
        ...morningCare,
        // The lead is the earliest window's plan: the morning care.
        carePlanId: id(1),
        alsoCarePlanIds: [id(2)],
        windowStart: at('07:30'),
        windowEnd: at('08:30'),
        windowHard: true,
        durationMinutes: 45,
        taskTypes: ['personal_care', 'insulin_pen'],
        // An RN task: 'rn', which competence lowers to an AN with the insulin delegation.
        requiredProfession: 'rn',
      },
    ]);
  });

  it('leaves apart what may not be combined', () => {
    const evening = visit(3, { windowStart: at('18:30'), windowEnd: at('20:00') });
    const cases: [string, PlannedVisit[], Set<string>][] = [
      ['a plan not combinable', [morningCare, insulin], all(1)],
      ['windows that do not overlap', [morningCare, evening], all(1, 3)],
      ['another patient', [morningCare, { ...insulin, patientId: OTHER_PATIENT }], all(1, 2)],
      ['two caregivers and one', [morningCare, { ...insulin, staffCount: 2 }], all(1, 2)],
      [
        'professions no one caregiver holds (OT and AN)',
        [morningCare, visit(4, { taskTypes: ['aids_assessment'], requiredProfession: 'ot' })],
        all(1, 4),
      ],
      [
        'longer than a visit may be',
        [visit(1, { durationMinutes: 300 }), visit(5, { durationMinutes: 200 })],
        all(1, 5),
      ],
    ];
    for (const [why, input, combinable] of cases) {
      expect(combineVisits(input, combinable), why).toHaveLength(2);
      for (const v of combineVisits(input, combinable)) expect(v.alsoCarePlanIds, why).toEqual([]);
    }
  });

  it('a window touching another combines at the one start both allow', () => {
    const late = visit(6, { windowStart: at('09:00'), windowEnd: at('10:00') });
    const [one] = combineVisits([morningCare, late], all(1, 6));
    expect([one.windowStart, one.windowEnd]).toEqual([at('09:00'), at('09:00')]);
  });

  it('a non-delegable RN task keeps the visit with an RN', () => {
    const injection = visit(7, { taskTypes: ['injection'], requiredProfession: 'rn' });
    const [one] = combineVisits([morningCare, injection], all(1, 7));
    expect(one).toMatchObject({
      requiredProfession: 'rn',
      taskTypes: ['personal_care', 'injection'],
    });
  });

  it('three plans: greedy by window start, each group within every member’s window', () => {
    const lunch = visit(8, { windowStart: at('08:45'), windowEnd: at('10:00') });
    const out = combineVisits([lunch, insulin, morningCare], all(1, 2, 8));
    // Morning care and insulin meet 07:30-08:30; the 08:45 plan no longer overlaps that.
    expect(out.map((v) => [v.carePlanId, v.alsoCarePlanIds])).toEqual([
      [id(1), [id(2)]],
      [id(8), []],
    ]);
  });

  it('is the same whatever the input order', () => {
    const a = combineVisits([insulin, morningCare], all(1, 2));
    const b = combineVisits([morningCare, insulin], all(1, 2));
    expect(a).toEqual(b);
  });
});
