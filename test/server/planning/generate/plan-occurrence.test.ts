import { describe, expect, it } from 'vitest';
import type { carePlans } from '../../../../db/schema/index.ts';
import { planApplies, plannedVisit } from '../../../../server/planning/generate/plan-occurrence.ts';

type Plan = typeof carePlans.$inferSelect;

/** Mon/Wed/Fri 07:30-08:30 morning care, from 1 March 2026 on. */
const monWedFri: Plan = {
  id: '30000000-0000-4000-8000-000000000001',
  patientId: '30000000-0000-4000-8000-000000000002',
  taskTypes: ['personal_care'],
  requiredProfession: 'an',
  durationMinutes: 30,
  windowStart: '07:30:00',
  windowEnd: '08:30:00',
  windowHard: false,
  daysOfWeek: [1, 3, 5],
  staffCount: 1,
  combinable: true,
  priority: 'planned',
  validFrom: '2026-03-01',
  validTo: null,
};

describe('which days a care plan makes a visit', () => {
  it('Mon/Wed/Fri: not on the clock-change Sunday, on the Monday after and the Friday before', () => {
    expect(planApplies(monWedFri, '2026-03-27')).toBe(true); // Friday
    expect(planApplies(monWedFri, '2026-03-28')).toBe(false); // Saturday
    expect(planApplies(monWedFri, '2026-03-29')).toBe(false); // Sunday, clocks forward
    expect(planApplies(monWedFri, '2026-03-30')).toBe(true); // Monday
    expect(planApplies(monWedFri, '2026-10-25')).toBe(false); // Sunday, clocks back
    expect(planApplies(monWedFri, '2026-10-26')).toBe(true); // Monday
  });

  it('within its validity, both ends included', () => {
    const plan = { ...monWedFri, validFrom: '2026-03-02', validTo: '2026-03-06' };
    expect(planApplies(plan, '2026-02-27')).toBe(false); // a Friday before
    expect(planApplies(plan, '2026-03-02')).toBe(true); // Monday, first day
    expect(planApplies(plan, '2026-03-06')).toBe(true); // Friday, last day
    expect(planApplies(plan, '2026-03-09')).toBe(false); // the Monday after
  });

  it('a plan valid one day is a single visit that day, whatever its weekdays', () => {
    const once = { ...monWedFri, validFrom: '2026-03-29', validTo: '2026-03-29' };
    expect(planApplies(once, '2026-03-29')).toBe(true); // a Sunday
    expect(planApplies(once, '2026-03-30')).toBe(false);
    expect(plannedVisit(once, '0180', '2026-03-29').source).toBe('single');
    expect(plannedVisit(monWedFri, '0180', '2026-03-30').source).toBe('plan');
  });

  it("makes the visit with the plan's fields, its window in UTC", () => {
    const twoPerson = {
      ...monWedFri,
      staffCount: 2,
      windowHard: true,
      priority: 'urgent2' as const,
      taskTypes: ['lift_assist' as const, 'personal_care' as const],
    };
    expect(plannedVisit(twoPerson, '0180', '2026-10-26')).toEqual({
      municipalityCode: '0180',
      patientId: monWedFri.patientId,
      carePlanId: monWedFri.id,
      alsoCarePlanIds: [],
      windowStart: new Date('2026-10-26T06:30:00Z'), // 07:30 CET
      windowEnd: new Date('2026-10-26T07:30:00Z'),
      windowHard: true,
      durationMinutes: 30,
      taskTypes: ['lift_assist', 'personal_care'],
      requiredProfession: 'an',
      staffCount: 2,
      priority: 'urgent2',
      source: 'plan',
    });
  });
});
