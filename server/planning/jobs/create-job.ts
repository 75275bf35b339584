import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { teams } from '../../../db/schema/index.ts';
import type { Principal } from '../../auth/principal.ts';
import { todayLocal } from '../../domain/stockholm-time.ts';
import { AppError } from '../../http/errors.ts';
import { assertMunicipality } from '../../municipalities/queries.ts';
import { type JobRow, enqueueJob } from './queue.ts';

export interface CreateJobInput {
  municipality: string;
  date: string;
  team?: string;
  budgetSeconds: number;
}

/** How far ahead a day may be planned. */
const MAX_DAYS_AHEAD = 366;

/**
 * Queues a planning job for a municipality's day (or one team's), after the checks a client
 * can act on: the municipality and team exist, the team is the user's to plan, the date is
 * not past. Today may be planned again (what is under way stays where it is).
 */
export async function createJob(
  deps: { db: Db; now: () => Date },
  p: Principal,
  input: CreateJobInput,
): Promise<JobRow> {
  const now = deps.now();
  await assertMunicipality(deps.db, input.municipality, 'path.municipality');
  const today = todayLocal(now);
  if (input.date < today) {
    throw new AppError(400, 'validation_failed', 'The date is in the past', [
      { field: 'path.date', message: `must be today (${today}) or later` },
    ]);
  }
  const last = new Date(now.getTime() + MAX_DAYS_AHEAD * 86_400_000);
  if (input.date > todayLocal(last)) {
    throw new AppError(400, 'validation_failed', 'The date is too far ahead', [
      { field: 'path.date', message: `at most ${MAX_DAYS_AHEAD} days ahead` },
    ]);
  }
  if (input.team) {
    const [team] = await deps.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.id, input.team), eq(teams.municipalityCode, input.municipality)));
    if (!team) {
      throw new AppError(404, 'not_found', 'Unknown team', [
        { field: 'body.team', message: `no such team in municipality ${input.municipality}` },
      ]);
    }
  }
  // A user scoped to teams plans only those.
  if (p.role !== 'admin' && p.teams.length > 0 && !(input.team && p.teams.includes(input.team))) {
    throw new AppError(403, 'forbidden', 'You plan only your own teams', [
      { field: 'body.team', message: `one of ${p.teams.join(', ')}` },
    ]);
  }
  return enqueueJob(
    deps.db,
    {
      municipalityCode: input.municipality,
      serviceDate: input.date,
      teamId: input.team ?? null,
      requestedBy: { userId: p.userId, username: p.username },
      budgetSeconds: input.budgetSeconds,
      seed: 1,
    },
    now,
  );
}
