import { eq } from 'drizzle-orm';
import { dischargeCases, visits } from '../../db/schema/index.ts';
import { type CommandActor, type CommandDeps, runCommand } from '../commands/run-command.ts';
import { AppError } from '../http/errors.ts';
import { checkNewVisit } from '../visits/create-visit.ts';
import { visitState } from '../visits/visit-state.ts';
import { proposedOf } from './case-view.ts';
import { CASE_UPDATED } from './case-events.ts';

export interface VisitToConfirm {
  taskTypes: (typeof visits.$inferSelect)['taskTypes'];
  durationMinutes: number;
  staffCount: 1 | 2;
  windowStart: string;
  windowEnd: string;
}

/**
 * A scheduler confirms a case's first visits (the proposal, or their edit of it): each
 * becomes a visit with source 'discharge', checked by the same rules as any new visit, with
 * its visit.created event, in one command with the case marked confirmed. Once only (409).
 */
export async function confirmVisits(
  deps: CommandDeps,
  actor: CommandActor,
  caseId: string,
  edited: VisitToConfirm[] | undefined,
): Promise<{ caseId: string; visitIds: string[] }> {
  return runCommand(deps, actor, async (cmd) => {
    const [row] = await cmd.tx
      .select()
      .from(dischargeCases)
      .where(eq(dischargeCases.id, caseId))
      .for('update');
    if (!row) throw new AppError(404, 'not_found', 'Case not found');
    if (row.visitsConfirmedAt)
      throw new AppError(409, 'conflict', 'The first visits of this case are already confirmed');
    if (row.status === 'cancelled') throw new AppError(409, 'conflict', 'The case is cancelled');
    const list = edited ?? proposedOf(row);
    if (!list.length) {
      throw new AppError(422, 'validation_failed', 'Nothing to confirm: no visits proposed', [
        { field: 'body.visits', message: 'give the visits, or wait for ready-for-discharge' },
      ]);
    }
    const checked = list.map((v, i) => {
      try {
        return checkNewVisit(
          {
            municipality: row.municipalityCode,
            patientId: row.patientId,
            windowHard: false,
            priority: 'planned',
            source: 'discharge',
            ...v,
          },
          cmd.now,
        );
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        throw new AppError(
          400,
          'validation_failed',
          err.message,
          err.details.map((d) => ({
            ...d,
            field: d.field?.replace(/^body\./, `body.visits.${i}.`),
          })),
        );
      }
    });
    const rows = await cmd.tx
      .insert(visits)
      .values(
        list.map((v, i) => ({
          municipalityCode: row.municipalityCode,
          patientId: row.patientId,
          windowStart: checked[i].start,
          windowEnd: checked[i].end,
          durationMinutes: v.durationMinutes,
          taskTypes: v.taskTypes,
          requiredProfession: checked[i].profession,
          staffCount: v.staffCount,
          priority: 'planned' as const,
          source: 'discharge' as const,
        })),
      )
      .returning();
    await cmd.tx
      .update(dischargeCases)
      .set({ visitsConfirmedAt: cmd.now, updatedAt: cmd.now })
      .where(eq(dischargeCases.id, row.id));
    const subject = { patientId: row.patientId, municipalityCode: row.municipalityCode };
    await cmd.audit('discharge.visits_confirm', [subject]);
    await cmd.emitAll(row.municipalityCode, [
      ...rows.map((v) => ({ type: 'visit.created', payload: { visit: visitState(v, []) } })),
      // The case changed too: its pages fetch it again (the id only, no patient data).
      { type: CASE_UPDATED, payload: { caseId: row.id, status: row.status } },
    ]);
    return { caseId: row.id, visitIds: rows.map((v) => v.id) };
  });
}
