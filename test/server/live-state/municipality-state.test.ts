import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../server/live/event-bus.ts';
import { MunicipalityState } from '../../../server/live-state/municipality-state.ts';
import type { LiveStaffMember, LiveVisit } from '../../../server/live-state/types.ts';

const at = new Date('2026-11-23T08:00:00Z');
const nurse: LiveStaffMember = {
  id: 's1',
  name: 'A',
  profession: 'rn',
  travelMode: 'car',
  base: { lat: 59.3, lon: 18 },
  shifts: [
    {
      startsAt: new Date('2026-11-23T06:00:00Z'),
      endsAt: new Date('2026-11-23T15:00:00Z'),
      breakMinutes: 30,
      maxWorkWithoutBreakMinutes: 300,
    },
  ],
  delegations: [],
};
const visit: LiveVisit = {
  id: 'v1',
  municipalityCode: '0180',
  patientId: 'p1',
  windowStart: new Date('2026-11-23T09:00:00Z'),
  windowEnd: new Date('2026-11-23T10:00:00Z'),
  windowHard: false,
  durationMinutes: 30,
  taskTypes: ['injection'],
  requiredProfession: 'rn',
  staffCount: 1,
  priority: 'planned',
  pinned: false,
  status: 'unassigned',
  version: 1,
  assignees: [],
};

function state(seq = 10) {
  return new MunicipalityState(
    '0180',
    seq,
    at,
    new Map([[nurse.id, structuredClone(nurse)]]),
    new Map([
      [
        'p1',
        {
          id: 'p1',
          lat: 59.31,
          lon: 18.01,
          contactStaffId: null,
          excludedStaffIds: [],
          knownStaffIds: new Set<string>(),
        },
      ],
    ]),
    new Map([[visit.id, structuredClone(visit)]]),
  );
}

const json = (v: LiveVisit) => JSON.parse(JSON.stringify(v)) as unknown;
const event = (seq: number, type: string, payload: unknown): LiveEvent => ({
  municipalityCode: '0180',
  seq,
  type,
  payload,
  at: at.toISOString(),
});

describe('MunicipalityState.apply', () => {
  it('applies the next event, skips old ones and asks for a reload on a gap', () => {
    const s = state();
    const assigned = {
      ...visit,
      status: 'assigned' as const,
      version: 2,
      assignees: [{ staffId: 's1', plannedStart: visit.windowStart }],
    };
    expect(s.apply(event(10, 'visit.assigned', { visit: json(assigned) }))).toBe('skipped');
    expect(s.apply(event(12, 'visit.assigned', { visit: json(assigned) }))).toBe('reload');
    expect(s.routeOf('s1')).toEqual([]);
    expect(s.apply(event(11, 'visit.assigned', { visit: json(assigned) }))).toBe('applied');
    expect(s.seq).toBe(11);
    expect(s.routeOf('s1')).toMatchObject([
      { visit: assigned, plannedStart: visit.windowStart.getTime(), durationMs: 30 * 60_000 },
    ]);
    const done = { ...assigned, status: 'done' as const, version: 3 };
    expect(s.apply(event(12, 'visit.status_changed', { visit: json(done) }))).toBe('applied');
    expect(s.routeOf('s1')).toEqual([]);
    expect(s.patients.get('p1')!.knownStaffIds.has('s1')).toBe(true);
  });

  it('ends a shift at a sick call and keeps the newest position', () => {
    const s = state();
    const sickAt = '2026-11-23T11:00:00.000Z';
    expect(s.apply(event(11, 'staff.sick', { staffId: 's1', at: sickAt }))).toBe('applied');
    expect(s.staff.get('s1')!.shifts[0].endsAt.toISOString()).toBe(sickAt);
    const fix = (t: string) => ({ staffId: 's1', lat: 59.4, lon: 18.1, at: t, status: 'en_route' });
    s.apply(event(12, 'staff.position', fix('2026-11-23T08:05:00.000Z')));
    s.apply(event(13, 'staff.position', fix('2026-11-23T08:01:00.000Z')));
    expect(s.positions.get('s1')!.at.toISOString()).toBe('2026-11-23T08:05:00.000Z');
  });

  it('reads again after a planned day or a payload it does not understand', () => {
    expect(state().apply(event(11, 'day.planned', { assigned: 3 }))).toBe('reload');
    expect(state().apply(event(11, 'visit.assigned', { visit: { id: 'v1' } }))).toBe('reload');
    // A patient created from a discharge notice: their place is read in for their visits.
    expect(state().apply(event(11, 'patient.created', { patientId: 'p9' }))).toBe('reload');
    const s = state();
    expect(s.apply(event(11, 'visit.late_risk', { visitId: 'v1' }))).toBe('applied');
    expect(s.seq).toBe(11);
  });
  it("keeps only who met whom from a past day's events (the demo's history), and reads no day", () => {
    // The period kept is from 24 h before `at` (2026-11-22T08:00Z); these are a week older.
    const past: LiveVisit = {
      ...visit,
      id: 'old',
      windowStart: new Date('2026-11-16T09:00:00Z'),
      windowEnd: new Date('2026-11-16T10:00:00Z'),
      status: 'done',
      version: 3,
      assignees: [{ staffId: 's1', plannedStart: new Date('2026-11-16T09:00:00Z') }],
    };
    const s = state();
    const day = { from: '2026-11-15T23:00:00.000Z', to: '2026-11-17T06:30:00.000Z' };
    expect(s.apply(event(11, 'day.planned', { ...day, assigned: 1 }))).toBe('applied');
    expect(s.apply(event(12, 'visit.status_changed', { visit: json(past) }))).toBe('applied');
    expect(s.visits.has('old')).toBe(false);
    expect(s.patients.get('p1')?.knownStaffIds.has('s1')).toBe(true);
    // A planned day that reaches into the period is read again.
    const today = { from: '2026-11-22T23:00:00.000Z', to: '2026-11-24T06:30:00.000Z' };
    expect(s.apply(event(13, 'day.planned', { ...today, assigned: 1 }))).toBe('reload');
  });
});
