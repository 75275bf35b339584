import { describe, expect, it } from 'vitest';
import type { TaskType } from '../../../db/reference/task-types.ts';
import { competenceFor, visitNeeds } from '../../../server/domain/competence.ts';

const from = new Date('2026-11-24T06:30:00Z');
const to = new Date('2026-11-24T07:15:00Z');
const delegation = (staffId: string, taskType: TaskType, patientId: string | null = 'p') => ({
  staffId,
  taskType,
  patientId,
  validFrom: new Date('2026-06-01T00:00:00Z'),
  validTo: new Date('2027-05-01T00:00:00Z'),
  revokedAt: null,
});
const an = (id: string) => ({ id, profession: 'an' as const });

/** A combined visit (morning care with insulin and dose dispensing): several tasks at once. */
const combined = {
  patientId: 'p',
  requiredProfession: 'rn' as const,
  taskTypes: ['personal_care', 'insulin_pen', 'dose_dispensing'] as TaskType[],
};

describe('competence for a visit of several tasks', () => {
  it('an AN task with delegable RN tasks needs an AN holding a delegation for each', () => {
    expect(visitNeeds('rn', combined.taskTypes)).toEqual({
      profession: 'an',
      delegated: ['insulin_pen', 'dose_dispensing'],
    });
    const both = [delegation('an1', 'insulin_pen'), delegation('an1', 'dose_dispensing')];
    expect(competenceFor(an('an1'), combined, both, from, to).kind).toBe('delegation');
    expect(competenceFor({ id: 'rn1', profession: 'rn' }, combined, [], from, to)).toEqual({
      kind: 'profession',
    });
  });

  it('an AN missing one of the delegations, or holding one for another patient, may not', () => {
    const onlyInsulin = [delegation('an1', 'insulin_pen')];
    expect(competenceFor(an('an1'), combined, onlyInsulin, from, to)).toEqual({
      kind: 'none',
      reason: 'no valid delegation for dose_dispensing over the visit',
    });
    const otherPatient = [
      delegation('an1', 'insulin_pen'),
      delegation('an1', 'dose_dispensing', 'q'),
    ];
    expect(competenceFor(an('an1'), combined, otherPatient, from, to).kind).toBe('none');
    expect(competenceFor(an('an2'), combined, [], from, to).kind).toBe('none');
  });

  it('a non-delegable RN task in the visit leaves it to an RN, whatever the AN holds', () => {
    const withInjection = { ...combined, taskTypes: [...combined.taskTypes, 'injection' as const] };
    expect(visitNeeds('rn', withInjection.taskTypes)).toEqual({ profession: 'rn', delegated: [] });
    const all = (['insulin_pen', 'dose_dispensing', 'injection'] as const).map((t) =>
      delegation('an1', t),
    );
    expect(competenceFor(an('an1'), withInjection, all, from, to).kind).toBe('none');
  });
});
