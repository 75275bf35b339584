import { eq, sql } from 'drizzle-orm';
import type { Profession } from '../../db/reference/professions.ts';
import { TASK_TYPES, type TaskType } from '../../db/reference/task-types.ts';
import { reusableQuery } from '../../db/reusable-query.ts';
import { patients, visits } from '../../db/schema/index.ts';
import { type CommandActor, type CommandDeps, runCommand } from '../commands/run-command.ts';
import { parseInstant } from '../domain/stockholm-time.ts';
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
 * The rules every new visit meets, however it is registered: a window that parses and does
 * not end before it starts, at most 24 hours long, and tasks one profession can do.
 */
export function checkNewVisit(v: NewVisit): { start: Date; end: Date; profession: Profession } {
  const problems: ErrorDetail[] = [];
  const start = parseInstant(v.windowStart);
  const end = parseInstant(v.windowEnd);
  if (!start.ok) problems.push({ field: 'body.windowStart', message: start.message });
  if (!end.ok) problems.push({ field: 'body.windowEnd', message: end.message });
  if (start.ok && end.ok) {
    if (end.value < start.value) {
      problems.push({ field: 'body.windowEnd', message: 'must not be before windowStart' });
    } else if (end.value.getTime() - start.value.getTime() > MAX_WINDOW_MS) {
      problems.push({
        field: 'body.windowEnd',
        message: 'the window may be at most 24 hours long',
      });
    }
  }
  const profession = requiredProfession(v.taskTypes);
  if (!profession) {
    problems.push({
      field: 'body.taskTypes',
      message: 'these tasks need different professions: register one visit each',
    });
  }
  if (problems.length || !start.ok || !end.ok || !profession) throw invalid(problems);
  return { start: start.value, end: end.value, profession };
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
  const { start, end, profession } = checkNewVisit(v);
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
