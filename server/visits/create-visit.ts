import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Profession } from '../../db/reference/professions.ts';
import { TASK_TYPES, type TaskType } from '../../db/reference/task-types.ts';
import { patients, visits } from '../../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../http/errors.ts';
import type { CreateVisitBody } from './schemas.ts';
import { parseInstant } from '../domain/stockholm-time.ts';
import { type Tx, appendEvent } from '../events/append-events.ts';
import { assertMunicipality } from '../municipalities/queries.ts';
import { type VisitView, visitView } from './visit-view.ts';

const MAX_WINDOW_MS = 24 * 3600_000;

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
  inTransaction?: (tx: Tx, view: VisitView) => Promise<void>,
): Promise<VisitView> {
  const problems: ErrorDetail[] = [];
  const start = parseInstant(body.windowStart);
  const end = parseInstant(body.windowEnd);
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
  const profession = requiredProfession(body.taskTypes);
  if (!profession) {
    problems.push({
      field: 'body.taskTypes',
      message: 'these tasks need different professions: register one visit each',
    });
  }
  if (problems.length || !start.ok || !end.ok || !profession) {
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
        windowStart: start.value,
        windowEnd: end.value,
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
