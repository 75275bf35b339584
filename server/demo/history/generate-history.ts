import { refreshRollups } from '../../board/rollups/refresh-rollups.ts';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import {
  assignments,
  bases,
  carePlans,
  eventSequences,
  events,
  patients,
  shifts,
  staff,
  teams,
  visitActuals,
  visits,
} from '../../../db/schema/index.ts';
import { addDays } from '../../../db/seed/local-time.ts';
import { Rng } from '../../../db/seed/prng.ts';
import { localDayBounds } from '../../domain/stockholm-time.ts';
import { serviceDayOf } from '../../planning/demo-day.ts';
import { planServiceDay } from '../../planning/plan-day.ts';
import { solveForIterations } from '../../solver-bridge/solve-iterations.ts';
import { historyDates } from './history-dates.ts';
import { type ShiftPattern, historyShifts, shiftKey } from './history-shifts.ts';
import { planVisitsOf, urgentCallsOf } from './history-visits.ts';
import {
  type CaregiverState,
  type HistoryEvent,
  type SimCaregiver,
  type SimOutcome,
  simulateDay,
} from './simulate-day.ts';

export interface HistoryOptions {
  municipalities: readonly string[];
  /** Local date of the demo's today: the history is the `days` days before it. */
  today: string;
  days: number;
  seed: number;
  /** Solver iterations per municipality and day: a budget of work, so runs are reproducible. */
  iterations?: number;
  /** After each day is written (oldest first). */
  onDay?: (date: string, index: number) => void;
  /** Stop between two plans (shutdown); the days written stay. */
  signal?: AbortSignal;
}

export interface HistorySummary {
  days: number;
  shifts: number;
  visits: number;
  urgent: number;
  done: number;
  noAccess: number;
  cancelled: number;
  events: number;
  ms: number;
}

/** Enough for a plan with 90 % of starts in the window on the demo data (at 200 a Stockholm demo day took 2-6 s at load 15, at 50 0.3-1 s). */
export const DEFAULT_HISTORY_ITERATIONS = 50;
const BATCH = 1000;

/**
 * A realistic past for the demo: for each of the `days` days before `today`, the visits the
 * care plans made (as generating the day makes them) and the day's urgent calls, planned
 * with the solver as a scheduler would (planServiceDay, an iteration budget), then worked
 * with plausible deviations (simulateDay). It writes what the live system would have:
 * the shifts, visits with final statuses, assignments, visit_actuals rows and the
 * 'visit.status_changed' events with their times, in bulk (a few statements a day), and
 * the board's rollups of each day once written. Days
 * go oldest first, so who knows a patient carries into the next day's plan. Same seed and
 * data, same rows. Expects the seeded demo data (shifts for today give each caregiver's
 * shift kind).
 */
