/**
 * Fourteen days of one municipality, in memory: the demo generator's patients, care plans,
 * teams, staff and delegations (db/seed/generate.ts, the same rows `npm start` seeds), with
 * the visits of every day made from the care plans as the generator makes today's, and the
 * staff on a two-week rota (rota.ts) instead of every day. The generator sizes each team's
 * staff for one day's need; a group of n on the rota gets round(n × staffFactor) people so
 * the days and weekends are covered (copies share the original's team, mode and delegations).
 */
import { DateTime } from 'luxon';
import { municipalityByCode } from '../../db/reference/municipalities.ts';
import type { Profession, ShiftKind, TravelMode } from '../../db/reference/professions.ts';
import { generateMunicipality } from '../../db/seed/generate.ts';
import { addDays, isoWeekday, localToUtc } from '../../db/seed/local-time.ts';
import { distanceKm } from '../../db/seed/places.ts';
import { Rng } from '../../db/seed/prng.ts';
import type { DelegationRow } from '../../server/domain/competence.ts';
import type { PatientRow, VisitRow } from '../../server/solver-bridge/problem-rows.ts';
import { worksOn, worksWeekdays } from './rota.ts';

export const ZONE = 'Europe/Stockholm';

export interface WorldOptions {
  municipality: string;
  seed: number;
  scale: number;
  /** First local date, a Monday (the rota's cycle starts on it). */
  firstDay: string;
  days: number;
  /** Headcount of a rota group per person the generator staffed each day with. */
  staffFactor: number;
  /**
   * Keep only the first n teams (their staff, and the patients whose nearest base is
   * theirs): a district of a city-sized municipality, with the city's density of patients.
   */
  teams?: number;
}

export interface Member {
  id: string;
  team: number;
  profession: Profession;
  travelMode: TravelMode;
  kind: ShiftKind;
  base: { lat: number; lon: number };
  /** Index in the rota group, or null: Monday to Friday (therapists). */
  rota: number | null;
}

export interface Shift {
  /** Shift id: member and local start date. */
  id: string;
  member: Member;
  kind: ShiftKind;
  startsAt: Date;
  endsAt: Date;
}

export interface World {
  options: WorldOptions;
  dates: string[];
  teams: number;
  /** Teams the generator made for the whole municipality. */
  teamsInMunicipality: number;
  staff: Member[];
  patients: Map<string, Omit<PatientRow, 'knownStaffIds'>>;
  delegations: Map<string, DelegationRow[]>;
  /** Visits due on each date (window start on that local date), unassigned. */
  visits: Map<string, VisitRow[]>;
  /** Shifts starting on each local date (a night shift ends the next morning). */
  shifts: Map<string, Shift[]>;
}

