/**
 * Pure, deterministic generation of demo rows for one municipality. No database access:
 * `seed.ts` inserts what this returns. Every random choice comes from `Rng` streams keyed by
 * (seed, municipality, purpose), so a municipality's rows do not depend on which other
 * municipalities are generated with it.
 */
import type { MunicipalityRef } from '../reference/municipalities.ts';
import type { Profession, ShiftKind, TravelMode } from '../reference/professions.ts';
import { DELEGABLE_TASKS, TASK_TYPES, type TaskType } from '../reference/task-types.ts';
import type {
  bases,
  carePlans,
  delegations,
  patientExclusions,
  patients,
  shifts,
  staff,
  teams,
  visits,
} from '../schema/index.ts';
import { NOTE_TEMPLATES } from './names.ts';
import {
  ARCHETYPE_WEIGHTS,
  type Archetype,
  archetypePlans,
  professionOf,
} from './care-plan-archetypes.ts';
import { addDays, isoWeekday, localToUtc, periodOf, toMinutes, window } from './local-time.ts';
import { distanceKm, offset, personName, pointNear, streetAddress } from './places.ts';
import { Rng } from './prng.ts';

/** Visits per day per 1,000 inhabitants at scale 1. */
export const VISITS_PER_DAY_PER_1000 = 3;
/** Every populated municipality gets at least this many visits a day, whatever the scale. */
export const MIN_VISITS_PER_DAY = 12;
/** Minimum staffing of every team on every shift. */
const MIN_RN_PER_SHIFT = 1;
const MIN_AN_PER_SHIFT: Record<ShiftKind, number> = { day: 3, evening: 3, night: 2 };
/** Dense inner municipalities where walking and cycling are common. */
const DENSE = new Set(['0180', '0183', '0184']);

export interface GenerateOptions {
  seed: number;
  scale: number;
  /** ISO local date (Europe/Stockholm). */
  today: string;
}

export interface MunicipalityRows {
  bases: (typeof bases.$inferInsert)[];
  teams: (typeof teams.$inferInsert)[];
  staff: (typeof staff.$inferInsert)[];
  patients: (typeof patients.$inferInsert)[];
  patientExclusions: (typeof patientExclusions.$inferInsert)[];
  carePlans: (typeof carePlans.$inferInsert)[];
  visits: (typeof visits.$inferInsert)[];
  shifts: (typeof shifts.$inferInsert)[];
  delegations: (typeof delegations.$inferInsert)[];
}

export const SHIFT_TIMES: Record<ShiftKind, { start: string; end: string; nextDay: boolean }> = {
  day: { start: '07:00', end: '16:00', nextDay: false },
  evening: { start: '15:00', end: '22:30', nextDay: false },
  night: { start: '22:00', end: '07:30', nextDay: true },
};

/** Paid minutes a caregiver can spend on visits and travel per shift (after break, slack). */
const SHIFT_CAPACITY: Record<ShiftKind, number> = {
  day: (540 - 30) * 0.8,
  evening: (450 - 30) * 0.8,
  night: (570 - 30) * 0.5,
};

// ---------------------------------------------------------------------------------------
// One municipality

