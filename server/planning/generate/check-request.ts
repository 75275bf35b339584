import { DateTime } from 'luxon';
import type { Db } from '../../../db/client.ts';
import { ZONE, todayLocal } from '../../domain/stockholm-time.ts';
import { AppError } from '../../http/errors.ts';
import { assertMunicipality } from '../../municipalities/queries.ts';
import type { DayScope } from './day-scope.ts';
import { teamOf } from './day-scope.ts';

/** How far ahead a day may be generated: care plans change; a year is plenty. */
export const MAX_DAYS_AHEAD = 366;

/** Where the request names each part of the scope, for the error's `field`. */
export interface ScopeFields {
  municipality: string;
  date: string;
  team: string;
}

const invalid = (field: string, message: string) =>
  new AppError(400, 'validation_failed', 'The request is not valid', [{ field, message }]);

/**
 * Refuses, before anything is written, a scope that cannot be generated: an unknown
 * municipality or a team not in it (404), a date that is no calendar day, already past by
 * the app's clock, or more than MAX_DAYS_AHEAD days ahead (400). Today is allowed: its
 * visits already taken are never touched.
 */
export async function checkScope(
  db: Db,
  scope: DayScope,
  now: Date,
  fields: ScopeFields,
): Promise<void> {
  const day = DateTime.fromISO(scope.date, { zone: ZONE });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(scope.date) || !day.isValid) {
    throw invalid(fields.date, 'must be a calendar day YYYY-MM-DD');
  }
  const today = todayLocal(now);
  if (scope.date < today) {
    throw invalid(fields.date, `is in the past: today is ${today} in Stockholm`);
  }
  const last = DateTime.fromISO(today, { zone: ZONE }).plus({ days: MAX_DAYS_AHEAD }).toISODate()!;
  if (scope.date > last) {
    throw invalid(fields.date, `is more than ${MAX_DAYS_AHEAD} days ahead (last day ${last})`);
  }
  await assertMunicipality(db, scope.municipality, fields.municipality);
  if (scope.team !== null && !(await teamOf(db, scope.municipality, scope.team))) {
    throw new AppError(404, 'not_found', 'Team not found in this municipality', [
      {
        field: fields.team,
        message: `no team ${scope.team} in municipality ${scope.municipality}`,
      },
    ]);
  }
}
