import { describe, expect, it } from 'vitest';
import type { TaskType } from '../../../db/reference/task-types.ts';
import { MunicipalityState } from '../../../server/live-state/municipality-state.ts';
import type { LivePatient, LiveStaffMember, LiveVisit } from '../../../server/live-state/types.ts';
import { rankCaregivers } from '../../../server/suggestions/rank-caregivers.ts';

const now = new Date('2026-11-23T06:00:00Z'); // 07:00 Stockholm
const base = { lat: 59.3, lon: 18.0 };
const dayShift = {
  startsAt: new Date('2026-11-23T06:00:00Z'),
  endsAt: new Date('2026-11-23T15:00:00Z'),
  breakMinutes: 30,
  maxWorkWithoutBreakMinutes: 300,
};
const delegation = (staffId: string, taskType: TaskType) => ({
  staffId,
  taskType,
  patientId: 'p',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validTo: new Date('2026-12-31T00:00:00Z'),
  revokedAt: null,
});
const an = (id: string, tasks: TaskType[]): LiveStaffMember => ({
  id,
  name: id,
  profession: 'an',
  travelMode: 'car',
  base,
  shifts: [dayShift],
  delegations: tasks.map((t) => delegation(id, t)),
});
const patient: LivePatient = {
  id: 'p',
  lat: 59.31,
  lon: 18.0,
  contactStaffId: null,
  excludedStaffIds: [],
  knownStaffIds: new Set(),
};
/** Morning care with insulin and dose dispensing, combined: 07:30-08:30 Stockholm. */
const combined: LiveVisit = {
  id: 'v',
  municipalityCode: '0180',
  patientId: 'p',
  windowStart: new Date('2026-11-23T06:30:00Z'),
  windowEnd: new Date('2026-11-23T07:30:00Z'),
  windowHard: true,
  durationMinutes: 55,
  taskTypes: ['personal_care', 'insulin_pen', 'dose_dispensing'],
  requiredProfession: 'rn',
  staffCount: 1,
  priority: 'planned',
  pinned: false,
  status: 'unassigned',
  version: 1,
  assignees: [],
};

describe('suggestions for a combined visit of several tasks', () => {
  it('suggest the AN with a delegation for every delegable task, not one missing one', () => {
    const staff = [
      an('an-full', ['insulin_pen', 'dose_dispensing']),
      an('an-insulin-only', ['insulin_pen']),
      an('an-none', []),
    ];
    const state = new MunicipalityState(
      '0180',
      1,
      now,
      new Map(staff.map((s) => [s.id, s])),
      new Map([['p', patient]]),
      new Map([['v', combined]]),
    );
    const ranked = rankCaregivers(state, combined, { now, limit: 5 });
    expect(ranked.map((r) => r.member.id)).toEqual(['an-full']);
  });
});
