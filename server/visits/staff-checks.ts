import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { reusableQuery } from '../../db/reusable-query.ts';
import { delegations, patientExclusions, shifts, staff, visits } from '../../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../http/errors.ts';
import type { Tx } from '../events/append-events.ts';
import { toLocalIso } from '../domain/stockholm-time.ts';
import { type Competence, competenceFor } from '../domain/competence.ts';

/** Overtime a plan may use past the shift end (priced by the solver, allowed here too). */
export const OVERTIME_MS = 60 * 60_000;

type VisitRow = typeof visits.$inferSelect;
export type ShiftRow = typeof shifts.$inferSelect;
type StaffRow = typeof staff.$inferSelect;
type DelegationRow = typeof delegations.$inferSelect;

export interface CheckedStaff {
  staffId: string;
  shift: ShiftRow;
  competence: Exclude<Competence, { kind: 'none' }>;
}

const p = sql.placeholder;
const pair = [p('a'), p('b')];
const exclusionsQuery = reusableQuery<{ staffId: string }[]>('staff_check_exclusions', (db) =>
  db
    .select({ staffId: patientExclusions.staffId })
    .from(patientExclusions)
    .where(eq(patientExclusions.patientId, p('patient'))),
);
const staffQuery = reusableQuery<StaffRow[]>('staff_check_staff', (db) =>
  db.select().from(staff).where(inArray(staff.id, pair)),
);
const shiftsQuery = reusableQuery<ShiftRow[]>('staff_check_shifts', (db) =>
  db
    .select()
    .from(shifts)
    .where(
      and(
        inArray(shifts.staffId, pair),
        lte(shifts.startsAt, sql`${p('startsBy')}::timestamptz`),
        gte(shifts.endsAt, sql`${p('endsFrom')}::timestamptz`),
      ),
    )
    .orderBy(asc(shifts.startsAt), asc(shifts.id)),
);
const delegationsQuery = reusableQuery<DelegationRow[]>('staff_check_delegations', (db) =>
  db.select().from(delegations).where(inArray(delegations.staffId, pair)),
);

/**
 * Whether these caregivers may make the visit starting at `start`: a distinct caregiver per
 * place (one, or two for a two-person visit), each active in the visit's municipality, on
 * shift over the whole visit (the overtime hour counts), competent by profession or by a
 * delegation valid over the whole visit, and not refused by the patient. Refusals name the
 * field (`body.staffIds.1`): 400 for a malformed list, 422 for a rule the choice breaks.
 */
export async function checkStaffFor(
  tx: Tx,
  visit: VisitRow,
  staffIds: string[],
  start: Date,
): Promise<CheckedStaff[]> {
  if (staffIds.length !== visit.staffCount || new Set(staffIds).size !== staffIds.length) {
    throw new AppError(400, 'validation_failed', 'The request is not valid', [
      {
        field: 'body.staffIds',
        message: `this visit takes exactly ${visit.staffCount} different caregiver(s)`,
      },
    ]);
  }
  const end = new Date(start.getTime() + visit.durationMinutes * 60_000);
  const problems: ErrorDetail[] = [];
  const out: CheckedStaff[] = [];
  // Everything the checks need, read together (one round trip on PostgreSQL). A visit takes
  // one or two caregivers (a check constraint; the length is checked above): one is asked
  // for twice.
  const v = {
    patient: visit.patientId,
    a: staffIds[0],
    b: staffIds[1] ?? staffIds[0],
    startsBy: start.toISOString(),
    endsFrom: new Date(end.getTime() - OVERTIME_MS).toISOString(),
  };
  const [exclusionRows, staffRows, shiftRows, delegationRows] = await Promise.all([
    exclusionsQuery(tx, v),
    staffQuery(tx, v),
    shiftsQuery(tx, v),
    delegationsQuery(tx, v),
  ]);
  const excluded = new Set(exclusionRows.map((r) => r.staffId));
  for (const [i, staffId] of staffIds.entries()) {
    const field = `body.staffIds.${i}`;
    const fail = (message: string) => problems.push({ field, message });
    const s = staffRows.find((r) => r.id === staffId);
    if (!s || s.municipalityCode !== visit.municipalityCode) {
      fail('no such caregiver in the visit’s municipality');
      continue;
    }
    if (!s.active) {
      fail('the caregiver is not active');
      continue;
    }
    if (excluded.has(staffId)) {
      fail('the patient has refused this caregiver');
      continue;
    }
    const shift = shiftRows.find((r) => r.staffId === staffId);
    if (!shift) {
      fail(`not on shift from ${toLocalIso(start)} to ${toLocalIso(end)}`);
      continue;
    }
    const held = delegationRows.filter((d) => d.staffId === staffId);
    const competence = competenceFor(s, visit, held, start, end);
    if (competence.kind === 'none') {
      fail(`not competent: ${competence.reason}`);
      continue;
    }
    out.push({ staffId, shift, competence });
  }
  if (problems.length) {
    throw new AppError(
      422,
      'constraint_violation',
      'These caregivers cannot make the visit',
      problems,
    );
  }
  return out;
}
