import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { KOLADA } from '../../domain/kolada-continuity.ts';
import { localDayBounds } from '../../domain/stockholm-time.ts';
import { haversine } from '../economics.ts';
import { RESPONSE_TARGET_MINUTES } from '../response-targets.ts';

/** The team key of a municipality's whole rows (every visit and shift, with a team or not). */
export const WHOLE = '00000000-0000-0000-0000-000000000000';

const day = (col: SQL) => sql`(${col} at time zone 'Europe/Stockholm')::date`;
const daytime = (col: SQL) =>
  sql`((${col} at time zone 'Europe/Stockholm')::time >= make_time(${sql.raw(String(KOLADA.fromHour))}, 0, 0)
    and (${col} at time zone 'Europe/Stockholm')::time < make_time(${sql.raw(String(KOLADA.toHour))}, 0, 0))`;

/**
 * Recomputes every rollup row of one municipality for the local days `from`…`to` (inclusive)
 * from the base tables: deletes them, then four set-based statements (the visits by window
 * start day, the urgent calls by registration day, the shifts by start day, the travel legs
 * by planned start day). Each reproduces, row by row, what the plain figure's SQL counts, so
 * a period's sum equals it (server/board/rollups/README.md).
 */
export async function computeRollups(db: Db, m: string, from: string, to: string): Promise<void> {
  const start = sql`${localDayBounds(from).start.toISOString()}::timestamptz`;
  const end = sql`${localDayBounds(to).end.toISOString()}::timestamptz`;
  const whole = sql`${WHOLE}::uuid`;
  for (const table of [
    'board_day_rollups',
    'board_day_sums',
    'board_minute_values',
    'board_patient_days',
    'board_patient_staff_days',
  ])
    await db.execute(sql`delete from ${sql.identifier(table)}
      where municipality_code = ${m} and day between ${from}::date and ${to}::date`);

  // Visits by window start day: outcomes, punctuality, contact share, planned against actual,
  // economics' visits and reported travel, and continuity's patient-days.
  await db.execute(sql`
    with vis as materialized (
      select v.id, v.patient_id, v.status, v.staff_count, v.window_start, v.window_end,
        v.duration_minutes, v.source, p.care_setting, p.contact_staff_id,
        ${day(sql`v.window_start`)} as d,
        va.visit_id is not null as has_actual, va.en_route_at, va.started_at, va.finished_at,
        ag.assigned, coalesce(ag.by_contact, false) as by_contact, ag.planned_travel_s
      from visits v
      join patients p on p.id = v.patient_id
      -- Laterals: index lookups per visit of the day, never a scan of every report.
      left join lateral (
        select * from visit_actuals x where x.visit_id = v.id limit 1) va on true
      cross join lateral (
        select count(*) as assigned, bool_or(a.staff_id = p.contact_staff_id) as by_contact,
          -- The leg planned for the caregiver who reported the visit (as planned-actual.ts).
          max(a.planned_travel_seconds) filter (where a.staff_id = va.staff_id) as planned_travel_s
        from assignments a where a.visit_id = v.id) ag
      where v.municipality_code = ${m} and v.window_start >= ${start} and v.window_start < ${end}),
    keyed as materialized (
      select x.*,
        extract(epoch from x.started_at - x.window_end) / 60 as late,
        extract(epoch from x.finished_at - x.started_at) / 60 as actual,
        extract(epoch from x.started_at - x.en_route_at) / 60 as travel,
        x.started_at is not null and x.finished_at is not null as pa
      from (
        select vis.*, ${whole} as team_key from vis
        union all
        select vis.*, t.team_id from vis join lateral (
          select distinct st.team_id from assignments a join staff st on st.id = a.staff_id
          where a.visit_id = vis.id and st.team_id is not null) t on true) x),
    counts as (
      insert into board_day_rollups (municipality_code, day, team_key, visits, done, unplaced,
        no_access, cancelled, two_done, two_together, patient_days_done, started, early, on_time,
        late15, late30, late60, late_over, contact_visits, contact_by, pa_visits,
        pa_planned_minutes, pa_actual_minutes, pa_travel_visits, pa_travel_minutes,
        pa_planned_travel_visits, pa_planned_travel_seconds, actual_rows, reported_travel_seconds)
      select ${m}, d, team_key,
        count(*),
        count(*) filter (where status = 'done'),
        count(*) filter (where status = 'unassigned'),
        count(*) filter (where status = 'no_access'),
        count(*) filter (where status = 'cancelled'),
        count(*) filter (where status = 'done' and staff_count = 2),
        count(*) filter (where status = 'done' and staff_count = 2 and assigned = 2),
        count(distinct patient_id) filter (where status = 'done'),
        count(*) filter (where started_at is not null),
        count(*) filter (where started_at < window_start),
        count(*) filter (where started_at >= window_start and started_at <= window_end),
        count(*) filter (where late > 0 and late <= 15),
        count(*) filter (where late > 15 and late <= 30),
        count(*) filter (where late > 30 and late <= 60),
        count(*) filter (where late > 60),
        count(*) filter (where status = 'done' and contact_staff_id is not null),
        count(*) filter (where status = 'done' and contact_staff_id is not null and by_contact),
        count(*) filter (where pa),
        coalesce(sum(duration_minutes) filter (where pa), 0),
        coalesce(sum(actual) filter (where pa), 0),
        count(travel) filter (where pa),
        coalesce(sum(travel) filter (where pa), 0),
        count(planned_travel_s) filter (where pa),
        coalesce(sum(planned_travel_s) filter (where pa), 0),
        count(*) filter (where has_actual),
        coalesce(sum(extract(epoch from started_at - en_route_at)) filter (where has_actual), 0)
      from keyed group by d, team_key),
    kinds as (
      insert into board_day_sums (municipality_code, day, team_key, key, value)
      select ${m}, d, team_key, k, count(*) from (
        select d, team_key, 'source:' || source::text as k from keyed where status = 'done'
        union all
        select d, team_key, 'setting:' || care_setting::text from keyed where status = 'done') y
      group by d, team_key, k),
    minutes as (
      insert into board_minute_values (municipality_code, day, team_key, metric, minute, count, values)
      select ${m}, d, team_key, metric, floor(val)::int, count(*), array_agg(val) from (
        select d, team_key, 'actual' as metric, actual::float8 as val from keyed where pa
        union all
        select d, team_key, 'overrun', (actual - duration_minutes)::float8 from keyed where pa
        union all
        select d, team_key, 'travel', travel::float8 from keyed where pa and travel is not null
        union all
        select d, team_key, 'travel_over', (travel - planned_travel_s / 60.0)::float8 from keyed
        where pa and travel is not null and planned_travel_s is not null) y
      group by d, team_key, metric, floor(val)::int),
    patient_days as (
      insert into board_patient_days (municipality_code, day, patient_id, due_daytime)
      select ${m}, d, patient_id, count(*) filter (where ${daytime(sql`window_start`)})
      from vis group by d, patient_id
      having count(*) filter (where ${daytime(sql`window_start`)}) > 0)
    insert into board_patient_staff_days (municipality_code, day, patient_id, staff_id, daytime, visits)
    select ${m}, vis.d, vis.patient_id, a.staff_id,
      bool_or(${daytime(sql`coalesce(vis.started_at, a.planned_start)`)}), count(*)
    from vis
    join lateral (select * from assignments x where x.visit_id = vis.id offset 0) a on true
    where vis.status in ('done', 'in_progress')
    group by vis.d, vis.patient_id, a.staff_id`);

  // Urgent calls by registration day.
  const minutes = sql`extract(epoch from va.started_at - v.created_at) / 60`;
  await db.execute(sql`
    with u as materialized (
      select v.id, v.priority::text as priority, ${day(sql`v.created_at`)} as d,
        ${minutes} as minutes, va.started_at,
        ${minutes} <= (case v.priority when 'urgent1' then ${RESPONSE_TARGET_MINUTES.urgent1}::float8
          else ${RESPONSE_TARGET_MINUTES.urgent2}::float8 end) as within
      from visits v left join visit_actuals va on va.visit_id = v.id
      where v.municipality_code = ${m} and v.priority in ('urgent1', 'urgent2')
        and v.created_at >= ${start} and v.created_at < ${end}),
    keyed as materialized (
      select u.*, ${whole} as team_key from u
      union all
      select u.*, t.team_id from u join lateral (
        select distinct st.team_id from assignments a join staff st on st.id = a.staff_id
        where a.visit_id = u.id and st.team_id is not null) t on true),
    counts as (
      insert into board_day_rollups (municipality_code, day, team_key,
        urgent1_registered, urgent1_reached, urgent1_within_target,
        urgent2_registered, urgent2_reached, urgent2_within_target)
      select ${m}, d, team_key,
        count(*) filter (where priority = 'urgent1'),
        count(started_at) filter (where priority = 'urgent1'),
        count(*) filter (where priority = 'urgent1' and within),
        count(*) filter (where priority = 'urgent2'),
        count(started_at) filter (where priority = 'urgent2'),
        count(*) filter (where priority = 'urgent2' and within)
      from keyed group by d, team_key
      on conflict (municipality_code, team_key, day) do update set
        urgent1_registered = excluded.urgent1_registered,
        urgent1_reached = excluded.urgent1_reached,
        urgent1_within_target = excluded.urgent1_within_target,
        urgent2_registered = excluded.urgent2_registered,
        urgent2_reached = excluded.urgent2_reached,
        urgent2_within_target = excluded.urgent2_within_target)
    insert into board_minute_values (municipality_code, day, team_key, metric, minute, count, values)
    select ${m}, d, team_key, priority, floor(minutes::float8)::int, count(*),
      array_agg(minutes::float8)
    from keyed where started_at is not null
    group by d, team_key, priority, floor(minutes::float8)::int`);

  // Shifts by start day: working time and staff hours by profession.
  await db.execute(sql`
    with per_shift as materialized (
      select ${day(sql`sh.starts_at`)} as d, st.team_id, st.profession::text as profession,
        extract(epoch from sh.ends_at - sh.starts_at) as shift_s,
        coalesce(sum(extract(epoch from va.finished_at - va.started_at)), 0) as visit_s,
        coalesce(sum(extract(epoch from va.started_at - va.en_route_at)), 0) as travel_s,
        greatest(0, extract(epoch from max(va.finished_at) - sh.ends_at)) as over_s
      from shifts sh
      join staff st on st.id = sh.staff_id
      left join assignments a on a.staff_id = sh.staff_id
        and a.planned_start >= sh.starts_at and a.planned_start < sh.ends_at
      left join lateral (
        select * from visit_actuals x where x.visit_id = a.visit_id limit 1) va on true
      where sh.municipality_code = ${m} and sh.starts_at >= ${start} and sh.starts_at < ${end}
      group by sh.id, st.team_id, st.profession, sh.starts_at, sh.ends_at),
    keyed as materialized (
      select per_shift.*, ${whole} as team_key from per_shift
      union all
      select per_shift.*, team_id from per_shift where team_id is not null),
    counts as (
      insert into board_day_rollups (municipality_code, day, team_key, shifts, shift_seconds,
        visit_seconds, travel_seconds, overtime_seconds, shifts_overrun)
      select ${m}, d, team_key, count(*), sum(shift_s), sum(visit_s), sum(travel_s),
        sum(coalesce(over_s, 0)), count(*) filter (where over_s > 0)
      from keyed group by d, team_key
      on conflict (municipality_code, team_key, day) do update set
        shifts = excluded.shifts,
        shift_seconds = excluded.shift_seconds,
        visit_seconds = excluded.visit_seconds,
        travel_seconds = excluded.travel_seconds,
        overtime_seconds = excluded.overtime_seconds,
        shifts_overrun = excluded.shifts_overrun)
    insert into board_day_sums (municipality_code, day, team_key, key, value)
    select ${m}, d, team_key, 'hours:' || profession, sum(shift_s)
    from keyed group by d, team_key, profession`);

  // Road legs between each caregiver's consecutive visits done, by planned start day.
  await db.execute(sql`
    with legs as (
      select st.team_id, ${day(sql`a.planned_start`)} as d, p.lat, p.lon,
        lag(p.lat) over w as plat, lag(p.lon) over w as plon
      from assignments a
      join visits v on v.id = a.visit_id
      join patients p on p.id = v.patient_id
      join staff st on st.id = a.staff_id
      where v.municipality_code = ${m} and a.planned_start >= ${start}
        and a.planned_start < ${end} and v.status = 'done'
      window w as (partition by a.staff_id, ${day(sql`a.planned_start`)}
        order by a.planned_start, a.route_order)),
    metres as (
      select team_id, d, ${haversine(sql`plat`, sql`plon`, sql`lat`, sql`lon`)} as x
      from legs where plat is not null),
    keyed as (
      select d, ${whole} as team_key, x from metres
      union all
      select d, team_id, x from metres where team_id is not null)
    insert into board_day_rollups (municipality_code, day, team_key, legs, leg_metres)
    select ${m}, d, team_key, count(*), sum(x) from keyed group by d, team_key
    on conflict (municipality_code, team_key, day) do update set
      legs = excluded.legs, leg_metres = excluded.leg_metres`);
}
