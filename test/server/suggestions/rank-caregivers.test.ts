import { describe, expect, it } from 'vitest';
import { rankCaregivers } from '../../../server/suggestions/rank-caregivers.ts';
import { MunicipalityState } from '../../../server/live-state/municipality-state.ts';
import { type TravelSource, estimateTravel } from '../../../server/solver-bridge/travel.ts';
import type { LivePatient, LiveStaffMember, LiveVisit } from '../../../server/live-state/types.ts';

const now = new Date('2026-11-23T08:00:00Z'); // 09:00 Stockholm
const base = { lat: 59.3, lon: 18.0 };
const dayShift = {
  startsAt: new Date('2026-11-23T06:00:00Z'),
  endsAt: new Date('2026-11-23T15:00:00Z'),
  breakMinutes: 30,
  maxWorkWithoutBreakMinutes: 300,
};

function member(id: string, over: Partial<LiveStaffMember> = {}): LiveStaffMember {
  return {
    id,
    name: id,
    profession: 'rn',
    travelMode: 'car',
    base,
    shifts: [dayShift],
    delegations: [],
    ...over,
  };
}

function patient(id: string, lat: number, over: Partial<LivePatient> = {}): LivePatient {
  return {
    id,
    lat,
    lon: 18.0,
    contactStaffId: null,
    excludedStaffIds: [],
    knownStaffIds: new Set(),
    ...over,
  };
}

function visit(id: string, patientId: string, over: Partial<LiveVisit> = {}): LiveVisit {
  return {
    id,
    municipalityCode: '0180',
    patientId,
    windowStart: new Date('2026-11-23T08:00:00Z'),
    windowEnd: new Date('2026-11-23T09:00:00Z'),
    windowHard: false,
    durationMinutes: 30,
    taskTypes: ['injection'],
    requiredProfession: 'rn',
    staffCount: 1,
    priority: 'urgent1',
    pinned: false,
    status: 'unassigned',
    version: 1,
    assignees: [],
    ...over,
  };
}

function world(staff: LiveStaffMember[], patients: LivePatient[], visits: LiveVisit[]) {
  return new MunicipalityState(
    '0180',
    1,
    now,
    new Map(staff.map((s) => [s.id, s])),
    new Map(patients.map((p) => [p.id, p])),
    new Map(visits.map((v) => [v.id, v])),
  );
}

const rank = (s: MunicipalityState, v: LiveVisit, limit = 5) =>
  rankCaregivers(s, v, { now, limit });

