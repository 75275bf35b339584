import { eq, sql } from 'drizzle-orm';
import type { Profession } from '../../db/reference/professions.ts';
import { TASK_TYPES, type TaskType } from '../../db/reference/task-types.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import { patients, visits } from '../../db/schema/index.ts';
import { type CommandActor, type CommandDeps, runCommand } from '../commands/run-command.ts';
import { parseInstant, rangeAround } from '../domain/stockholm-time.ts';
import { AppError, type ErrorDetail } from '../http/errors.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { type VisitState, visitState } from './visit-state.ts';

type VisitRow = typeof visits.$inferSelect;

const MAX_WINDOW_MS = 24 * 3600_000;

/** A visit to register, as a route takes it (instants as given: ISO or Stockholm local). */
export interface NewVisit {
  municipality: string;
  patientId: string;
  windowStart: string;
  windowEnd: string;
  windowHard: boolean;
  durationMinutes: number;
  taskTypes: TaskType[];
  staffCount: 1 | 2;
  priority: VisitRow['priority'];
  source: VisitRow['source'];
}

/**
 * The profession a visit needs: an RN may also do AN tasks, so {rn, an} needs an RN;
 * tasks of two other professions cannot share one visit.
 */
export function requiredProfession(tasks: TaskType[]): Profession | undefined {
  const set = new Set<Profession>(tasks.map((t) => TASK_TYPES[t].profession));
  if (set.size === 1) return [...set][0];
  if (set.size === 2 && set.has('rn') && set.has('an')) return 'rn';
  return undefined;
}

export function invalid(details: ErrorDetail[]): AppError {
  return new AppError(400, 'validation_failed', 'The request is not valid', details);
}

/**
 * The window rule, the same however a visit is registered (POST /api/visits, an urgent
 * call): windowStart-windowEnd is when the visit may start; its duration is separate, so it
 * may end after windowEnd and a window may be shorter than the visit. windowEnd must be after
 * windowStart, at most 24 hours later, and both within a year back and two years ahead of
 * now. Returns the window, or the problems naming `body.windowStart` / `body.windowEnd`.
 */
export function checkVisitWindow(
  startText: string,
  endText: string,
  now: Date,
): { ok: true; start: Date; end: Date } | { ok: false; problems: ErrorDetail[] } {
  const range = rangeAround(now, { years: 1 }, { years: 2 });
  const start = parseInstant(startText, range);
  const end = parseInstant(endText, range);
  const problems: ErrorDetail[] = [];
  if (!start.ok) problems.push({ field: 'body.windowStart', message: start.message });
  if (!end.ok) problems.push({ field: 'body.windowEnd', message: end.message });
  if (!start.ok || !end.ok) return { ok: false, problems };
  const length = end.value.getTime() - start.value.getTime();
  if (length <= 0) {
    problems.push({ field: 'body.windowEnd', message: 'must be after windowStart' });
  } else if (length > MAX_WINDOW_MS) {
    problems.push({ field: 'body.windowEnd', message: 'the window may be at most 24 hours long' });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, start: start.value, end: end.value };
}

/**
 * The rules every new visit meets, however it is registered: the window rule above, and
 * tasks one profession can do.
 */
export function checkNewVisit(
  v: NewVisit,
  now: Date,
): { start: Date; end: Date; profession: Profession } {
  const window = checkVisitWindow(v.windowStart, v.windowEnd, now);
  const problems: ErrorDetail[] = window.ok ? [] : window.problems;
  const profession = requiredProfession(v.taskTypes);
  if (!profession) {
    problems.push({
      field: 'body.taskTypes',
      message: 'these tasks need different professions: register one visit each',
    });
  }
  if (problems.length || !window.ok || !profession) throw invalid(problems);
  return { start: window.start, end: window.end, profession };
}

const patientQuery = reusableQuery<{ municipalityCode: string }[]>('new_visit_patient', (db) =>
  db
    .select({ municipalityCode: patients.municipalityCode })
    .from(patients)
    .where(eq(patients.id, sql.placeholder('id'))),
);

/**
 * Registers a visit (single, unplanned or an urgent call): checked, inserted, its
 * 'visit.created' event and its audit row in one command, published after the commit.
 */
export async function createVisit(
  deps: CommandDeps,
  actor: CommandActor,
  v: NewVisit,
): Promise<{ visit: VisitState; row: VisitRow }> {
  const { start, end, profession } = checkNewVisit(v, deps.now());
  await assertMunicipality(deps.db, v.municipality, 'body.municipality');
  return runCommand(deps, actor, async (cmd) => {
    const [patient] = await patientQuery(cmd.tx, { id: v.patientId });
    if (!patient || patient.municipalityCode !== v.municipality) {
      throw new AppError(404, 'not_found', 'Patient not found in this municipality', [
        { field: 'body.patientId', message: 'no such patient in the municipality' },
      ]);
    }
    const [row] = await cmd.tx
      .insert(visits)
      .values({
        municipalityCode: v.municipality,
        patientId: v.patientId,
        windowStart: start,
        windowEnd: end,
        windowHard: v.windowHard,
        durationMinutes: v.durationMinutes,
        taskTypes: v.taskTypes,
        requiredProfession: profession,
        staffCount: v.staffCount,
        priority: v.priority,
        source: v.source,
      })
      .returning();
    // A new visit has no caregivers yet: its state is the inserted row.
    const state = visitState(row, []);
    await cmd.audit('visit.create', [
      { patientId: row.patientId, municipalityCode: row.municipalityCode },
    ]);
    await cmd.emit(v.municipality, 'visit.created', { visit: state });
    return { visit: state, row };
  });
}
