import { describe, expect, it } from 'vitest';
import type { TaskType } from '../../../db/reference/task-types.ts';
import { buildProblem } from '../../../server/solver-bridge/build-problem.ts';
import { currentSolution, toAssignments } from '../../../server/solver-bridge/plan-mapping.ts';
import { rankInsertions } from '../../../solver/insertion/rank-insertions.ts';
import { solve } from '../../../solver/solve.ts';
import { validate } from '../../../solver/validate/validate.ts';
import { NIGHT, patientRow, staffRow, visitRow } from './rows.ts';

const origin = NIGHT.startsAt;
const opts = { seed: 7, timeLimitMs: 10_000, clock: () => performance.now(), maxIterations: 300 };
const delegation = (staffId: string, taskType: TaskType) => ({
  staffId,
  taskType,
  patientId: 'p1',
  validFrom: new Date('2026-06-01T00:00:00Z'),
  validTo: new Date('2026-12-01T00:00:00Z'),
  revokedAt: null,
});

/** A generated combined visit at 03:00 Stockholm: supervision, insulin and dose dispensing. */
const combined = visitRow('v1', 'p1', '2026-11-23T02:00:00Z', {
  taskTypes: ['supervision', 'insulin_pen', 'dose_dispensing'],
  requiredProfession: 'rn',
  durationMinutes: 35,
});

describe('a combined visit of several tasks in the solver', () => {
  it('goes to the AN holding a delegation for every delegable task, not to one missing one', () => {
    const built = buildProblem(
      [
        // The AN missing dose dispensing lives next door: only competence keeps it away.
        staffRow('an-missing', {
          profession: 'an',
          start: { lat: 59.315, lon: 18.072 },
          delegations: [delegation('an-missing', 'insulin_pen')],
        }),
        staffRow('an-full', {
          profession: 'an',
          start: { lat: 59.34, lon: 18.1 },
          delegations: [
            delegation('an-full', 'insulin_pen'),
            delegation('an-full', 'dose_dispensing'),
          ],
        }),
      ],
      [combined],
      [patientRow('p1')],
      { origin },
    );
    const ranked = rankInsertions(built.input, currentSolution(built, []), 0, 10);
    expect(ranked.map((s) => built.staffIds[s.caregiver])).toEqual(['an-full']);
    const plan = solve(built.input, opts);
    expect(validate(built.input, plan).violations).toEqual([]);
    expect(toAssignments(built, plan).planned[0].staff[0].staffId).toBe('an-full');
  });

  it('with nobody holding all delegations, the visit stays unplaced', () => {
    const built = buildProblem(
      [
        staffRow('an-missing', {
          profession: 'an',
          delegations: [delegation('an-missing', 'insulin_pen')],
        }),
      ],
      [combined],
      [patientRow('p1')],
      { origin },
    );
    expect(rankInsertions(built.input, currentSolution(built, []), 0, 10)).toEqual([]);
    const plan = solve(built.input, opts);
    expect(validate(built.input, plan).violations).toEqual([]);
    expect(toAssignments(built, plan).planned).toEqual([]);
  });
});
