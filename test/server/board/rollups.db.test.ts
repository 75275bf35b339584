import { eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../../db/client.ts';
import {
  assignments,
  patients,
  shifts,
  staff,
  visitActuals,
  visits,
} from '../../../db/schema/index.ts';
import { boardFigures } from '../../../server/board/board-figures.ts';
import type { BoardScope } from '../../../server/board/board-scope.ts';
import { countyComparison } from '../../../server/board/county.ts';
import type { Economics } from '../../../server/board/economics.ts';
import { type FigureQueries, PLAIN, ROLLUPS } from '../../../server/board/figure-queries.ts';
import { parsePeriod } from '../../../server/board/period.ts';
import { trends } from '../../../server/board/trends.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { B, addPatient, insertBoardWorld } from './support/board-world.ts';

/**
 * The rollup-backed figures equal the plain SQL, figure by figure, on a varied fixture:
 * 19 days around the end of summer time (2026-10-25, a 25-hour day), two teams, two
 * municipalities, every outcome, two-person visits done together and not,
 * urgent calls registered the evening before, reports with odd seconds and milliseconds,
 * a night shift over the clock change; then again after changes to past days (a late
 * report, a cancellation, a new contact caregiver, a caregiver changing team, an assignment
 * removed, a visit deleted) that the triggers must mark for the rollups to follow.
 */
const FIRST = '2026-10-18';
const DAYS = 19;
const LAST = '2026-11-05';
const local = (day: string, minutes: number) =>
  DateTime.fromISO(day, { zone: 'Europe/Stockholm' }).startOf('day').plus({ minutes }).toJSDate();
const dayN = (i: number) => DateTime.fromISO(FIRST).plus({ days: i }).toISODate()!;

/** A deterministic generator (LCG): the same fixture on every run. */
function rng(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

const ANY_STAFF = [B.rn, B.an, B.an2, B.rnNight, B.rnNorr];

async function buildWorld(db: Db): Promise<Record<string, string>> {
  await insertBoardWorld(db);
  const pts = {
    p: await addPatient(db, 'P', B.an),
    q: await addPatient(db, 'Q'),
    r: await addPatient(db, 'R', B.rnNorr, '0180', 'hvb_home'),
    t: await addPatient(db, 'T', B.an2, '0180', 'asylum_housing'),
    solna: await addPatient(db, 'S', null, '0184'),
  };
  await db.update(patients).set({ lat: 59.35, lon: 18.1 }).where(eq(patients.id, pts.r));
  const rand = rng(19);
  const staffPool = ANY_STAFF;
  let urgentCalls = 0;
  const statuses = ['done', 'done', 'done', 'done', 'no_access', 'cancelled', 'in_progress'];
  for (let i = 0; i < DAYS; i++) {
    const d = dayN(i);
    for (const [name, patientId] of Object.entries(pts)) {
      const muni = name === 'solna' ? '0184' : '0180';
      // P, R and T: three or more visits 07–22 (they count for continuity); Q fewer.
      const slots =
        name === 'q' ? [8 * 60 + 15, 23 * 60 + 30] : [8 * 60, 12 * 60 + 30, 18 * 60, 2 * 60 + 30];
      for (const [k, slot] of slots.entries()) {
        const start = local(d, slot + rand(40));
        const id = crypto.randomUUID();
        const roll = rand(20);
        const twoPerson = roll === 3 || roll === 4;
        const unplaced = roll === 5;
        const status = unplaced ? 'unassigned' : statuses[rand(statuses.length)];
        const urgent = k === 1 && rand(5) === 0;
        await db.insert(visits).values({
          id,
          municipalityCode: muni,
          patientId,
          windowStart: start,
          windowEnd: new Date(start.getTime() + (30 + rand(60)) * 60_000),
          durationMinutes: 15 + 5 * rand(10),
          taskTypes: ['personal_care'],
          requiredProfession: 'an',
          staffCount: twoPerson ? 2 : 1,
          priority: urgent ? (urgentCalls++ % 2 ? 'urgent1' : 'urgent2') : 'planned',
          source: urgent
            ? 'urgent_call'
            : (['plan', 'plan', 'single', 'discharge'] as const)[rand(4)],
          status: status as never,
          // Urgent calls registered up to 5 hours before (the evening before, for the early ones).
          createdAt: urgent ? new Date(start.getTime() - rand(300) * 60_000) : local(d, -7 * 1440),
        });
        if (unplaced) continue;
        const pool = muni === '0184' ? [B.rnSolna] : staffPool;
        const first = pool[rand(pool.length)];
        const team = twoPerson && roll === 3 && muni === '0180' ? [first, B.rnNorr] : [first];
        const assigned = [...new Set(team)];
        await db.insert(assignments).values(
          assigned.map((staffId, j) => ({
            visitId: id,
            staffId,
            plannedStart: new Date(start.getTime() + rand(20) * 60_000),
            routeOrder: k * 2 + j,
            plannedTravelSeconds: rand(3) ? 300 + rand(900) : null,
          })),
        );
        if (status === 'assigned' || status === 'unassigned') continue;
        const ms = (min: number) => new Date(start.getTime() + min * 60_000 + rand(60_000));
        const started = status === 'done' || status === 'in_progress' ? ms(rand(120) - 20) : null;
        await db.insert(visitActuals).values({
          visitId: id,
          municipalityCode: muni,
          staffId: assigned[0],
          enRouteAt: rand(4) ? ms(-40 + rand(15)) : null,
          startedAt: started,
          finishedAt:
            status === 'in_progress'
              ? null
              : new Date((started ?? start).getTime() + rand(3_600_000)),
          outcome: status === 'in_progress' ? null : (status as never),
        });
      }
    }
    // Shifts: the day staff 07–16 (some ending late), the night caregiver 22–07 (over the
    // clock change on the night to 2026-10-25: ten hours).
    await db.insert(shifts).values([
      ...[B.rn, B.an, B.an2, B.rnNorr].map((staffId) => ({
        staffId,
        municipalityCode: '0180',
        kind: 'day' as const,
        startsAt: local(d, 7 * 60),
        endsAt: local(d, 16 * 60 - rand(3) * 60),
      })),
      {
        staffId: B.rnNight,
        municipalityCode: '0180',
        kind: 'night' as const,
        startsAt: local(d, 22 * 60),
        endsAt: local(d, 31 * 60),
      },
      {
        staffId: B.rnSolna,
        municipalityCode: '0184',
        kind: 'day' as const,
        startsAt: local(d, 7 * 60),
        endsAt: local(d, 15 * 60),
      },
    ]);
  }
  return pts;
}

const admin = {
  userId: 'admin',
  username: 'admin',
  role: 'admin' as const,
  municipalities: [],
  teams: [],
  staffId: null,
};

/** Economics' estimated km is a float sum in another order: equal to 1e-9, the rest exact. */
const kmApart = (rows: Economics[]) =>
  rows.map((r) => ({
    ...r,
    travel: { ...r.travel, estimatedKm: Math.round(r.travel.estimatedKm * 1e6) },
  }));

async function figuresOf(db: Db, q: FigureQueries, s: BoardScope) {
  await q.prepare(db, s);
  const single = s.municipalities.length === 1;
  return {
    figures: single ? await boardFigures(db, s, q) : null,
    trends: await trends(db, s, q),
    patients: await q.continuityPatients(db, s),
    byDay: {
      contact: await q.contactShare(db, s, 'day'),
      punctuality: await q.punctuality(db, s, 'day'),
      urgent: await q.urgentResponse(db, s, 'day'),
      outcomes: await q.visitOutcomes(db, s, 'day'),
      work: await q.workingTime(db, s, 'day'),
      planned: await q.plannedActual(db, s, 'day'),
    },
    period: {
      continuity: await q.continuitySummary(db, s),
      urgent: await q.urgentResponse(db, s),
      planned: await q.plannedActual(db, s),
    },
    economics: single ? kmApart(await q.economics(db, s)) : null,
    county: await countyComparison(db, admin, s.period, q),
  };
}

describe.each(dbKinds())('the board read from rollups equals the plain SQL, on %s', (kind) => {
  let database: Database;
  let ids: Record<string, string>;
  const scopes = (): [string, BoardScope][] => {
    const p = (from: string, to: string) => parsePeriod({ from, to }, LAST);
    const all = p(FIRST, LAST);
    return [
      ['Stockholm, 19 days', { municipalities: ['0180'], teamId: null, period: all }],
      ['Team Söder, 19 days', { municipalities: ['0180'], teamId: B.team, period: all }],
      ['Team Norr, 19 days', { municipalities: ['0180'], teamId: B.teamNorr, period: all }],
      [
        'the DST day',
        { municipalities: ['0180'], teamId: null, period: p('2026-10-25', '2026-10-25') },
      ],
      [
        'Team Söder, a week',
        { municipalities: ['0180'], teamId: B.team, period: p('2026-10-22', '2026-10-28') },
      ],
      ['Stockholm and Solna', { municipalities: ['0180', '0184'], teamId: null, period: all }],
      ['Solna', { municipalities: ['0184'], teamId: null, period: all }],
    ];
  };
  const expectEqual = async (when: string) => {
    for (const [name, s] of scopes()) {
      const plain = await figuresOf(database.db, PLAIN, s);
      const rolled = await figuresOf(database.db, ROLLUPS, s);
      expect(rolled, `${name}, ${when}`).toEqual(plain);
    }
  };
  beforeAll(async () => {
    database = await freshDatabase(kind);
    ids = await buildWorld(database.db);
  }, 120_000);
  afterAll(async () => database.close());

  it('on the fixture as built (every figure, period and day by day)', async () => {
    const plain = await figuresOf(database.db, PLAIN, scopes()[0][1]);
    // The fixture is varied enough to mean something.
    expect(plain.figures!.continuity.overall.patients).toBeGreaterThan(0);
    expect(plain.figures!.outcomes.twoPerson.done).toBeGreaterThan(0);
    expect(plain.figures!.urgentResponse.map((u) => u.reached > 0)).toEqual([true, true]);
    expect(plain.figures!.plannedActual.overrunMinutes.p90).not.toBeNull();
    expect(plain.figures!.contactShare.byContact).toBeGreaterThan(0);
    expect(plain.figures!.workingTime.overtimeHours).toBeGreaterThan(0);
    await expectEqual('as built');
  }, 120_000);

  it('after each change to a past day, which the triggers mark for recomputing', async () => {
    const db = database.db;
    await expectEqual('before');
    const old = await db
      .select({ id: visits.id })
      .from(visits)
      .where(sql`${visits.status} = 'done' and ${visits.municipalityCode} = '0180'`)
      .orderBy(visits.windowStart)
      .limit(3);
    const [urgentCall] = await db
      .select({ id: visits.id })
      .from(visits)
      .where(sql`${visits.municipalityCode} = '0180' and ${visits.priority} <> 'planned'`)
      .limit(1);
    const dirtyDays = async () =>
      (await db.execute(
        sql`select count(distinct (municipality_code, day))::int as n from board_dirty_days`,
      )) as unknown;
    const changes: [string, () => Promise<unknown>][] = [
      [
        "a late report moving an old visit's finish",
        () =>
          db
            .update(visitActuals)
            .set({
              finishedAt: sql`${visitActuals.finishedAt} + interval '47 minutes 13.5 seconds'`,
            })
            .where(eq(visitActuals.visitId, old[0].id)),
      ],
      [
        'an old visit cancelled',
        () => db.update(visits).set({ status: 'cancelled' }).where(eq(visits.id, old[1].id)),
      ],
      [
        'a new contact caregiver',
        () => db.update(patients).set({ contactStaffId: B.rn }).where(eq(patients.id, ids.q)),
      ],
      [
        "a patient's care setting",
        () => db.update(patients).set({ careSetting: 'hvb_home' }).where(eq(patients.id, ids.p)),
      ],
      [
        'an assignment taken off an old visit',
        () => db.delete(assignments).where(eq(assignments.visitId, old[2].id)),
      ],
      ['an urgent call deleted', () => db.delete(visits).where(eq(visits.id, urgentCall.id))],
      [
        "a patient's visits of a day deleted (they no longer count for 14 windows)",
        () =>
          db.delete(visits).where(
            sql`${visits.patientId} = ${ids.p} and ${visits.windowStart} >= ${local('2026-10-28', 0).toISOString()}::timestamptz
              and ${visits.windowStart} < ${local('2026-10-29', 0).toISOString()}::timestamptz`,
          ),
      ],
      [
        "the night caregiver's shifts lengthened",
        () =>
          db
            .update(shifts)
            .set({ endsAt: sql`${shifts.endsAt} + interval '2 hours'` })
            .where(eq(shifts.staffId, B.rnNight)),
      ],
      [
        'a caregiver moving to the other team',
        () => db.update(staff).set({ teamId: B.teamNorr }).where(eq(staff.id, B.an2)),
      ],
    ];
    for (const [what, change] of changes) {
      const trendBefore = await trends(db, scopes()[0][1], PLAIN);
      await change();
      if (what.startsWith("a patient's visits")) {
        // This one changes the continuity trend (whose days the board keeps).
        expect(await trends(db, scopes()[0][1], PLAIN)).not.toEqual(trendBefore);
      }
      await expectEqual(`after ${what}`);
    }
    // One report marks its day (and its registration day, when another): nothing else.
    const before = rowsOfCount(await dirtyDays());
    await db
      .update(visitActuals)
      .set({ startedAt: sql`${visitActuals.startedAt} + interval '1 second'` })
      .where(eq(visitActuals.visitId, old[0].id));
    const n = rowsOfCount(await dirtyDays()) - before;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(2);
  }, 600_000);
});

const rowsOfCount = (r: unknown) =>
  Number((Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows)[0].n);
