import { and, asc, count, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { assignments, events, visits } from '../../../db/schema/index.ts';
import { seedDemoData } from '../../../db/seed/seed.ts';
import { AppError } from '../../../server/http/errors.ts';
import { serviceDayOf } from '../../../server/planning/demo-day.ts';
import {
  type PlanDayOptions,
  type PlanSolveFn,
  planServiceDay,
} from '../../../server/planning/plan-day.ts';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import type { Solution } from '../../../solver/model/solution.ts';
import { solve } from '../../../solver/solve.ts';
import { validate } from '../../../solver/validate/validate.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { recordingBus } from '../support/world.ts';
import { planViolations } from './check-plan.ts';

const TODAY = '2026-11-23';
const DAY = serviceDayOf(TODAY);
const CODE = '0191'; // Sigtuna: at this scale 37 visits, 5 of them two-person, 6 hard windows
const OTHER = '0187';
const NOW = new Date('2026-11-23T04:00:00Z'); // 05:00 in Stockholm: the day ahead

/** Solves in-process and keeps what it solved, so the test can validate it independently. */
function capturingSolve(): PlanSolveFn & { runs: { input: ProblemInput; solution: Solution }[] } {
  const runs: { input: ProblemInput; solution: Solution }[] = [];
  const fn = (input: ProblemInput, o: { seed: number; timeLimitMs: number }) => {
    const solution = solve(input, { ...o, clock: () => performance.now() });
    runs.push({ input, solution });
    return solution;
  };
  return Object.assign(fn, { runs });
}

async function dayVisits(database: Database, code = CODE) {
  return database.db
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.municipalityCode, code),
        gte(visits.windowStart, DAY.from),
        lt(visits.windowStart, DAY.to),
      ),
    );
}

async function tableCounts(database: Database) {
  const [a] = await database.db.select({ n: count() }).from(assignments);
  const [e] = await database.db.select({ n: count() }).from(events);
  return { assignments: Number(a.n), events: Number(e.n) };
}

describe.each(dbKinds())('planServiceDay on %s', (kind) => {
  let database: Database;
  const options = (over: Partial<PlanDayOptions> = {}): PlanDayOptions => ({
    municipality: CODE,
    ...DAY,
    now: NOW,
    timeLimitMs: 200,
    seed: 1,
    ...over,
  });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoData(database.db, {
      seed: 3,
      scale: 0.2,
      today: TODAY,
      municipalities: [CODE, OTHER],
    });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('routes the day in one transaction: valid plan, versions bumped, one event', async () => {
    const before = await dayVisits(database);
    expect(before.filter((v) => v.staffCount === 2).length).toBeGreaterThan(0);
    const solver = capturingSolve();
    const bus = recordingBus();
    const summary = await planServiceDay(database.db, options({ solve: solver, bus }));

    // The solver's plan passes its independent validator.
    expect(solver.runs).toHaveLength(1);
    const { input, solution } = solver.runs[0];
    expect(validate(input, solution).violations).toEqual([]);

    expect(summary.visits).toBe(before.length);
    expect(summary.assigned).toBeGreaterThanOrEqual(Math.ceil(before.length * 0.8));
    expect(summary.assigned + summary.unassigned).toBe(before.length);
    expect(summary.skipped).toBe(0);
    expect(summary.travelSeconds).toBeGreaterThan(0);

    // What was written keeps every rule, read back from the database.
    expect(await planViolations(database.db, CODE, DAY)).toEqual([]);
    const after = await dayVisits(database);
    const assigned = after.filter((v) => v.status === 'assigned');
    expect(assigned).toHaveLength(summary.assigned);
    expect(after.filter((v) => v.status === 'unassigned')).toHaveLength(summary.unassigned);
    for (const v of assigned) {
      expect(v.version).toBe(2);
      expect(v.updatedAt.getTime()).toBe(NOW.getTime());
    }
    const twoPerson = assigned.filter((v) => v.staffCount === 2);
    expect(twoPerson.length).toBeGreaterThan(0);

    // One event, without patient data, published after the commit.
    const log = await database.db
      .select()
      .from(events)
      .where(eq(events.municipalityCode, CODE))
      .orderBy(asc(events.seq));
    expect(log.map((e) => e.type)).toEqual(['day.planned']);
    expect(log[0].payload).toEqual({
      from: DAY.from.toISOString(),
      to: DAY.to.toISOString(),
      assigned: summary.assigned,
      unassigned: summary.unassigned,
    });
    expect(bus.events).toHaveLength(1);
    expect(bus.events[0]).toMatchObject({ municipalityCode: CODE, seq: 1, type: 'day.planned' });

    // Another municipality is not touched.
    expect((await dayVisits(database, OTHER)).every((v) => v.status === 'unassigned')).toBe(true);
  });

  it('a second run plans only the leftovers, around the routes already made', async () => {
    const first = await dayVisits(database);
    const leftovers = new Set(first.filter((v) => v.status === 'unassigned').map((v) => v.id));
    const { assignments: rowsBefore } = await tableCounts(database);
    const summary = await planServiceDay(database.db, options({ seed: 2 }));
    expect(summary.visits).toBe(leftovers.size);

    const second = await dayVisits(database);
    const newly = second.filter((v) => leftovers.has(v.id) && v.status === 'assigned');
    expect(newly).toHaveLength(summary.assigned);
    const { assignments: rowsAfter } = await tableCounts(database);
    expect(rowsAfter - rowsBefore).toBe(newly.reduce((n, v) => n + v.staffCount, 0));
    // The first run's visits are left as they were.
    const firstVersion = new Map(first.map((v) => [v.id, v.version]));
    for (const v of second)
      if (!leftovers.has(v.id)) expect(v.version).toBe(firstVersion.get(v.id));
    expect(await planViolations(database.db, CODE, DAY)).toEqual([]);
    const log = await database.db.select().from(events).where(eq(events.municipalityCode, CODE));
    expect(log.map((e) => e.type)).toEqual(['day.planned', 'day.planned']);
  });

  it('refuses an unknown municipality with a clear error and changes nothing', async () => {
    const before = await tableCounts(database);
    const attempt = planServiceDay(database.db, options({ municipality: '9999' }));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: "Unknown municipality '9999'",
    });
    await expect(planServiceDay(database.db, options({ from: DAY.to }))).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(await tableCounts(database)).toEqual(before);
  });
});
