import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Profession } from '../../db/reference/professions.ts';
import { TASK_TYPES, type TaskType } from '../../db/reference/task-types.ts';
import { patients, visits } from '../../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../http/errors.ts';
import type { CreateVisitBody } from './schemas.ts';
import { parseInstant, rangeAround } from '../domain/stockholm-time.ts';
import { type Tx, appendEvent } from '../events/append-events.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { type VisitView, visitView } from './visit-view.ts';

const MAX_WINDOW_MS = 24 * 3600_000;

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
 * The profession a visit needs: an RN may also do AN tasks, so {rn, an} needs an RN;
 * tasks of two other professions cannot share one visit.
 */
export function requiredProfession(tasks: TaskType[]): Profession | undefined {
  const set = new Set<Profession>(tasks.map((t) => TASK_TYPES[t].profession));
  if (set.size === 1) return [...set][0];
  if (set.size === 2 && set.has('rn') && set.has('an')) return 'rn';
  return undefined;
}

/**
 * Registers a single or unplanned visit and its event in one transaction; `inTransaction`
 * (the audit row of the change) commits or rolls back with them.
 */
export async function createVisit(
  db: Db,
  body: CreateVisitBody,
  now: Date,
  inTransaction?: (tx: Tx, view: VisitView) => Promise<void>,
): Promise<VisitView> {
  const window = checkVisitWindow(body.windowStart, body.windowEnd, now);
  const problems: ErrorDetail[] = window.ok ? [] : window.problems;
  const profession = requiredProfession(body.taskTypes);
  if (!profession) {
    problems.push({
      field: 'body.taskTypes',
      message: 'these tasks need different professions: register one visit each',
    });
  }
  if (problems.length || !window.ok || !profession) {
    throw new AppError(400, 'validation_failed', 'The request is not valid', problems);
  }
  await assertMunicipality(db, body.municipality, 'body.municipality');

  return db.transaction(async (tx) => {
    const [patient] = await tx
      .select({ municipalityCode: patients.municipalityCode })
      .from(patients)
      .where(eq(patients.id, body.patientId));
    if (!patient || patient.municipalityCode !== body.municipality) {
      throw new AppError(404, 'not_found', 'Patient not found in this municipality', [
        { field: 'body.patientId', message: 'no such patient in the municipality' },
      ]);
    }
    const [row] = await tx
      .insert(visits)
      .values({
        municipalityCode: body.municipality,
        patientId: body.patientId,
        windowStart: window.start,
        windowEnd: window.end,
        windowHard: body.windowHard,
        durationMinutes: body.durationMinutes,
        taskTypes: body.taskTypes,
        requiredProfession: profession,
        staffCount: body.staffCount,
        priority: body.priority,
        source: body.source,
      })
      .returning();
    const view = visitView(row);
    await appendEvent(tx, body.municipality, 'visit.created', { visit: view });
    await inTransaction?.(tx, view);
    return view;
  });
}