export function generateMunicipality(
  ref: MunicipalityRef,
  options: GenerateOptions,
): MunicipalityRows {
  const { seed, scale, today } = options;
  const key = (purpose: string) => `${seed}:${ref.code}:${purpose}`;
  const ids = new Rng(key('ids'));
  const rngPatients = new Rng(key('patients'));
  const rngStaff = new Rng(key('staff'));
  const rngDelegations = new Rng(key('delegations'));
  const rngVisits = new Rng(key('visits'));

  const tomorrow = addDays(today, 1);
  const demoDays = [today, tomorrow];
  const todayStart = localToUtc(today, '00:00');
  const yesterdayNoon = localToUtc(addDays(today, -1), '12:00');
  const radiusKm = Math.sqrt(ref.areaKm2 / Math.PI);
  const dense = DENSE.has(ref.code);
  const travelMinutes = dense ? 10 : Math.min(25, Math.max(12, 8 + radiusKm * 0.6));

  const rows: MunicipalityRows = {
    bases: [],
    teams: [],
    staff: [],
    patients: [],
    patientExclusions: [],
    carePlans: [],
    visits: [],
    shifts: [],
    delegations: [],
  };

  // 1. Patients and their care plans, until the expected visits a day reach the target.
  const target = Math.max(
    MIN_VISITS_PER_DAY,
    (ref.population / 1000) * VISITS_PER_DAY_PER_1000 * scale,
  );
  interface PatientDraft {
    id: string;
    lat: number;
    lon: number;
    archetype: Archetype;
    plans: (typeof carePlans.$inferInsert)[];
    row: typeof patients.$inferInsert;
  }
  const drafts: PatientDraft[] = [];
  let expected = 0;
  while (expected < target) {
    const rng = rngPatients;
    const id = ids.uuid();
    const point = pointNear(rng, ref.lat, ref.lon, radiusKm);
    const careSetting = rng.weighted([
      ['ordinary_home', 90],
      ['hvb_home', 4],
      ['asylum_housing', 6],
    ] as const);
    const archetype = rng.weighted(ARCHETYPE_WEIGHTS[careSetting]);
    const validFrom = addDays(today, -rng.int(14, 42));
    const specs = archetypePlans(rng, archetype);
    const plans = specs.map((s) => {
      expected += s.days.length / 7;
      return {
        id: ids.uuid(),
        patientId: id,
        taskTypes: s.tasks,
        requiredProfession: professionOf(s.tasks),
        durationMinutes: s.duration,
        windowStart: `${s.start}:00`,
        windowEnd: `${s.end}:00`,
        windowHard: s.hard,
        daysOfWeek: s.days,
        staffCount: s.staffCount,
        combinable: s.combinable ?? true,
        priority: 'planned' as const,
        validFrom,
        validTo:
          ['rehab', 'ot', 'dietitian'].includes(archetype) && rng.chance(0.5)
            ? addDays(today, rng.int(7, 60))
            : null,
      };
    });
    const noteTemplate = rng.pick(NOTE_TEMPLATES);
    const notes = noteTemplate
      .replace('{code}', String(rng.int(1000, 9999)))
      .replace('{floor}', String(rng.int(1, 6)));
    drafts.push({
      id,
      lat: point.lat,
      lon: point.lon,
      archetype,
      plans,
      row: {
        id,
        municipalityCode: ref.code,
        name: personName(rng),
        address:
          careSetting === 'ordinary_home'
            ? streetAddress(rng, ref.name)
            : `${careSetting === 'hvb_home' ? 'HVB-hem' : 'Asylboende'}, ${streetAddress(rng, ref.name)}`,
        lat: point.lat,
        lon: point.lon,
        careSetting,
        contactStaffId: null,
        notes,
        createdAt: localToUtc(validFrom, '10:00'),
      },
    });
  }

  // 2. Visits for today and tomorrow from the plans, plus a few single visits.
  const load = demoDays.map(() => ({
    day: { rnOnly: 0, nursing: 0, ot: 0, pt: 0, dietitian: 0 },
    evening: { rnOnly: 0, nursing: 0, ot: 0, pt: 0, dietitian: 0 },
    night: { rnOnly: 0, nursing: 0, ot: 0, pt: 0, dietitian: 0 },
  }));
  const addVisit = (dayIndex: number, v: typeof visits.$inferInsert, localStart: string) => {
    rows.visits.push(v);
    const period = periodOf(toMinutes(localStart));
    const minutes = (v.durationMinutes + travelMinutes) * (v.staffCount ?? 1);
    const bucket = load[dayIndex][period];
    const p = v.requiredProfession;
    if (p === 'rn' || p === 'an') {
      const rnOnly = p === 'rn' && v.taskTypes.some((t) => !TASK_TYPES[t].delegable);
      if (rnOnly) bucket.rnOnly += minutes;
      else bucket.nursing += minutes;
    } else bucket[p] += minutes;
  };
  demoDays.forEach((date, dayIndex) => {
    const weekday = isoWeekday(date);
    for (const d of drafts) {
      for (const plan of d.plans) {
        if (!plan.daysOfWeek.includes(weekday)) continue;
        if (plan.validFrom > date || (plan.validTo != null && plan.validTo < date)) continue;
        const start = plan.windowStart.slice(0, 5);
        const end = plan.windowEnd.slice(0, 5);
        const windowStart = localToUtc(date, start);
        let windowEnd = localToUtc(date, end);
        if (windowEnd < windowStart) windowEnd = windowStart;
        addVisit(
          dayIndex,
          {
            id: ids.uuid(),
            municipalityCode: ref.code,
            patientId: d.id,
            carePlanId: plan.id,
            windowStart,
            windowEnd,
            windowHard: plan.windowHard,
            durationMinutes: plan.durationMinutes,
            taskTypes: plan.taskTypes,
            requiredProfession: plan.requiredProfession,
            staffCount: plan.staffCount,
            priority: 'planned',
            source: 'plan',
            status: 'unassigned',
            createdAt: yesterdayNoon,
            updatedAt: yesterdayNoon,
          },
          start,
        );
      }
    }
  });
  for (const d of drafts) {
    if (!rngVisits.chance(0.04)) continue;
    const dayIndex = rngVisits.int(0, 1);
    const date = demoDays[dayIndex];
    const kind = rngVisits.weighted([
      ['sampling', 3],
      ['nursing_assessment', 2],
      ['catheter_change', 1],
    ] as const);
    const w =
      kind === 'sampling'
        ? window(rngVisits, '07:30', '09:00', 90)
        : window(rngVisits, '10:00', '14:00', 120);
    addVisit(
      dayIndex,
      {
        id: ids.uuid(),
        municipalityCode: ref.code,
        patientId: d.id,
        carePlanId: null,
        windowStart: localToUtc(date, w.start),
        windowEnd: localToUtc(date, w.end),
        windowHard: false,
        durationMinutes: kind === 'sampling' ? 15 : 30,
        taskTypes: [kind],
        requiredProfession: 'rn',
        staffCount: 1,
        priority: 'planned',
        source: 'single',
        status: 'unassigned',
        createdAt: yesterdayNoon,
        updatedAt: yesterdayNoon,
      },
      w.start,
    );
  }

  // 3. Staffing per shift kind: enough for the busier of the two days, at least the minimum.
  const kinds: ShiftKind[] = ['day', 'evening', 'night'];
  const need = {} as Record<ShiftKind, { rn: number; an: number }>;
  for (const kind of kinds) {
    const rnOnly = Math.max(...load.map((l) => l[kind].rnOnly));
    const nursing = Math.max(...load.map((l) => l[kind].rnOnly + l[kind].nursing));
    const cap = SHIFT_CAPACITY[kind];
    const total = Math.ceil(nursing / cap);
    const rn = Math.max(Math.ceil(rnOnly / cap), Math.round(total * 0.3));
    need[kind] = { rn, an: Math.max(0, total - rn) };
  }
  const teamCount = Math.max(1, Math.round((need.day.rn + need.day.an) / 16));
  const perTeam = (total: number, team: number, min: number) =>
    Math.max(min, Math.floor(total / teamCount) + (team < total % teamCount ? 1 : 0));

  // Bases and teams, spread like the patients (denser near the centre).
  const labels = [
    'Centrum',
    'Norr',
    'Söder',
    'Öst',
    'Väst',
    'Nordost',
    'Sydost',
    'Sydväst',
    'Nordväst',
  ];
  const golden = Math.PI * (3 - Math.sqrt(5));
  const baseRng = new Rng(key('bases'));
  for (let i = 0; i < teamCount; i++) {
    const label = teamCount === 1 ? 'Centrum' : i < labels.length ? labels[i] : `Område ${i + 1}`;
    const point =
      i === 0
        ? pointNear(baseRng, ref.lat, ref.lon, Math.min(0.5, radiusKm * 0.1))
        : offset(
            ref.lat,
            ref.lon,
            radiusKm * 0.9 * ((i + 0.5) / teamCount) ** 0.7,
            i * golden + baseRng.next() * 0.3,
          );
    const baseId = ids.uuid();
    rows.bases.push({
      id: baseId,
      municipalityCode: ref.code,
      name: `Hemsjukvården ${ref.name} ${label}`,
      address: streetAddress(baseRng, ref.name).replace(/, lgh \d+/, ''),
      lat: point.lat,
      lon: point.lon,
    });
    rows.teams.push({
      id: ids.uuid(),
      municipalityCode: ref.code,
      baseId,
      name: `${ref.name} ${label}`,
    });
  }

  // Staff.
  interface StaffDraft {
    id: string;
    team: number;
    profession: Profession;
    kind: ShiftKind;
  }
  const staffDrafts: StaffDraft[] = [];
  const usedHsa = new Set<string>();
  const orgNumber = `212000${ref.code}`;
  const hsaAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  const addStaff = (team: number, profession: Profession, kind: ShiftKind) => {
    const rng = rngStaff;
    let hsaId: string;
    do {
      let code = '';
      for (let k = 0; k < 5; k++) code += rng.pick(hsaAlphabet.split(''));
      hsaId = `SE${orgNumber}-${code}`;
    } while (usedHsa.has(hsaId));
    usedHsa.add(hsaId);
    const travelMode: TravelMode =
      kind === 'night'
        ? rng.weighted<TravelMode>([
            ['car', 85],
            ['transit', 10],
            ['bike', 5],
          ])
        : dense
          ? rng.weighted<TravelMode>([
              ['car', 35],
              ['bike', 30],
              ['walk', 20],
              ['transit', 15],
            ])
          : rng.weighted<TravelMode>([
              ['car', 75],
              ['bike', 13],
              ['transit', 8],
              ['walk', 4],
            ]);
    const id = ids.uuid();
    staffDrafts.push({ id, team, profession, kind });
    rows.staff.push({
      id,
      hsaId,
      name: personName(rng),
      profession,
      municipalityCode: ref.code,
      teamId: rows.teams[team].id!,
      travelMode,
      active: true,
      createdAt: new Date(todayStart.getTime() - rng.int(30, 3000) * 86_400_000),
    });
  };
  for (let team = 0; team < teamCount; team++) {
    for (const kind of kinds) {
      const rn = perTeam(need[kind].rn, team, MIN_RN_PER_SHIFT);
      const an = perTeam(need[kind].an, team, MIN_AN_PER_SHIFT[kind]);
      for (let k = 0; k < rn; k++) addStaff(team, 'rn', kind);
      for (let k = 0; k < an; k++) addStaff(team, 'an', kind);
    }
  }
  const nursingHeadcount = staffDrafts.length;
  const headcount = nursingHeadcount / 0.85;
  const therapists: [Profession, number, 'ot' | 'pt' | 'dietitian'][] = [
    ['ot', 0.06, 'ot'],
    ['pt', 0.06, 'pt'],
    ['dietitian', 0.03, 'dietitian'],
  ];
  for (const [profession, share, bucket] of therapists) {
    const workload = Math.max(
      ...load.map((l) => l.day[bucket] + l.evening[bucket] + l.night[bucket]),
    );
    const n = Math.max(1, Math.round(headcount * share), Math.ceil(workload / SHIFT_CAPACITY.day));
    for (let k = 0; k < n; k++) addStaff(k % teamCount, profession, 'day');
  }
  // A few staff on leave: inactive, no shifts (never below the per-shift minimums).
  const inactive = new Set<string>();
  for (const s of staffDrafts) {
    const sameSlot = staffDrafts.filter(
      (o) =>
        o.team === s.team &&
        o.kind === s.kind &&
        o.profession === s.profession &&
        !inactive.has(o.id),
    ).length;
    const min =
      s.profession === 'rn'
        ? MIN_RN_PER_SHIFT
        : s.profession === 'an'
          ? MIN_AN_PER_SHIFT[s.kind]
          : 1;
    if (sameSlot > min + 1 && rngStaff.chance(0.02)) inactive.add(s.id);
  }
  for (const row of rows.staff) if (inactive.has(row.id!)) row.active = false;

  // Shifts: last night (ends this morning), then today's and tomorrow's day/evening/night.
  for (const s of staffDrafts) {
    if (inactive.has(s.id)) continue;
    const dates = s.kind === 'night' ? [addDays(today, -1), today, tomorrow] : demoDays;
    for (const date of dates) {
      if (s.profession !== 'rn' && s.profession !== 'an' && isoWeekday(date) > 5) continue;
      const t = SHIFT_TIMES[s.kind];
      rows.shifts.push({
        id: ids.uuid(),
        staffId: s.id,
        municipalityCode: ref.code,
        kind: s.kind,
        startsAt: localToUtc(date, t.start),
        endsAt: localToUtc(t.nextDay ? addDays(date, 1) : date, t.end),
      });
    }
  }

  // 4. Patients → team of the nearest base; contact caregiver; refused caregivers.
  const byTeamProfession = new Map<string, StaffDraft[]>();
  for (const s of staffDrafts) {
    if (inactive.has(s.id)) continue;
    const k = `${s.team}:${s.profession}`;
    byTeamProfession.set(k, [...(byTeamProfession.get(k) ?? []), s]);
  }
  const teamStaff = (team: number, p: Profession) => byTeamProfession.get(`${team}:${p}`) ?? [];
  const patientTeam = new Map<string, number>();
  for (const d of drafts) {
    let best = 0;
    let bestKm = Number.POSITIVE_INFINITY;
    rows.bases.forEach((b, i) => {
      const km = distanceKm(d, b);
      if (km < bestKm) {
        bestKm = km;
        best = i;
      }
    });
    patientTeam.set(d.id, best);
    const rng = rngPatients;
    if (d.row.careSetting === 'ordinary_home' ? rng.chance(0.85) : rng.chance(0.5)) {
      const rnLed = d.archetype === 'palliative' || d.archetype === 'nursing';
      const pool = rnLed
        ? teamStaff(best, 'rn')
        : teamStaff(best, 'an').filter((s) => s.kind === 'day');
      if (pool.length > 0) d.row.contactStaffId = rng.pick(pool).id;
    }
    if (rng.chance(0.03)) {
      const pool = [...teamStaff(best, 'an'), ...teamStaff(best, 'rn')].filter(
        (s) => s.id !== d.row.contactStaffId,
      );
      if (pool.length > 0) {
        rows.patientExclusions.push({
          patientId: d.id,
          staffId: rng.pick(pool).id,
          createdAt: new Date(todayStart.getTime() - rng.int(2, 200) * 86_400_000),
        });
      }
    }
    rows.patients.push(d.row);
    rows.carePlans.push(...d.plans);
  }

  // 5. Delegations: most assistant nurses hold some, from an RN of their team.
  const delegableWeights: [TaskType, number][] = DELEGABLE_TASKS.map((t) => [
    t,
    t === 'insulin_pen' || t === 'dose_dispensing' ? 5 : t === 'wound_dressing' ? 3 : 1,
  ]);
  const tomorrowTwo = localToUtc(tomorrow, '02:00');
  const day = 86_400_000;
  let expiringMade = false;
  for (const s of staffDrafts) {
    if (s.profession !== 'an' || inactive.has(s.id)) continue;
    const rng = rngDelegations;
    if (!rng.chance(0.75)) continue;
    const rns = teamStaff(s.team, 'rn');
    const tasks = new Set<TaskType>();
    const n = rng.int(1, 4);
    while (tasks.size < n) tasks.add(rng.weighted(delegableWeights));
    for (const taskType of tasks) {
      const roll = rng.next();
      let validTo: Date;
      if (!expiringMade || roll < 0.06) {
        validTo = tomorrowTwo; // expires during the demo days
        expiringMade = true;
      } else if (roll < 0.08) {
        validTo = new Date(todayStart.getTime() - rng.int(1, 30) * day); // lapsed, not yet renewed
      } else {
        validTo = new Date(
          todayStart.getTime() + rng.int(3, 330) * day + rng.int(8, 16) * 3_600_000,
        );
      }
      const validFrom = new Date(validTo.getTime() - rng.int(60, 360) * day);
      let revokedAt: Date | null = null;
      if (rng.chance(0.04)) {
        const earliest = validFrom.getTime() + day;
        const latest = Math.min(todayStart.getTime() - day, validTo.getTime() - day);
        if (latest > earliest)
          revokedAt = new Date(earliest + Math.floor(rng.next() * (latest - earliest)));
      }
      let patientId: string | null = null;
      if (rng.chance(0.06)) {
        const candidates = drafts.filter(
          (d) =>
            patientTeam.get(d.id) === s.team && d.plans.some((p) => p.taskTypes.includes(taskType)),
        );
        if (candidates.length > 0) patientId = rng.pick(candidates).id;
      }
      rows.delegations.push({
        id: ids.uuid(),
        staffId: s.id,
        taskType,
        delegatedBy: rng.pick(rns).id,
        patientId,
        validFrom,
        validTo,
        revokedAt,
      });
    }
  }

  return rows;
}
