import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../../db/client.ts';
import { KOLADA } from '../../domain/kolada-continuity.ts';
import { type BoardScope, inList, num, numOrNull } from '../board-scope.ts';
import { parsePeriod } from '../period.ts';
import {
  type ContinuitySummary,
  type PatientContinuityRow,
  continuityWindow,
} from '../continuity.ts';
import type { ContinuityDay } from '../continuity-trend.ts';

/*
 * Continuity from the per patient-day rollups: who counts is a patient with ≥ 2 visits due
 * 07–22 (summed over the scope's municipalities) on each of the 14 days, who was met is the
 * union of the caregivers of those days' rows, and a patient's team is their contact
 * caregiver's, else the team whose caregivers met them at the most visits (ties: the least
 * team id, as mode() picks). The same rules, and results, as ../continuity.ts and
 * ../continuity-trend.ts over the visits. Call refreshRollups first.
 */

function perPatient(s: BoardScope): SQL {
  const w = continuityWindow(s.period.to);
  const days = sql`between ${w.first}::date and ${s.period.to}::date`;
  return sql`
    due as materialized (
      select patient_id, day from board_patient_days
      where ${inList(sql`municipality_code`, s.municipalities)} and day ${days}
      group by 1, 2 having sum(due_daytime) >= ${KOLADA.minVisitsPerDay}),
    eligible as materialized (
      select patient_id from due group by 1 having count(*) = ${KOLADA.days}),
    met as materialized (
      select psd.patient_id, psd.staff_id, st.team_id, psd.daytime, psd.visits
      from board_patient_staff_days psd
      join eligible e on e.patient_id = psd.patient_id
      join staff st on st.id = psd.staff_id
      where psd.day ${days}),
    met_agg as (
      select patient_id,
        count(distinct staff_id) filter (where daytime)::int as kolada,
        count(distinct staff_id)::int as all_hours
      from met group by 1),
    met_team as (
      select distinct on (patient_id) patient_id, team_id from (
        select patient_id, team_id, sum(visits) as n from met
        where team_id is not null group by 1, 2) t
      order by patient_id, n desc, team_id),
    per_patient as (
      select p.id as patient_id, p.municipality_code,
        coalesce(cs.team_id, mt.team_id) as team_id,
        coalesce(ma.kolada, 0) as kolada, coalesce(ma.all_hours, 0) as all_hours
      from eligible e
      join patients p on p.id = e.patient_id
      left join staff cs on cs.id = p.contact_staff_id
      left join met_agg ma on ma.patient_id = p.id
      left join met_team mt on mt.patient_id = p.id),
    scoped as (
      select * from per_patient
      where ${s.teamId ? sql`team_id = ${s.teamId}::uuid` : sql`true`})`;
}