export function buildWorld(o: WorldOptions): World {
  const ref = municipalityByCode(o.municipality);
  if (!ref) throw new Error(`unknown municipality ${o.municipality}`);
  if (isoWeekday(o.firstDay) !== 1) throw new Error(`--first-day ${o.firstDay}: not a Monday`);
  const rows = generateMunicipality(ref, { seed: o.seed, scale: o.scale, today: o.firstDay });
  const dates = Array.from({ length: o.days }, (_, i) => addDays(o.firstDay, i));

  // Shift times per kind, as the generator gives them (local wall clock).
  const times = new Map<ShiftKind, { start: string; end: string; nextDay: boolean }>();
  const kindOf = new Map<string, ShiftKind>();
  for (const s of rows.shifts) {
    kindOf.set(s.staffId, s.kind);
    if (times.has(s.kind)) continue;
    const a = DateTime.fromJSDate(s.startsAt, { zone: ZONE });
    const b = DateTime.fromJSDate(s.endsAt, { zone: ZONE });
    times.set(s.kind, {
      start: a.toFormat('HH:mm'),
      end: b.toFormat('HH:mm'),
      nextDay: b.toISODate() !== a.toISODate(),
    });
  }

  const baseOfTeam = rows.teams.map((t) => {
    const b = rows.bases.find((x) => x.id === t.baseId)!;
    return { lat: b.lat, lon: b.lon };
  });
  const teamIndex = new Map(rows.teams.map((t, i) => [t.id!, i]));
  const keepTeams = Math.min(o.teams ?? rows.teams.length, rows.teams.length);
  const nearestTeam = (p: { lat: number; lon: number }) => {
    let best = 0;
    baseOfTeam.forEach((b, i) => {
      if (distanceKm(p, b) < distanceKm(p, baseOfTeam[best])) best = i;
    });
    return best;
  };
  const kept = new Set(rows.patients.filter((p) => nearestTeam(p) < keepTeams).map((p) => p.id!));
  const delegations = new Map<string, DelegationRow[]>();
  for (const d of rows.delegations) {
    const list = delegations.get(d.staffId) ?? [];
    list.push({
      staffId: d.staffId,
      taskType: d.taskType,
      patientId: d.patientId ?? null,
      validFrom: d.validFrom,
      validTo: d.validTo,
      revokedAt: d.revokedAt ?? null,
    });
    delegations.set(d.staffId, list);
  }

  // Staff: rota groups per (team, profession, shift kind), topped up by copies.
  const ids = new Rng(`${o.seed}:${o.municipality}:rota`);
  const groups = new Map<string, Member[]>();
  const staff: Member[] = [];
  for (const s of rows.staff) {
    const kind = kindOf.get(s.id!);
    if (!s.active || !kind) continue;
    const team = teamIndex.get(s.teamId)!;
    if (team >= keepTeams) continue;
    const member: Member = {
      id: s.id!,
      team,
      profession: s.profession,
      travelMode: s.travelMode,
      kind,
      base: baseOfTeam[team],
      rota: null,
    };
    staff.push(member);
    if (s.profession !== 'rn' && s.profession !== 'an') continue;
    const key = `${team}:${s.profession}:${kind}`;
    groups.set(key, [...(groups.get(key) ?? []), member]);
  }
  for (const group of groups.values()) {
    const want = Math.max(group.length, Math.round(group.length * o.staffFactor));
    for (let i = group.length; i < want; i++) {
      const like = group[i % group.length];
      const copy: Member = { ...like, id: ids.uuid() };
      delegations.set(
        copy.id,
        (delegations.get(like.id) ?? []).map((d) => ({ ...d, staffId: copy.id })),
      );
      staff.push(copy);
      group.push(copy);
    }
    group.forEach((m, i) => (m.rota = i));
  }

  const shifts = new Map<string, Shift[]>();
  const allDates = [addDays(o.firstDay, -1), ...dates];
  for (const date of allDates) {
    const cycleDay = Math.round(
      DateTime.fromISO(date, { zone: ZONE }).diff(
        DateTime.fromISO(o.firstDay, { zone: ZONE }),
        'days',
      ).days,
    );
    const list: Shift[] = [];
    for (const m of staff) {
      const works = m.rota === null ? worksWeekdays(cycleDay) : worksOn(m.rota, cycleDay);
      if (!works) continue;
      const t = times.get(m.kind)!;
      list.push({
        id: `${m.id}@${date}`,
        member: m,
        kind: m.kind,
        startsAt: localToUtc(date, t.start),
        endsAt: localToUtc(t.nextDay ? addDays(date, 1) : date, t.end),
      });
    }
    shifts.set(date, list);
  }

  const patients = new Map<string, Omit<PatientRow, 'knownStaffIds'>>();
  for (const p of rows.patients) {
    if (!kept.has(p.id!)) continue;
    patients.set(p.id!, {
      id: p.id!,
      lat: p.lat,
      lon: p.lon,
      contactStaffId: p.contactStaffId ?? null,
      excludedStaffIds: rows.patientExclusions
        .filter((e) => e.patientId === p.id)
        .map((e) => e.staffId),
    });
  }

  // Visits from the care plans, as the generator makes today's and tomorrow's.
  const visits = new Map<string, VisitRow[]>();
  for (const date of dates) {
    const weekday = isoWeekday(date);
    const list: VisitRow[] = [];
    for (const plan of rows.carePlans) {
      if (!kept.has(plan.patientId)) continue;
      if (!plan.daysOfWeek.includes(weekday)) continue;
      if (plan.validFrom > date || (plan.validTo != null && plan.validTo < date)) continue;
      const windowStart = localToUtc(date, plan.windowStart.slice(0, 5));
      let windowEnd = localToUtc(date, plan.windowEnd.slice(0, 5));
      if (windowEnd < windowStart) windowEnd = windowStart;
      list.push({
        id: `${plan.id}@${date}`,
        patientId: plan.patientId,
        windowStart,
        windowEnd,
        windowHard: plan.windowHard ?? false,
        durationMinutes: plan.durationMinutes,
        taskTypes: plan.taskTypes,
        requiredProfession: plan.requiredProfession,
        staffCount: plan.staffCount ?? 1,
        priority: 'planned',
        pinned: false,
        assignees: [],
      });
    }
    list.sort(
      (a, b) => a.windowStart.getTime() - b.windowStart.getTime() || (a.id < b.id ? -1 : 1),
    );
    visits.set(date, list);
  }

  return {
    options: o,
    dates,
    teams: keepTeams,
    teamsInMunicipality: rows.teams.length,
    staff,
    patients,
    delegations,
    visits,
    shifts,
  };
}
