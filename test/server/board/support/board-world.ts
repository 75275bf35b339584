import { randomUUID } from 'node:crypto';
import type { Db } from '../../../../db/client.ts';
import {
  assignments,
  patients,
  staff,
  teams,
  visitActuals,
  visits,
} from '../../../../db/schema/index.ts';
import { IDS, insertFixture } from '../../../support/fixtures.ts';

/**
 * The board's hand-built world on top of the shared fixture (Stockholm 0180, Team Söder with
 * the RN and the AN; Solna 0184): two more caregivers in Team Söder (AN2, RN Night) and a
 * second team, Team Norr, with one RN. All dates are in November 2026, Stockholm at UTC+1,
 * so a local time 'HH:MM' is written with '+01:00'.
 */
export const B = {
  ...IDS,
  an2: '30000000-0000-4000-8000-000000000001',
  rnNight: '30000000-0000-4000-8000-000000000002',
  teamNorr: '30000000-0000-4000-8000-000000000003',
  rnNorr: '30000000-0000-4000-8000-000000000004',
};

export async function insertBoardWorld(db: Db): Promise<void> {
  await insertFixture(db);
  await db
    .insert(teams)
    .values({ id: B.teamNorr, municipalityCode: '0180', baseId: IDS.base, name: 'Team Norr' });
  const person = (
    id: string,
    hsa: string,
    name: string,
    profession: 'rn' | 'an',
    teamId: string,
  ) => ({
    id,
    hsaId: `SE2120001234-${hsa}`,
    name,
    profession,
    municipalityCode: '0180',
    teamId,
    travelMode: 'car' as const,
  });
  await db
    .insert(staff)
    .values([
      person(B.an2, 'AN02', 'Cecilia Ek', 'an', IDS.team),
      person(B.rnNight, 'RN09', 'Nils Natt', 'rn', IDS.team),
      person(B.rnNorr, 'RN20', 'Nora Norr', 'rn', B.teamNorr),
    ]);
}

export async function addPatient(
  db: Db,
  name: string,
  contactStaffId: string | null = null,
  municipalityCode = '0180',
  careSetting: 'ordinary_home' | 'hvb_home' | 'asylum_housing' = 'ordinary_home',
): Promise<string> {
  const id = randomUUID();
  await db.insert(patients).values({
    id,
    municipalityCode,
    name,
    address: 'Boardgatan 1',
    lat: 59.32,
    lon: 18.06,
    contactStaffId,
    careSetting: careSetting as never,
  });
  return id;
}

/** Local Stockholm time in November 2026 (UTC+1) as an instant. */
export const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+01:00`);

/** Local dates from `first`, `n` days (all in November). */
export const days = (first: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(`${first}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });

export interface VisitSpec {
  patientId: string;
  date: string;
  /** Window start, local; the window is `windowMinutes` long (default 60). */
  from: string;
  windowMinutes?: number;
  staffIds?: string[];
  status?: 'unassigned' | 'assigned' | 'in_progress' | 'done' | 'cancelled' | 'no_access';
  priority?: 'urgent1' | 'urgent2' | 'planned';
  source?: 'plan' | 'urgent_call' | 'single' | 'discharge';
  staffCount?: 1 | 2;
  durationMinutes?: number;
  createdAt?: Date;
  municipalityCode?: string;
  /** Reported times, local 'HH:MM' on the visit's date (a row in visit_actuals when any). */
  enRoute?: string;
  started?: string;
  finished?: string;
}

/** One visit with its caregivers (planned at the window start) and its reported times. */
export async function addVisit(db: Db, v: VisitSpec): Promise<string> {
  const id = randomUUID();
  const start = at(v.date, v.from);
  const status = v.status ?? (v.staffIds?.length ? 'done' : 'unassigned');
  await db.insert(visits).values({
    id,
    municipalityCode: v.municipalityCode ?? '0180',
    patientId: v.patientId,
    windowStart: start,
    windowEnd: new Date(start.getTime() + (v.windowMinutes ?? 60) * 60_000),
    durationMinutes: v.durationMinutes ?? 30,
    taskTypes: ['personal_care'],
    requiredProfession: 'an',
    staffCount: v.staffCount ?? 1,
    priority: v.priority ?? 'planned',
    source: v.source ?? 'plan',
    status,
    ...(v.createdAt ? { createdAt: v.createdAt } : {}),
  });
  if (v.staffIds?.length)
    await db.insert(assignments).values(
      v.staffIds.map((staffId, i) => ({
        visitId: id,
        staffId,
        plannedStart: start,
        routeOrder: i,
      })),
    );
  if (v.enRoute || v.started || v.finished)
    await db.insert(visitActuals).values({
      visitId: id,
      municipalityCode: v.municipalityCode ?? '0180',
      staffId: v.staffIds?.[0] ?? null,
      enRouteAt: v.enRoute ? at(v.date, v.enRoute) : null,
      startedAt: v.started ? at(v.date, v.started) : null,
      finishedAt: v.finished ? at(v.date, v.finished) : null,
      outcome: ['done', 'cancelled', 'no_access'].includes(status) ? (status as never) : null,
    });
  return id;
}
