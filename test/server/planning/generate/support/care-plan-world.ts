import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../../../db/client.ts';
import {
  bases,
  carePlans,
  events,
  patients,
  staff,
  teams,
  visits,
} from '../../../../../db/schema/index.ts';
import { IDS, insertFixture } from '../../../../support/fixtures.ts';

/**
 * The shared fixture (Stockholm: Team Söder, the patient whose contact caregiver is its AN,
 * a patient with no contact caregiver; Solna) plus a second Stockholm team, Team Norr, with
 * one AN and one patient, and four care plans, hand-worked on the clock-change nights of 2026
 * (forward at 02:00 on Sunday 29 March, back at 03:00 on Sunday 25 October):
 * - morning: Mon/Wed/Fri 07:30-08:30 personal care (the patient, Team Söder);
 * - night: every day 02:30-03:10 insulin, a window inside the hour the clocks change;
 * - lift: every day 09:00-10:00, two caregivers (Norr's patient);
 * - once: a single visit on Monday 30 March 10:00-12:00 (the patient without a contact).
 */
export const P = {
  ...IDS,
  baseNorr: '40000000-0000-4000-8000-000000000001',
  teamNorr: '40000000-0000-4000-8000-000000000002',
  anNorr: '40000000-0000-4000-8000-000000000003',
  patientNorr: '40000000-0000-4000-8000-000000000004',
  morning: '40000000-0000-4000-8000-000000000011',
  night: '40000000-0000-4000-8000-000000000012',
  lift: '40000000-0000-4000-8000-000000000013',
  once: '40000000-0000-4000-8000-000000000014',
  /** Friday 20 March 2026, 13:00 Stockholm: the scheduler prepares the days after. */
  now: new Date('2026-03-20T12:00:00Z'),
};

export async function insertCarePlanWorld(db: Db): Promise<void> {
  await insertFixture(db);
  await db.insert(bases).values({
    id: P.baseNorr,
    municipalityCode: '0180',
    name: 'Bas Norr',
    address: 'Norrgatan 1',
    lat: 59.35,
    lon: 18.05,
  });
  await db
    .insert(teams)
    .values({ id: P.teamNorr, municipalityCode: '0180', baseId: P.baseNorr, name: 'Team Norr' });
  await db.insert(staff).values({
    id: P.anNorr,
    hsaId: 'SE2120001234-AN77',
    name: 'Nora Norr',
    profession: 'an',
    municipalityCode: '0180',
    teamId: P.teamNorr,
    travelMode: 'bike',
  });
  await db.insert(patients).values({
    id: P.patientNorr,
    municipalityCode: '0180',
    name: 'Norr Patient',
    address: 'Norrgatan 9',
    lat: 59.35,
    lon: 18.04,
    contactStaffId: P.anNorr,
  });
  await db.insert(carePlans).values([
    {
      id: P.morning,
      patientId: P.patient,
      taskTypes: ['personal_care'],
      requiredProfession: 'an',
      durationMinutes: 30,
      windowStart: '07:30',
      windowEnd: '08:30',
      daysOfWeek: [1, 3, 5],
      validFrom: '2026-03-01',
    },
    {
      id: P.night,
      patientId: P.patient,
      taskTypes: ['insulin_pen'],
      requiredProfession: 'rn',
      durationMinutes: 10,
      windowStart: '02:30',
      windowEnd: '03:10',
      windowHard: true,
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      validFrom: '2026-03-01',
    },
    {
      id: P.lift,
      patientId: P.patientNorr,
      taskTypes: ['lift_assist', 'personal_care'],
      requiredProfession: 'an',
      durationMinutes: 45,
      windowStart: '09:00',
      windowEnd: '10:00',
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      staffCount: 2,
      validFrom: '2026-03-01',
    },
    {
      id: P.once,
      patientId: P.patientUnrouted,
      taskTypes: ['sampling'],
      requiredProfession: 'rn',
      durationMinutes: 15,
      windowStart: '10:00',
      windowEnd: '12:00',
      daysOfWeek: [],
      validFrom: '2026-03-30',
      validTo: '2026-03-30',
    },
  ]);
}

/** The plan-made visits of the municipality, by window start then plan. */
export async function planVisits(db: Db) {
  const rows = await db.select().from(visits).orderBy(asc(visits.windowStart), asc(visits.id));
  return rows.filter((v) => v.carePlanId !== null);
}

/** Event types of the municipality after `seq`, in order. */
export async function eventTypes(db: Db, afterSeq = 0): Promise<string[]> {
  const rows = await db
    .select({ seq: events.seq, type: events.type })
    .from(events)
    .where(eq(events.municipalityCode, '0180'))
    .orderBy(asc(events.seq));
  return rows.filter((r) => r.seq > afterSeq).map((r) => r.type);
}

export async function lastSeq(db: Db): Promise<number> {
  const rows = await db
    .select({ seq: events.seq })
    .from(events)
    .where(eq(events.municipalityCode, '0180'));
  return Math.max(0, ...rows.map((r) => r.seq));
}