export async function generateHistory(db: Db, o: HistoryOptions): Promise<HistorySummary> {
  const started = performance.now();
  const codes = [...o.municipalities].sort();
  const dates = historyDates(o.today, o.days);
  const summary: HistorySummary = {
    days: dates.length,
    shifts: 0,
    visits: 0,
    urgent: 0,
    done: 0,
    noAccess: 0,
    cancelled: 0,
    events: 0,
    ms: 0,
  };
  if (dates.length === 0 || codes.length === 0) return summary;

  const inputs = await readInputs(db, codes);
  const shiftRows = historyShifts(inputs.patterns, dates, o.seed, inputs.existingShifts);
  const visitRows: (typeof visits.$inferInsert)[] = [];
  for (const code of codes) {
    const rng = new Rng(`${o.seed}:${code}:history-visits`);
    const plans = inputs.plans.filter((p) => p.municipality === code).map((p) => p.plan);
    const patientIds = inputs.patients.filter((p) => p.municipality === code).map((p) => p.id);
    for (const date of dates) {
      const planned = planVisitsOf(plans, code, date, rng);
      const urgent = urgentCallsOf(patientIds, code, date, planned.length, rng);
      visitRows.push(...planned, ...urgent);
      summary.urgent += urgent.length;
    }
  }
  await db.transaction(async (tx) => {
    await insertBatches(tx, shifts, shiftRows);
    await insertBatches(tx, visits, visitRows);
  });
  summary.shifts = shiftRows.length;
  summary.visits = visitRows.length;

  const caregivers = new Map(inputs.caregivers.map((c) => [c.id, c]));
  const places = new Map(inputs.patients.map((p) => [p.id, { lat: p.lat, lon: p.lon }]));
  const state = new Map<string, CaregiverState>();
  const solve = solveForIterations(o.iterations ?? DEFAULT_HISTORY_ITERATIONS);
  const todayStart = localDayBounds(o.today).start;
  for (const [index, date] of dates.entries()) {
    const day = serviceDayOf(date);
    const to = new Date(Math.min(day.to.getTime(), todayStart.getTime()));
    const calendarEnd = localDayBounds(date).end;
    // Planned the afternoon before, as a scheduler publishes tomorrow.
    const plannedAt = new Date(localDayBounds(addDays(date, -1)).start.getTime() + 15 * 3600_000);
    for (const code of codes) {
      if (o.signal?.aborted) throw new Error('demo history: stopped');
      await letOthersIn();
      await planServiceDay(db, {
        municipality: code,
        from: day.from,
        to,
        now: plannedAt,
        timeLimitMs: 0,
        seed: o.seed,
        solve,
      });
    }
    const worked = await readDay(db, codes, day.from, to, calendarEnd);
    const outcomes: SimOutcome[] = [];
    for (const code of codes) {
      const rng = new Rng(`${o.seed}:${code}:history-run:${date}`);
      outcomes.push(
        simulateDay(
          { municipality: code, visits: worked.get(code) ?? [], caregivers, places },
          state,
          rng,
        ),
      );
    }
    await letOthersIn();
    await writeOutcomes(db, outcomes, plannedAt);
    // The board's rollups of the day just written (and the evening before, where its urgent
    // calls were registered and night shifts began), so the board does not compute them.
    await letOthersIn();
    await refreshRollups(db, codes, addDays(date, -1), date);
    for (const out of outcomes) {
      summary.events += out.events.length;
      for (const v of out.visits) {
        if (v.status === 'done') summary.done++;
        else if (v.status === 'no_access') summary.noAccess++;
        else if (v.status === 'cancelled') summary.cancelled++;
      }
    }
    o.onDay?.(date, index);
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

async function readInputs(db: Db, codes: string[]) {
  const [shiftRows, planRows, patientRows, caregiverRows] = await Promise.all([
    db
      .select({
        staffId: shifts.staffId,
        municipalityCode: shifts.municipalityCode,
        kind: shifts.kind,
        startsAt: shifts.startsAt,
        profession: staff.profession,
      })
      .from(shifts)
      .innerJoin(staff, eq(staff.id, shifts.staffId))
      .where(and(inArray(shifts.municipalityCode, codes), eq(staff.active, true)))
      .orderBy(asc(shifts.staffId), asc(shifts.startsAt)),
    db
      .select({ plan: carePlans, municipality: patients.municipalityCode })
      .from(carePlans)
      .innerJoin(patients, eq(patients.id, carePlans.patientId))
      .where(inArray(patients.municipalityCode, codes))
      .orderBy(asc(carePlans.patientId), asc(carePlans.windowStart), asc(carePlans.id)),
    db
      .select({
        id: patients.id,
        municipality: patients.municipalityCode,
        lat: patients.lat,
        lon: patients.lon,
      })
      .from(patients)
      .where(inArray(patients.municipalityCode, codes))
      .orderBy(asc(patients.id)),
    db
      .select({ id: staff.id, travelMode: staff.travelMode, lat: bases.lat, lon: bases.lon })
      .from(staff)
      .innerJoin(teams, eq(teams.id, staff.teamId))
      .innerJoin(bases, eq(bases.id, teams.baseId))
      .where(inArray(staff.municipalityCode, codes)),
  ]);
  const patterns = new Map<string, ShiftPattern>();
  for (const s of shiftRows) if (!patterns.has(s.staffId)) patterns.set(s.staffId, s);
  return {
    patterns: [...patterns.values()],
    existingShifts: new Set(shiftRows.map((s) => shiftKey(s.staffId, s.startsAt))),
    plans: planRows,
    patients: patientRows,
    caregivers: caregiverRows.map((c): SimCaregiver => ({
      id: c.id,
      travelMode: c.travelMode,
      base: { lat: c.lat, lon: c.lon },
    })),
  };
}

/**
 * The day's visits to finish, by municipality: those planned (in the service day) and those
 * left unplaced whose calendar day is over (an early-morning visit of the next day left out
 * gets its own day's plan first).
 */
async function readDay(db: Db, codes: string[], from: Date, to: Date, calendarEnd: Date) {
  const rows = await db
    .select()
    .from(visits)
    .where(
      and(
        inArray(visits.municipalityCode, codes),
        inArray(visits.status, ['assigned', 'unassigned']),
        gte(visits.windowStart, from),
        lt(visits.windowStart, to),
      ),
    )
    .orderBy(asc(visits.windowStart), asc(visits.id));
  const open = rows.filter((v) => v.status === 'assigned' || v.windowStart < calendarEnd);
  const held = open.filter((v) => v.status === 'assigned').map((v) => v.id);
  const assigned: { visitId: string; staffId: string; plannedStart: Date; routeOrder: number }[] =
    [];
  for (let i = 0; i < held.length; i += BATCH) {
    assigned.push(
      ...(await db
        .select({
          visitId: assignments.visitId,
          staffId: assignments.staffId,
          plannedStart: assignments.plannedStart,
          routeOrder: assignments.routeOrder,
        })
        .from(assignments)
        .where(inArray(assignments.visitId, held.slice(i, i + BATCH)))
        .orderBy(asc(assignments.staffId))),
    );
  }
  const byVisit = new Map<string, typeof assigned>();
  for (const a of assigned) byVisit.set(a.visitId, [...(byVisit.get(a.visitId) ?? []), a]);
  const out = new Map<string, { row: (typeof rows)[number]; assignees: typeof assigned }[]>();
  for (const row of open) {
    const list = out.get(row.municipalityCode) ?? [];
    list.push({ row, assignees: byVisit.get(row.id) ?? [] });
    out.set(row.municipalityCode, list);
  }
  return out;
}

/**
 * One transaction for the day: statuses in one statement, actuals and events in batches,
 * and the assignments dated when the day was planned (the plan's write stamps them now).
 */
async function writeOutcomes(
  db: Db,
  outcomes: readonly SimOutcome[],
  plannedAt: Date,
): Promise<void> {
  const finals = outcomes.flatMap((o) => o.visits);
  const actuals = outcomes.flatMap((o) => o.actuals);
  if (finals.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < finals.length; i += BATCH) {
      const json = JSON.stringify(
        finals.slice(i, i + BATCH).map((v) => ({ ...v, updatedAt: v.updatedAt.toISOString() })),
      );
      await tx.execute(sql`
        update ${visits} set status = x.status::visit_status, version = x.version,
          updated_at = x."updatedAt"
        from jsonb_to_recordset(${json}::jsonb)
          as x(id uuid, status text, version int, "updatedAt" timestamptz)
        where ${visits.id} = x.id`);
    }
    const ids = finals.map((v) => v.id);
    for (let i = 0; i < ids.length; i += BATCH) {
      await tx
        .update(assignments)
        .set({ createdAt: plannedAt })
        .where(inArray(assignments.visitId, ids.slice(i, i + BATCH)));
    }
    await insertBatches(tx, visitActuals, actuals);
    const byMunicipality = new Map<string, HistoryEvent[]>();
    for (const o of outcomes)
      for (const e of o.events)
        byMunicipality.set(e.municipalityCode, [
          ...(byMunicipality.get(e.municipalityCode) ?? []),
          e,
        ]);
    for (const [code, list] of byMunicipality) {
      // Seqs taken as appendEvents takes them: the sequence row bumped once for all of them.
      const [seqRow] = await tx
        .update(eventSequences)
        .set({ lastSeq: sql`${eventSequences.lastSeq} + ${list.length}` })
        .where(eq(eventSequences.municipalityCode, code))
        .returning({ last: eventSequences.lastSeq });
      const first = Number(seqRow.last) - list.length + 1;
      await insertBatches(
        tx,
        events,
        list.map((e, i) => ({ ...e, seq: first + i })),
      );
    }
  });
}

/**
 * Embedded PGlite answers within the microtask queue: a chain of awaits on it never lets
 * the HTTP server's sockets be read. Between two steps the requests waiting go first.
 */
const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

type Executor = Pick<Db, 'insert'>;

async function insertBatches<T extends PgTable>(
  db: Executor,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db.insert(table).values(rows.slice(i, i + BATCH));
}
