/**
 * What a live update costs with the board's rollups (issue 19): a status change through
 * updateVisitStatus (its transaction: the visit, visit_actuals, the event) with the rollup
 * triggers on and off, the recompute of the (municipality, day) it marked, and a board read
 * right after an event. Visits of `day` are added for it (assigned, then reported en route,
 * started and done); the day is recomputed at the end so the rollups stay whole.
 */
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { refreshRollups } from '../../server/board/rollups/refresh-rollups.ts';
import { SYSTEM } from '../../server/commands/run-command.ts';
import { updateVisitStatus } from '../../server/visits/visit-status.ts';

const TRIGGERS: [string, string[]][] = [
  ['visits', ['board_dirty_visits_ins', 'board_dirty_visits_upd', 'board_dirty_visits_del']],
  [
    'visit_actuals',
    ['board_dirty_actuals_ins', 'board_dirty_actuals_upd', 'board_dirty_actuals_del'],
  ],
];

async function triggers(db: Db, on: boolean): Promise<void> {
  for (const [table, names] of TRIGGERS)
    for (const name of names)
      await db.execute(
        sql.raw(`alter table ${table} ${on ? 'enable' : 'disable'} trigger ${name}`),
      );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function eventCost(
  db: Db,
  day: string,
  readBoard: () => Promise<unknown>,
  readTrends: () => Promise<unknown>,
  visitsN = 60,
): Promise<{ lines: string[] }> {
  const first = (() => {
    const d = new Date(`${day}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 13);
    return d.toISOString().slice(0, 10);
  })();
  const ids = rowsOf<{ id: string }>(
    await db.execute(sql`
      with p as (select id, contact_staff_id from patients
        where municipality_code = '0180' order by id limit ${visitsN * 2}),
      v as (
        insert into visits (municipality_code, patient_id, window_start, window_end,
          duration_minutes, task_types, required_profession, status, created_at)
        select '0180', p.id,
          ((${day}::date + time '10:00') at time zone 'Europe/Stockholm'),
          ((${day}::date + time '11:00') at time zone 'Europe/Stockholm'),
          30, '{personal_care}', 'an', 'assigned', now()
        from p returning id, patient_id),
      a as (
        insert into assignments (visit_id, staff_id, planned_start, route_order)
        select v.id, p.contact_staff_id,
          ((${day}::date + time '10:00') at time zone 'Europe/Stockholm'), 9
        from v join p on p.id = v.patient_id returning visit_id)
      select visit_id::text as id from a order by visit_id`),
  ).map((r) => r.id);
  await refreshRollups(db, ['0180'], first, day);
  const version = new Map(ids.map((id) => [id, 1]));
  let clock = new Date(`${day}T10:00:00Z`);
  const deps = { db, now: () => clock };
  const step = async (id: string, status: 'en_route' | 'in_progress' | 'done') => {
    clock = new Date(clock.getTime() + 1000);
    const t = performance.now();
    const v = await updateVisitStatus(deps, SYSTEM, {
      visitId: id,
      status,
      expectedVersion: version.get(id)!,
    });
    version.set(id, v.version);
    return performance.now() - t;
  };
  // Status changes in blocks of ten, the triggers alternately off and on (the load drifts).
  const timed = ids.slice(0, visitsN);
  const off: number[] = [];
  const on: number[] = [];
  for (const status of ['en_route', 'in_progress', 'done'] as const) {
    for (let b = 0; b < timed.length; b += 10) {
      const withTriggers = (b / 10) % 2 === 1;
      await triggers(db, withTriggers);
      for (const id of timed.slice(b, b + 10))
        (withTriggers ? on : off).push(await step(id, status));
    }
  }
  await triggers(db, true);
  // The changes made without the triggers were not marked: mark the day, recompute it.
  await db.execute(sql`insert into board_dirty_days (municipality_code, day)
    values ('0180', ${day}::date) on conflict do nothing`);
  await refreshRollups(db, ['0180'], first, day);
  // One event, then the recompute of its day; one event, then a board read.
  const rest = ids.slice(visitsN);
  const recompute: number[] = [];
  const read: number[] = [];
  const quiet: number[] = [];
  const trendRead: number[] = [];
  const trendQuiet: number[] = [];
  const timed2 = async (f: () => Promise<unknown>, into: number[]) => {
    const t = performance.now();
    await f();
    into.push(performance.now() - t);
  };
  for (const [i, id] of rest.entries()) {
    await step(id, 'en_route');
    if (i % 3 === 0) {
      const t = performance.now();
      const days = await refreshRollups(db, ['0180'], first, day);
      recompute.push(performance.now() - t);
      if (days !== 1) throw new Error(`one event marked ${days} days`);
    } else if (i % 3 === 1) {
      await timed2(readBoard, read);
      await timed2(readBoard, quiet);
    } else {
      await timed2(readTrends, trendRead);
      await timed2(readTrends, trendQuiet);
    }
  }
  const ms = (x: number) => x.toFixed(1);
  return {
    lines: [
      `status change (updateVisitStatus: visit, visit_actuals, event in one transaction) without the rollup triggers: ${ms(median(off))} ms, with them: ${ms(median(on))} ms (median of ${off.length} and ${on.length}): the marking costs an event ${ms(median(on) - median(off))} ms`,
      `recompute of the one (municipality, day) an event marks, at the next read: ${ms(median(recompute))} ms (median of ${recompute.length}; paid once per read, however many events came in between)`,
      `all tiles over 28 days read right after an event: ${ms(median(read))} ms, with nothing to recompute: ${ms(median(quiet))} ms (median of ${read.length})`,
      `trends over 28 days read right after an event (the day recomputed, the continuity figures of the 14 days it touches swept again): ${ms(median(trendRead))} ms, with nothing to recompute: ${ms(median(trendQuiet))} ms (median of ${trendRead.length})`,
    ],
  };
}
