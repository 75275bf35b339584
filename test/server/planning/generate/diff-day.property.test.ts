import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VISIT_STATUSES } from '../../../../db/reference/task-types.ts';
import {
  type DayChange,
  type ExistingVisit,
  cancelledByGeneration,
  diffDay,
  editable,
} from '../../../../server/planning/generate/diff-day.ts';
import type { PlannedVisit } from '../../../../server/planning/generate/plan-occurrence.ts';

const PLANS = [1, 2, 3, 4, 5].map((n) => `70000000-0000-4000-8000-00000000000${n}`);

const plannedOf = (plan: string, duration: number): PlannedVisit => ({
  municipalityCode: '0180',
  patientId: '70000000-0000-4000-8000-0000000000aa',
  carePlanId: plan,
  alsoCarePlanIds: [],
  windowStart: new Date('2026-11-24T06:30:00Z'),
  windowEnd: new Date('2026-11-24T07:30:00Z'),
  windowHard: false,
  durationMinutes: duration,
  taskTypes: ['personal_care'],
  requiredProfession: 'an',
  staffCount: 1,
  priority: 'planned',
  source: 'plan',
});

const planned = fc
  .uniqueArray(fc.constantFrom(...PLANS), { maxLength: 5 })
  .chain((plans) =>
    fc.tuple(...plans.map((p) => fc.constantFrom(20, 30).map((d) => plannedOf(p, d)))),
  );

const existing = fc
  .array(
    fc.record({
      plan: fc.constantFrom(...PLANS),
      duration: fc.constantFrom(20, 30),
      status: fc.constantFrom(...VISIT_STATUSES),
      pinned: fc.boolean(),
      held: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((rows) =>
    rows.map((r, i): ExistingVisit => ({
      ...plannedOf(r.plan, r.duration),
      id: `80000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      status: r.status,
      pinned: r.pinned,
      pinnedStart: null,
      version: 1,
      createdAt: new Date(Date.UTC(2026, 10, 20, 0, i)),
      updatedAt: new Date(Date.UTC(2026, 10, 20)),
      // Assigned and later statuses have caregivers; a cancelled one may or may not.
      assigneeCount: r.status === 'unassigned' ? 0 : r.status === 'cancelled' && !r.held ? 0 : 1,
    })),
  );

/** The day after the changes, as the writes would leave it. */
function applied(before: ExistingVisit[], changes: DayChange[]): ExistingVisit[] {
  const after = new Map(before.map((v) => [v.id, { ...v }]));
  let n = 0;
  for (const c of changes) {
    if (c.kind === 'add') {
      const id = `90000000-0000-4000-8000-${String(n++).padStart(12, '0')}`;
      after.set(id, {
        ...c.planned,
        id,
        status: 'unassigned',
        pinned: false,
        pinnedStart: null,
        version: 1,
        createdAt: new Date(Date.UTC(2026, 10, 21)),
        updatedAt: new Date(Date.UTC(2026, 10, 21)),
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

describe('generating a day, whatever the day holds', () => {
  it('changes only visits nobody holds, and a second time nothing more', () => {
    fc.assert(
      fc.property(planned, existing, (plans, day) => {
        const first = diffDay(plans, day);
        for (const c of first.changes) {
          if (c.kind === 'update' || c.kind === 'remove') expect(editable(c.visit)).toBe(true);
          if (c.kind === 'restore') expect(c.visit).toMatchObject({ status: 'cancelled' });
        }
        const after = applied(day, first.changes);
        // Every plan of the day has its visit; no free visit is left of a plan that ended,
        // and no plan has two free visits.
        const wanted = new Set(plans.map((p) => p.carePlanId));
        for (const plan of PLANS) {
          const standing = after.filter((v) => v.carePlanId === plan && !cancelledByGeneration(v));
          const free = standing.filter(editable);
          if (wanted.has(plan)) expect(standing.length).toBeGreaterThan(0);
          else expect(free).toEqual([]);
          expect(free.length).toBeLessThanOrEqual(1);
        }
        const second = diffDay(plans, after);
        expect(second.changes.filter((c) => c.kind !== 'keep')).toEqual([]);
        const kept = (d: typeof first) =>
          d.changes.filter((c) => c.kind === 'keep').map((c) => c.visit.id);
        expect(kept(second).sort()).toEqual(kept(first).sort());
      }),
      { numRuns: 3000 },
    );
  });
});
