import { describe, expect, it } from 'vitest';
import { type ExistingVisit, diffDay } from '../../../../server/planning/generate/diff-day.ts';
import type { PlannedVisit } from '../../../../server/planning/generate/plan-occurrence.ts';

const PLAN = '50000000-0000-4000-8000-000000000001';
const OTHER_PLAN = '50000000-0000-4000-8000-000000000002';

const planned = (over: Partial<PlannedVisit> = {}): PlannedVisit => ({
  municipalityCode: '0180',
  patientId: '50000000-0000-4000-8000-0000000000aa',
  carePlanId: PLAN,
  alsoCarePlanIds: [],
  windowStart: new Date('2026-11-24T06:30:00Z'),
  windowEnd: new Date('2026-11-24T07:30:00Z'),
  windowHard: false,
  durationMinutes: 30,
  taskTypes: ['personal_care', 'supervision'],
  requiredProfession: 'an',
  staffCount: 1,
  priority: 'planned',
  source: 'plan',
  ...over,
});

let serial = 0;
const existing = (over: Partial<ExistingVisit> = {}): ExistingVisit => ({
  ...planned(),
  id: `60000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
  status: 'unassigned',
  pinned: false,
  pinnedStart: null,
  version: 1,
  createdAt: new Date(`2026-11-20T10:00:0${serial % 10}Z`),
  updatedAt: new Date('2026-11-20T10:00:00Z'),
  assigneeCount: 0,
  ...over,
});

describe('what generating a day changes', () => {
  it('adds a missing visit; a visit as its plan makes it is unchanged (task order aside)', () => {
    expect(diffDay([planned()], [])).toEqual({
      changes: [{ kind: 'add', planned: planned() }],
      unchanged: 0,
    });
    const same = existing({ taskTypes: ['supervision', 'personal_care'] });
    expect(diffDay([planned()], [same])).toEqual({ changes: [], unchanged: 1 });
  });

  it('updates a free visit whose plan changed, naming the fields', () => {
    const v = existing();
    const p = planned({ durationMinutes: 45, staffCount: 2 });
    expect(diffDay([p], [v]).changes).toEqual([
      { kind: 'update', visit: v, planned: p, fields: ['durationMinutes', 'staffCount'] },
    ]);
  });

  it('keeps every visit somebody holds, saying what it would have done', () => {
    const p = planned({ windowEnd: new Date('2026-11-24T08:00:00Z') });
    for (const status of ['assigned', 'en_route', 'in_progress', 'done', 'no_access'] as const) {
      const v = existing({ status, assigneeCount: 1 });
      expect(diffDay([p], [v]).changes).toEqual([
        { kind: 'keep', visit: v, reason: status, would: 'update', fields: ['windowEnd'] },
      ]);
      expect(diffDay([], [v]).changes).toEqual([
        { kind: 'keep', visit: v, reason: status, would: 'remove', fields: [] },
      ]);
    }
    const pinned = existing({ pinned: true });
    expect(diffDay([], [pinned]).changes).toEqual([
      { kind: 'keep', visit: pinned, reason: 'pinned', would: 'remove', fields: [] },
    ]);
  });

  it('removes a free visit whose plan no longer applies', () => {
    const v = existing({ carePlanId: OTHER_PLAN });
    expect(diffDay([planned()], [v]).changes).toEqual([
      { kind: 'add', planned: planned() },
      { kind: 'remove', visit: v, why: 'plan_no_longer_applies' },
    ]);
  });

  it('a visit cancelled in the field (it had a caregiver) stands for its plan and stays cancelled', () => {
    const v = existing({ status: 'cancelled', assigneeCount: 1 });
    expect(diffDay([planned({ durationMinutes: 60 })], [v])).toEqual({ changes: [], unchanged: 1 });
    expect(diffDay([], [v])).toEqual({ changes: [], unchanged: 1 });
  });

  it('a visit an earlier generation cancelled (no caregiver) comes back, or stays away', () => {
    const v = existing({ status: 'cancelled' });
    expect(diffDay([planned()], [v]).changes).toEqual([
      { kind: 'restore', visit: v, planned: planned() },
    ]);
    expect(diffDay([], [v])).toEqual({ changes: [], unchanged: 0 });
  });

  it('of two visits of one plan and day, the one somebody holds stands; a free copy goes', () => {
    const free = existing({ createdAt: new Date('2026-11-01T00:00:00Z') });
    const held = existing({ status: 'assigned', assigneeCount: 1 });
    expect(diffDay([planned()], [free, held])).toEqual({
      changes: [{ kind: 'remove', visit: free, why: 'duplicate' }],
      unchanged: 1,
    });
  });
});
