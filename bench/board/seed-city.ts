/**
 * Stockholm-city-sized history for the board benchmark, generated in SQL (generate_series):
 * 11 teams of 40 caregivers, `patients` patients (half with two visits a day, half with one:
 * 1.5 a patient-day), `days` days ending on `lastDay`, every visit assigned to one of its
 * team's caregivers by a hash (so continuity comes out at a realistic 10–20), reported times
 * scattered around the window (15 minutes' travel against 7–17 planned), 2 % no access and 1 % cancelled, 50 urgent calls a day, a
 * 07–16 shift per caregiver and day, and 500 delegations. Deterministic: no random().
 * Then the board's rollups of every day (backfillRollups), timed apart.
 */
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { backfillRollups } from '../../server/board/rollups/refresh-rollups.ts';

export interface CitySize {
  patients: number;
  days: number;
  lastDay: string;
}

const TEAMS = 11;
const PER_TEAM = 40;
const uuid = (prefix: string, n: string) =>
  `('${prefix}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

export async function seedCity(
  db: Db,
  size: CitySize,
): Promise<{ visits: number; rollupSeconds: number; rollupDays: number }> {
  const staffN = TEAMS * PER_TEAM;
  const first = `('${size.lastDay}'::date - ${size.days - 1})`;
  const run = (q: string) => db.execute(sql.raw(q));
  await run(`insert into municipalities (code, name, lat, lon, population, area_km2)
    values ('0180', 'Stockholm', 59.3326, 18.0649, 984748, 187.16) on conflict do nothing`);
  await run(`insert into bases (id, municipality_code, name, address, lat, lon)
    values (${uuid('b0000000', '1')}, '0180', 'Bas', 'Basgatan 1', 59.33, 18.06)`);
  await run(`insert into teams (id, municipality_code, base_id, name)
    select ${uuid('70000000', 't')}, '0180', ${uuid('b0000000', '1')}, 'Team ' || t
    from generate_series(0, ${TEAMS - 1}) t`);
  await run(`insert into staff (id, hsa_id, name, profession, municipality_code, team_id, travel_mode)
    select ${uuid('50000000', 's')}, 'SE2120001234-B' || s, 'Staff ' || s,
      (case when s % 4 = 0 then 'rn' else 'an' end)::profession, '0180',
      ${uuid('70000000', `(s % ${TEAMS})`)}, 'car'
    from generate_series(0, ${staffN - 1}) s`);
  await run(`insert into patients (id, municipality_code, name, address, lat, lon, contact_staff_id, care_setting)
    select ${uuid('90000000', 'p')}, '0180', 'Patient ' || p, 'Gatan ' || p,
      59.28 + (p % 97) * 0.001, 17.95 + (p % 89) * 0.002,
      ${uuid('50000000', `((p % ${TEAMS}) + ${TEAMS} * (p % ${PER_TEAM}))`)},
      (case when p % 50 = 0 then 'hvb_home' when p % 77 = 0 then 'asylum_housing' else 'ordinary_home' end)::care_setting
    from generate_series(0, ${size.patients - 1}) p`);
  // Visit n = (day, patient, slot); slot 1 only for even patients.
  await run(`create temp table gen as
    select row_number() over () as n, d, p, slot,
      ((${first} + d) + make_time(case when slot = 0 then 8 + p % 3 else 17 + p % 3 end, (p * 7) % 60, 0))
        at time zone 'Europe/Stockholm' as ws,
      abs(hashtext(d || ':' || p || ':' || slot)) as h
    from generate_series(0, ${size.days - 1}) d, generate_series(0, ${size.patients - 1}) p,
      generate_series(0, 1) slot
    where slot = 0 or p % 2 = 0`);
  await run(`insert into visits (id, municipality_code, patient_id, window_start, window_end,
      duration_minutes, task_types, required_profession, status, created_at)
    select ${uuid('a0000000', 'n')}, '0180', ${uuid('90000000', 'p')}, ws, ws + interval '1 hour',
      30, '{personal_care}', 'an',
      (case when h % 100 < 2 then 'no_access' when h % 100 < 3 then 'cancelled' else 'done' end)::visit_status,
      ws - interval '7 days'
    from gen`);
  // Its caregiver: one of the patient's team's 40, mostly the same few (h % 8 of a rotating 12).
  // Planned travel 7–17 minutes (the reported one below is 15: plans under-estimate a little).
  await run(`insert into assignments (visit_id, staff_id, planned_start, route_order, planned_travel_seconds)
    select ${uuid('a0000000', 'n')},
      ${uuid('50000000', `((p % ${TEAMS}) + ${TEAMS} * ((p + (h % 12) * (1 + d / 30)) % ${PER_TEAM}))`)},
      ws, slot, 420 + (h % 11) * 60
    from gen`);
  await run(`insert into visit_actuals (visit_id, municipality_code, staff_id, en_route_at,
      started_at, finished_at, outcome)
    select ${uuid('a0000000', 'n')}, '0180',
      ${uuid('50000000', `((p % ${TEAMS}) + ${TEAMS} * ((p + (h % 12) * (1 + d / 30)) % ${PER_TEAM}))`)},
      ws + ((h % 90) - 25) * interval '1 minute',
      ws + ((h % 90) - 10) * interval '1 minute',
      ws + ((h % 90) + 18 + h % 20) * interval '1 minute',
      (case when h % 100 < 2 then 'no_access' when h % 100 < 3 then 'cancelled' else 'done' end)::visit_status
    from gen`);
  // 50 urgent calls a day, registered at their window start, reached 20–140 minutes later.
  await run(`insert into visits (id, municipality_code, patient_id, window_start, window_end,
      duration_minutes, task_types, required_profession, status, priority, source, created_at)
    select ${uuid('c0000000', `(d * 50 + u)`)}, '0180', ${uuid('90000000', `((d * 131 + u * 37) % ${size.patients})`)},
      ts, ts + interval '1 hour', 30, '{nursing_assessment}', 'rn', 'done',
      (case when u % 3 = 0 then 'urgent1' else 'urgent2' end)::visit_priority, 'urgent_call', ts
    from (select d, u, ((${first} + d) + make_time(u % 24, (u * 13) % 60, 0))
      at time zone 'Europe/Stockholm' as ts
      from generate_series(0, ${size.days - 1}) d, generate_series(0, 49) u) x`);
  await run(`insert into visit_actuals (visit_id, municipality_code, started_at, finished_at, outcome)
    select v.id, '0180', v.created_at + (20 + abs(hashtext(v.id::text)) % 120) * interval '1 minute',
      v.created_at + (50 + abs(hashtext(v.id::text)) % 120) * interval '1 minute', 'done'
    from visits v where v.source = 'urgent_call'`);
  await run(`insert into shifts (staff_id, municipality_code, kind, starts_at, ends_at)
    select ${uuid('50000000', 's')}, '0180', 'day',
      ((${first} + d) + time '07:00') at time zone 'Europe/Stockholm',
      ((${first} + d) + time '16:00') at time zone 'Europe/Stockholm'
    from generate_series(0, ${staffN - 1}) s, generate_series(0, ${size.days - 1}) d`);
  await run(`insert into delegations (staff_id, task_type, delegated_by, valid_from, valid_to)
    select ${uuid('50000000', `(k * 4 + 1)`)}, 'insulin_pen', ${uuid('50000000', `(k * 4)`)},
      '${size.lastDay}'::date - 300, '${size.lastDay}'::date + (k % 60)
    from generate_series(0, 99) k`);
  await run('analyze');
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from visits`),
  );
  const t = Date.now();
  const rollupDays = await backfillRollups(db);
  await run('analyze');
  return { visits: n, rollupSeconds: (Date.now() - t) / 1000, rollupDays };
}
