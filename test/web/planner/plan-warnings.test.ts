import { describe, expect, it } from 'vitest';
import { planWarnings } from '../../../web/planner/plan-warnings.ts';
import type { PlanningJob } from '../../../web/planner/planner-types.ts';

const result = (quality?: NonNullable<PlanningJob['result']>['quality']) =>
  ({
    assignments: [],
    unplaced: [],
    summary: {
      visits: 1,
      placed: 1,
      unplaced: 0,
      shifts: 1,
      fixed: 0,
      replanned: 0,
      travelSeconds: 0,
      cost: 1,
      solveMs: 1,
    },
    notes: [],
    ...(quality ? { quality } : {}),
  }) satisfies NonNullable<PlanningJob['result']>;

describe('warnings on a proposal', () => {
  it('warns when the plan breaks a hard rule and when only the final repair found it', () => {
    const q = { breaksHardRules: false, violations: [], foundByRepair: false, firstFeasibleMs: 9 };
    expect(planWarnings(result(q))).toEqual([]);
    expect(planWarnings(result({ ...q, foundByRepair: true, firstFeasibleMs: null }))).toEqual([
      'planner.warnFoundByRepair',
    ]);
    expect(
      planWarnings(
        result({ ...q, breaksHardRules: true, violations: ['late'], foundByRepair: true }),
      ),
    ).toEqual(['planner.warnBreaksRules', 'planner.warnFoundByRepair']);
  });

  it('says nothing when nothing was solved (an empty day, a job from before)', () => {
    expect(planWarnings(result())).toEqual([]);
    expect(planWarnings(null)).toEqual([]);
  });
});
