/**
 * The national continuity indicator the Kolada way (Socialstyrelsen's "personalkontinuitet":
 * the number of different staff a person with two or more visits every day meets over
 * 14 days, counted between 07:00 and 22:00, reported as a median), computed from a plan.
 */
import { DateTime } from 'luxon';
import {
  KOLADA as SHARED,
  type Summary,
  summarise,
} from '../../server/domain/kolada-continuity.ts';

export { type Summary, summarise };

/** One visit of the period as planned: who was there, and when. */
export interface MetVisit {
  patientId: string;
  /** When the visit was due (its window start): decides its day and whether it counts. */
  due: Date;
  /** Planned start, or null when the visit was left unplaced (no one met). */
  start: Date | null;
  /** Who makes it: one, or two for a two-person visit (the patient meets both). */
  staffIds: readonly string[];
}

export interface IndicatorOptions {
  /** First local date of the period, ISO. */
  firstDay: string;
  /** Length of the period in local calendar days (Kolada: 14). */
  days: number;
  zone: string;
  /** Local hours that count, [from, to): Kolada's 07:00 to 22:00. */
  fromHour: number;
  toHour: number;
}

/** The shared definition (server/domain/kolada-continuity.ts): 14 days, 07–22 Stockholm. */
export const KOLADA: Omit<IndicatorOptions, 'firstDay'> = {
  days: SHARED.days,
  zone: SHARED.zone,
  fromHour: SHARED.fromHour,
  toHour: SHARED.toHour,
};

export interface PatientContinuity {
  patientId: string;
  /** Distinct staff met at visits starting 07:00–22:00 local. */
  daytime: number;
  /** Distinct staff met at any hour. */
  allHours: number;
}

export interface Indicator {
  /** Patients with ≥ 2 visits due 07:00–22:00 on every day of the period. */
  patients: PatientContinuity[];
  daytime: Summary;
  allHours: Summary;
}

/** Local date and hour of an instant (a clock-change day has 23 or 25 hours). */
function local(d: Date, zone: string): { date: string; hour: number } {
  const t = DateTime.fromJSDate(d, { zone });
  return { date: t.toISODate()!, hour: t.hour + t.minute / 60 };
}

const inHours = (hour: number, o: IndicatorOptions) => hour >= o.fromHour && hour < o.toHour;

/**
 * Who counts: a patient with at least two visits due between 07:00 and 22:00 on every local
 * day of the period (Kolada: "två eller fler besök varje dag, måndag–söndag", measured
 * 07–22). Eligibility comes from what was due, so leaving visits unplaced cannot drop a
 * patient from the cohort. What counts: the distinct staff at the visits of the period
 * that start (as planned) between 07:00 and 22:00 local, and, beside it, at any hour.
 */
export function continuityIndicator(visits: readonly MetVisit[], o: IndicatorOptions): Indicator {
  const first = DateTime.fromISO(o.firstDay, { zone: o.zone });
  const dates = Array.from({ length: o.days }, (_, i) => first.plus({ days: i }).toISODate()!);
  const dayIndex = new Map(dates.map((d, i) => [d, i]));

  const perDay = new Map<string, number[]>();
  const daytimeStaff = new Map<string, Set<string>>();
  const allStaff = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, p: string, ids: readonly string[]) => {
    let s = m.get(p);
    if (!s) m.set(p, (s = new Set()));
    for (const id of ids) s.add(id);
  };
  for (const v of visits) {
    const due = local(v.due, o.zone);
    const i = dayIndex.get(due.date);
    if (i === undefined) continue;
    if (inHours(due.hour, o)) {
      let counts = perDay.get(v.patientId);
      if (!counts) perDay.set(v.patientId, (counts = new Array<number>(o.days).fill(0)));
      counts[i]++;
    }
    if (v.start === null || v.staffIds.length === 0) continue;
    add(allStaff, v.patientId, v.staffIds);
    if (inHours(local(v.start, o.zone).hour, o)) add(daytimeStaff, v.patientId, v.staffIds);
  }

  const patients: PatientContinuity[] = [];
  for (const [patientId, counts] of perDay) {
    if (!counts.every((n) => n >= SHARED.minVisitsPerDay)) continue;
    patients.push({
      patientId,
      daytime: daytimeStaff.get(patientId)?.size ?? 0,
      allHours: allStaff.get(patientId)?.size ?? 0,
    });
  }
  patients.sort((a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0));
  return {
    patients,
    daytime: summarise(patients.map((p) => p.daytime)),
    allHours: summarise(patients.map((p) => p.allHours)),
  };
}