describe('rankCaregivers', () => {
  const target = visit('new', 'p');

  it('ranks only who may go: on shift, with the profession, not refused', () => {
    const s = world(
      [
        member('rn1'),
        member('rn-refused'),
        member('an', { profession: 'an' }),
        member('rn-night', {
          shifts: [
            {
              ...dayShift,
              startsAt: new Date('2026-11-23T21:00:00Z'),
              endsAt: new Date('2026-11-24T06:30:00Z'),
            },
          ],
        }),
      ],
      [patient('p', 59.31, { excludedStaffIds: ['rn-refused'] })],
      [target],
    );
    expect(rank(s, target).map((r) => r.member.id)).toEqual(['rn1']);
  });

  it('lists each caregiver once, cheapest first, and fits the visit around their route', () => {
    // rn-busy must start an hour next door at 09:10-09:15 Stockholm.
    const busy = visit('busy', 'q', {
      status: 'assigned',
      windowHard: true,
      windowStart: new Date('2026-11-23T08:10:00Z'),
      windowEnd: new Date('2026-11-23T08:15:00Z'),
      durationMinutes: 60,
      assignees: [{ staffId: 'rn-busy', plannedStart: new Date('2026-11-23T08:10:00Z') }],
    });
    const s = world(
      [member('rn-busy'), member('rn-free')],
      [patient('p', 59.31), patient('q', 59.31)],
      [target, busy],
    );
    const ranked = rank(s, target);
    expect(ranked.map((r) => r.member.id).sort()).toEqual(['rn-busy', 'rn-free']);
    const byId = new Map(ranked.map((r) => [r.member.id, r]));
    // The busy nurse can only come after the hour at the other patient.
    expect(byId.get('rn-busy')!.start).toBeGreaterThanOrEqual(70 * 60);
    expect(byId.get('rn-free')!.start).toBeLessThan(3600);
    expect(ranked[0].member.id).toBe('rn-free');
  });

  it('keeps a two-person visit at its planned start: the partner arrives then', () => {
    const pair = visit('pair', 'q', {
      status: 'assigned',
      staffCount: 2,
      windowStart: new Date('2026-11-23T08:10:00Z'),
      windowEnd: new Date('2026-11-23T10:00:00Z'),
      durationMinutes: 30,
      assignees: [
        { staffId: 'other', plannedStart: new Date('2026-11-23T08:10:00Z') },
        { staffId: 'rn1', plannedStart: new Date('2026-11-23T08:10:00Z') },
      ],
    });
    const s = world([member('rn1')], [patient('p', 59.31), patient('q', 59.3)], [target, pair]);
    const [r] = rank(s, target);
    // Not before the pair (it would make it late): after it, 08:40 UTC or later.
    expect(r.start).toBeGreaterThanOrEqual(40 * 60);
    expect(r.addedLateness).toBe(0);
  });

  it('credits the caregiver the patient knows, and starts from a reported position', () => {
    const s = world(
      [member('rn-known'), member('rn-stranger')],
      [patient('p', 59.31, { knownStaffIds: new Set(['rn-known']) })],
      [target],
    );
    const ranked = rankCaregivers(s, target, {
      now,
      limit: 5,
      positionOf: (id) => (id === 'rn-stranger' ? { lat: 59.31, lon: 18.0 } : undefined),
    });
    const byId = new Map(ranked.map((r) => [r.member.id, r]));
    expect(byId.get('rn-known')).toMatchObject({ knowsPatient: true, fromLivePosition: false });
    expect(byId.get('rn-stranger')).toMatchObject({ knowsPatient: false, fromLivePosition: true });
    expect(byId.get('rn-stranger')!.addedTravel).toBeLessThan(byId.get('rn-known')!.addedTravel);
  });

  it("reads a split shift's route up to the next shift: its visits are not this one's", () => {
    // 07:00-11:00 and 13:00-17:00 Stockholm; a visit at 13:30 belongs to the afternoon.
    const morning = {
      ...dayShift,
      startsAt: new Date('2026-11-23T06:00:00Z'),
      endsAt: new Date('2026-11-23T10:00:00Z'),
    };
    const afternoon = {
      ...dayShift,
      startsAt: new Date('2026-11-23T12:00:00Z'),
      endsAt: new Date('2026-11-23T16:00:00Z'),
    };
    const later = visit('later', 'q', {
      status: 'assigned',
      windowStart: new Date('2026-11-23T12:30:00Z'),
      windowEnd: new Date('2026-11-23T13:00:00Z'),
      assignees: [{ staffId: 'rn-split', plannedStart: new Date('2026-11-23T12:30:00Z') }],
    });
    const s = world(
      [member('rn-split', { shifts: [morning, afternoon] })],
      [patient('p', 59.31), patient('q', 59.32)],
      [target, later],
    );
    const [r] = rank(s, target);
    expect(r.member.id).toBe('rn-split');
    // Home before the morning shift ends: the afternoon visit is not on this route.
    expect(r.slackAfterShift).toBeGreaterThan(0);
    expect(r.addedOvertime).toBe(0);
  });

  it('asks an AN for a delegation of the delegable task, for this patient', () => {
    const insulin = visit('ins', 'p', { taskTypes: ['insulin_pen'] });
    const delegation = (patientId: string | null) => ({
      staffId: 'an',
      taskType: 'insulin_pen' as const,
      patientId,
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validTo: new Date('2026-12-31T00:00:00Z'),
      revokedAt: null,
    });
    const an = (patientId: string | null) =>
      member('an', { profession: 'an', delegations: [delegation(patientId)] });
    const forP = rank(world([an('p')], [patient('p', 59.31)], [insulin]), insulin);
    const forOther = rank(world([an('other')], [patient('p', 59.31)], [insulin]), insulin);
    expect(forP.map((r) => r.member.id)).toEqual(['an']);
    expect(forOther).toEqual([]);
  });
});

describe('rankCaregivers pruning', () => {
  // Only the caregivers the estimate finds most promising are evaluated exactly (a travel
  // source without `trip` gets everyone evaluated): the ranking must come out the same.
  it('ranks as evaluating every caregiver would, on random routes', () => {
    const full = estimateTravel();
    const unpruned = { matrices: full.matrices };
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 60; round++) {
      // A third of the rounds at the change of shift: all but three of the staff start after
      // the visit's window (from half an hour to three hours after), so their estimates wait
      // for their lower bounds (estimateBound).
      const change = round % 3 === 2;
      const later = {
        ...dayShift,
        startsAt: new Date(now.getTime() + (1.5 + rnd() * 2.5) * 3600_000),
        endsAt: new Date(now.getTime() + 12 * 3600_000),
      };
      const patients = Array.from({ length: 90 }, (_, i) =>
        patient(`p${i}`, 59.25 + rnd() * 0.15, { lon: 17.9 + rnd() * 0.25 }),
      );
      patients[0].contactStaffId = `s${Math.floor(rnd() * 30)}`;
      patients[0].knownStaffIds = new Set([`s${Math.floor(rnd() * 30)}`]);
      const staff = Array.from({ length: 30 }, (_, i) =>
        member(`s${i}`, {
          travelMode: (['car', 'bike', 'walk'] as const)[i % 3],
          base: { lat: 59.3 + rnd() * 0.05, lon: 18 + rnd() * 0.05 },
          shifts: [change && i >= 3 ? later : dayShift],
        }),
      );
      const visits: LiveVisit[] = [];
      for (let i = 1; i < 90; i++) {
        const start = now.getTime() + Math.floor(rnd() * 6 * 3600) * 1000;
        visits.push(
          visit(`v${i}`, `p${i}`, {
            status: 'assigned',
            windowStart: new Date(start),
            windowEnd: new Date(start + 3600_000),
            assignees: [{ staffId: `s${Math.floor(rnd() * 30)}`, plannedStart: new Date(start) }],
          }),
        );
      }
      const t = visit('t', 'p0', { priority: rnd() < 0.5 ? 'urgent1' : 'urgent2' });
      const s = world(staff, patients, [...visits, t]);
      const summary = (travel: TravelSource) =>
        rankCaregivers(s, t, { now, limit: 3, travel }).map((r) => [r.member.id, r.deltaCost]);
      expect(summary(full)).toEqual(summary(unpruned));
    }
  });
});