export async function continuitySummaryFromRollups(
  db: Db,
  s: BoardScope,
): Promise<ContinuitySummary[]> {
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

export async function continuityPatientsFromRollups(
  db: Db,
  s: BoardScope,
): Promise<PatientContinuityRow[]> {
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

/**
 * The 14-day Kolada figure ending on each day of the period. A municipality's days are kept
 * in board_continuity_days once computed (the refresh drops those a recomputed day touches),
 * so after an event only the days since it are swept again; a team's are swept each time.
 */
export async function continuityTrendFromRollups(db: Db, s: BoardScope): Promise<ContinuityDay[]> {
  if (s.teamId || s.municipalities.length !== 1) return sweep(db, s);
  const [m] = s.municipalities;
  const read = async (d: Db) =>
    rowsOf<Record<string, unknown>>(
      await d.execute(sql`select day::text as day, patients, kolada_median
        from board_continuity_days
        where municipality_code = ${m} and day between ${s.period.from}::date and ${s.period.to}::date`),
    );
  let rows = await read(db);
  if (rows.length < s.period.days) {
    await db.transaction(async (tx) => {
      // The refresh's lock: no day of the rollups changes while the missing ones are swept.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`board_rollups:${m}`}))`);
      const have = new Set((await read(tx as unknown as Db)).map((r) => String(r.day)));
      const missing = daysOf(s.period.from, s.period.to).filter((d) => !have.has(d));
      if (missing.length === 0) return;
      const sub = parsePeriod({ from: missing[0], to: missing.at(-1)! }, s.period.to);
      const swept = await sweep(tx as unknown as Db, { ...s, period: sub });
      const values = sql.join(
        swept.map(
          (d) => sql`(${m}, ${d.day}::date, ${d.patients}::int, ${d.koladaMedian}::float8)`,
        ),
        sql`, `,
      );
      await tx.execute(sql`insert into board_continuity_days
        (municipality_code, day, patients, kolada_median) values ${values}
        on conflict do nothing`);
    });
    rows = await read(db);
  }
  const byDay = new Map(rows.map((r) => [String(r.day), r]));
  return daysOf(s.period.from, s.period.to).map((day) => {
    const r = byDay.get(day)!;
    return { day, patients: num(r.patients), koladaMedian: numOrNull(r.kolada_median) };
  });
}

const daysOf = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
};

/**
 * continuity-trend.ts's sweep (a caregiver met on day m counts for the windows ending
 * m … m + 13) over the rollup rows.
 */
async function sweep(db: Db, s: BoardScope): Promise<ContinuityDay[]> {
  const first = continuityWindow(s.period.from).first;
  const days = sql`between ${first}::date and ${s.period.to}::date`;
  const muns = inList(sql`municipality_code`, s.municipalities);
  const last = sql.raw(String(KOLADA.days - 1));
  const span14 = sql.raw(String(KOLADA.days));
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with
      due as materialized (
        select patient_id, day as d from board_patient_days where ${muns} and day ${days}
        group by 1, 2 having sum(due_daytime) >= ${KOLADA.minVisitsPerDay}),
      eligible as materialized (
        select patient_id, d from (
          select patient_id, d, lag(d, ${last}) over (partition by patient_id order by d) as back
          from due) x
        where back = d - ${last} and d >= ${s.period.from}::date),
      met as materialized (
        select psd.patient_id, psd.staff_id, st.team_id, psd.day as m, psd.daytime, psd.visits
        from board_patient_staff_days psd join staff st on st.id = psd.staff_id
        where ${inList(sql`psd.municipality_code`, s.municipalities)} and psd.day ${days}
          and psd.patient_id in (select patient_id from eligible)),
      met_days as (
        select distinct patient_id, staff_id, m from met where daytime),
      marked as (
        select patient_id, staff_id, m,
          case when m - lag(m) over w > ${span14} then 1 else 0 end as gap
        from met_days window w as (partition by patient_id, staff_id order by m)),
      islands as (
        select patient_id, staff_id, min(m) as lo, max(m) + ${last} as hi from (
          select *, sum(gap) over (partition by patient_id, staff_id order by m) as island
          from marked) y
        group by patient_id, staff_id, island),
      met_team as (
        select distinct on (patient_id) patient_id, team_id from (
          select patient_id, team_id, sum(visits) as n from met
          where team_id is not null group by 1, 2) t
        order by patient_id, n desc, team_id),
      team_of as (
        select p.id as patient_id, coalesce(cs.team_id, mt.team_id) as team_id
        from patients p
        left join staff cs on cs.id = p.contact_staff_id
        left join met_team mt on mt.patient_id = p.id
        where p.id in (select patient_id from eligible)),
      steps as (
        select patient_id, d, sum(delta)::int as delta, bool_or(counts) as counts from (
          select patient_id, lo as d, 1 as delta, false as counts from islands
          union all select patient_id, hi + 1, -1, false from islands
          union all select patient_id, d, 0, true from eligible) u
        group by patient_id, d),
      per_window as (
        select c.d, c.n from (
          select patient_id, d, counts,
            sum(delta) over (partition by patient_id order by d) as n
          from steps) c
        where c.counts and ${
          // Every patient has a line in team_of; only a team's board needs it.
          s.teamId
            ? sql`c.patient_id in (select patient_id from team_of where team_id = ${s.teamId}::uuid)`
            : sql`true`
        })
      select d::text as day, count(*)::int as patients,
        percentile_cont(0.5) within group (order by n)::float8 as median
      from per_window group by d`),
  );
  const byDay = new Map(rows.map((r) => [String(r.day), r]));
  const out: ContinuityDay[] = [];
  for (let d = s.period.from; d <= s.period.to; d = nextDay(d)) {
    const r = byDay.get(d);
    out.push({ day: d, patients: r ? num(r.patients) : 0, koladaMedian: r ? num(r.median) : null });
  }
  return out;
}

const nextDay = (d: string) => {
  const x = new Date(`${d}T12:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
};
