import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { carePlans } from '../../../../db/schema/index.ts';
import {
  type DayChange,
  type ExistingVisit,
  PLAN_FIELDS,
  diffDay,
} from '../../../../server/planning/generate/diff-day.ts';
import { plannedDay } from '../../../../server/planning/generate/planned-day.ts';

type Plan = typeof carePlans.$inferSelect;
const DATE = '2026-11-24';
const PATIENTS = ['53000000-0000-4000-8000-0000000000aa', '53000000-0000-4000-8000-0000000000bb'];
const KINDS = [
  { taskTypes: ['personal_care'], requiredProfession: 'an' },
  { taskTypes: ['insulin_pen'], requiredProfession: 'rn' },
  { taskTypes: ['injection'], requiredProfession: 'rn' },
  { taskTypes: ['aids_assessment'], requiredProfession: 'ot' },
] as const;

const plan = fc
  .record({
    patient: fc.constantFrom(...PATIENTS),
    kind: fc.constantFrom(...KINDS),
    start: fc.constantFrom('07:00', '07:30', '08:00', '08:30', '12:00'),
    width: fc.constantFrom(0, 1, 2),
    duration: fc.constantFrom(15, 30, 200),
    staffCount: fc.constantFrom(1, 1, 2),
    combinable: fc.boolean(),
  })
  .map((r): Omit<Plan, 'id'> => ({
    patientId: r.patient,
    taskTypes: [...r.kind.taskTypes],
    requiredProfession: r.kind.requiredProfession,
    durationMinutes: r.duration,
    windowStart: `${r.start}:00`,
    windowEnd: `${String(Number(r.start.slice(0, 2)) + r.width).padStart(2, '0')}${r.start.slice(2)}:00`,
    windowHard: false,
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
    staffCount: r.staffCount,
    combinable: r.combinable,
    priority: 'planned',
    validFrom: '2026-11-01',
    validTo: null,
  }));

/** One generation: the plans' visits against the day, written as applyChanges would. */
function generate(plans: Plan[], day: ExistingVisit[], combine: boolean) {
  const { changes } = diffDay(plannedDay(plans, day, '0180', DATE, combine), day);
  return { changes, day: applied(day, changes) };
}

let serial = 0;
function applied(before: ExistingVisit[], changes: DayChange[]): ExistingVisit[] {
  const after = new Map(before.map((v) => [v.id, { ...v }]));
  for (const c of changes) {
    if (c.kind === 'add') {
      const id = `54000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
      after.set(id, {
        ...c.planned,
        id,
        status: 'unassigned',
        pinned: false,
        pinnedStart: null,
        version: 1,
        createdAt: new Date(Date.UTC(2026, 10, 20, 0, 0, serial)),
        updatedAt: new Date(Date.UTC(2026, 10, 20)),
        assigneeCount: 0,
      });
    } else if (c.kind === 'update' || c.kind === 'restore') {
      after.set(c.visit.id, { ...c.visit, ...c.planned, status: 'unassigned' });
    } else if (c.kind === 'remove') {
      after.set(c.visit.id, { ...c.visit, status: 'cancelled' });
    }
  }
  return [...after.values()];
}

const planFields = (v: ExistingVisit) => PLAN_FIELDS.map((f) => v[f]);

describe('combining with the day as it is', () => {
  it('covers every plan once, never changes a held visit, and a second time nothing more', () => {
    fc.assert(
      fc.property(
        fc.array(plan, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (rows, combineFirst, combineThen, hold, flip) => {
          let plans: Plan[] = rows.map((r, i) => ({
            ...r,
            id: `55000000-0000-4000-8000-00000000000${i}`,
          }));
          let { day } = generate(plans, [], combineFirst);
          // A dispatcher takes some visits; some plans change whether they may be combined.
          const live = day.filter((v) => v.status !== 'cancelled');
          day = day.map((v) =>
            hold[live.indexOf(v) % 6] && live.includes(v)
              ? { ...v, status: 'assigned' as const, assigneeCount: 1 }
              : v,
          );
          const held = day.filter((v) => v.status === 'assigned');
          plans = plans.map((p, i) => (flip[i] ? { ...p, combinable: !p.combinable } : p));
          day = generate(plans, day, combineThen).day;
          // Held visits: as they were.
          for (const h of held) {
            const now = day.find((v) => v.id === h.id)!;
            expect(planFields(now)).toEqual(planFields(h));
            expect(now.status).toBe('assigned');
          }
          // Every plan in exactly one live visit.
          const covered = day
            .filter((v) => v.status !== 'cancelled')
            .flatMap((v) => [v.carePlanId, ...v.alsoCarePlanIds])
            .sort();
          expect(covered).toEqual(plans.map((p) => p.id).sort());
          // Combined visits: one patient, one staff count, a window that is one.
          for (const v of day.filter((x) => x.status !== 'cancelled')) {
            expect(v.windowStart.getTime()).toBeLessThanOrEqual(v.windowEnd.getTime());
            const members = plans.filter(
              (p) => p.id === v.carePlanId || v.alsoCarePlanIds.includes(p.id),
            );
            expect(new Set(members.map((p) => p.patientId)).size).toBe(1);
            expect(new Set(members.map((p) => p.staffCount)).size).toBe(1);
          }
          // Idempotent.
          expect(generate(plans, day, combineThen).changes).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
