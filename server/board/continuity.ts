import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { KOLADA } from '../domain/kolada-continuity.ts';
import { localDayBounds } from '../domain/stockholm-time.ts';
import { DateTime } from 'luxon';
import { type BoardScope, inList, local, num } from './board-scope.ts';

/** Median and p90 of distinct caregivers per patient, the Kolada way and over all hours. */
export interface ContinuitySummary {
  municipalityCode: string;
  /** null: the whole municipality. */
  teamId: string | null;
  /** Patients who count (≥ 2 visits due 07–22 on each of the 14 days). */
  patients: number;
  kolada: { median: number; p90: number };
  allHours: { median: number; p90: number };
}

export interface PatientContinuityRow {
  patientId: string;
  municipalityCode: string;
  teamId: string | null;
  /** Distinct caregivers met at visits started 07–22 local. */
  kolada: number;
  allHours: number;
}

/** The 14 local days ending on the period's last day (Kolada's window). */
export function continuityWindow(to: string): { first: string; start: Date; end: Date } {
  const first = DateTime.fromISO(to)
    .minus({ days: KOLADA.days - 1 })
    .toISODate()!;
  return { first, start: localDayBounds(first).start, end: localDayBounds(to).end };
}

const inHours = (col: SQL) =>
  sql`${local(col)}::time >= make_time(${KOLADA.fromHour}, 0, 0)
    and ${local(col)}::time < make_time(${KOLADA.toHour}, 0, 0)`;

/**
 * Per patient, in SQL (the definition of server/domain/kolada-continuity.ts, as
 * bench/planning/kolada-indicator.ts computes it from a plan): who counts is decided by the
 * visits due (window start) 07–22 local, at least two on every day of the 14, whatever became
 * of them; who was met is the caregivers (both of a two-person visit) of the visits done or
 * under way, by their start (reported, else planned), 07–22 for the indicator and at any hour
 * beside it. A patient's team is their contact caregiver's, else the team that met them most.
 */
function perPatient(s: BoardScope): SQL {
  const w = continuityWindow(s.period.to);
  const inWindow = sql`v.window_start >= ${w.start.toISOString()}::timestamptz
    and v.window_start < ${w.end.toISOString()}::timestamptz`;
  return sql`
    due as materialized (
      select v.patient_id, ${local(sql`v.window_start`)}::date as d
      from visits v
      where ${inList(sql`v.municipality_code`, s.municipalities)} and ${inWindow}
        and ${inHours(sql`v.window_start`)}
      group by 1, 2 having count(*) >= ${KOLADA.minVisitsPerDay}),
    eligible as materialized (
      select patient_id from due group by 1 having count(*) = ${KOLADA.days}),
    met as materialized (
      select v.patient_id, a.staff_id, st.team_id,
        ${inHours(sql`coalesce(va.started_at, a.planned_start)`)} as daytime
      from visits v
      join eligible e on e.patient_id = v.patient_id
      join assignments a on a.visit_id = v.id
      join staff st on st.id = a.staff_id
      left join visit_actuals va on va.visit_id = v.id
      where ${inWindow} and v.status in ('done', 'in_progress')),
    met_agg as (
      select patient_id,
        count(distinct staff_id) filter (where daytime)::int as kolada,
        count(distinct staff_id)::int as all_hours,
        mode() within group (order by team_id) as met_team
      from met group by 1),
    per_patient as (
      select p.id as patient_id, p.municipality_code,
        coalesce(cs.team_id, ma.met_team) as team_id,
        coalesce(ma.kolada, 0) as kolada, coalesce(ma.all_hours, 0) as all_hours
      from eligible e
      join patients p on p.id = e.patient_id
      left join staff cs on cs.id = p.contact_staff_id
      left join met_agg ma on ma.patient_id = p.id),
    scoped as (
      select * from per_patient
      where ${s.teamId ? sql`team_id = ${s.teamId}::uuid` : sql`true`})`;
}

/** Median and p90 per municipality and per team (nearest-rank p90, as the shared summarise). */
export async function continuitySummary(db: Db, s: BoardScope): Promise<ContinuitySummary[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with ${perPatient(s)}
      select municipality_code, team_id::text as team_id, grouping(team_id) as whole,
        count(*)::int as patients,
        percentile_cont(0.5) within group (order by kolada)::float8 as k_median,
        percentile_disc(0.9) within group (order by kolada)::float8 as k_p90,
        percentile_cont(0.5) within group (order by all_hours)::float8 as a_median,
        percentile_disc(0.9) within group (order by all_hours)::float8 as a_p90
      from scoped
      group by grouping sets ((municipality_code), (municipality_code, team_id))
      order by municipality_code, whole desc, team_id`),
  );
  const out: ContinuitySummary[] = rows
    .filter((r) => num(r.whole) === 1 || r.team_id !== null)
    .map((r) => ({
      municipalityCode: String(r.municipality_code),
      teamId: num(r.whole) === 1 ? null : String(r.team_id),
      patients: num(r.patients),
      kolada: { median: num(r.k_median), p90: num(r.k_p90) },
      allHours: { median: num(r.a_median), p90: num(r.a_p90) },
    }));
  // A municipality without any patient who counts still has its line (zeros, 0 patients).
  for (const m of s.municipalities) {
    if (!out.some((r) => r.municipalityCode === m && r.teamId === null))
      out.push({
        municipalityCode: m,
        teamId: null,
        patients: 0,
        kolada: { median: 0, p90: 0 },
        allHours: { median: 0, p90: 0 },
      });
  }
  return out;
}

/** Each patient who counts, with their caregiver counts: patient data (the route audits it). */
export async function continuityPatients(db: Db, s: BoardScope): Promise<PatientContinuityRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with ${perPatient(s)}
      select patient_id::text, municipality_code, team_id::text, kolada, all_hours
      from scoped order by kolada desc, all_hours desc, patient_id`),
  );
  return rows.map((r) => ({
    patientId: String(r.patient_id),
    municipalityCode: String(r.municipality_code),
    teamId: r.team_id === null ? null : String(r.team_id),
    kolada: num(r.kolada),
    allHours: num(r.all_hours),
  }));
}
