import type { Db } from '../../db/client.ts';
import {
  assignments,
  bases,
  municipalities,
  patients,
  staff,
  teams,
  visits,
} from '../../db/schema/index.ts';

/**
 * A small hand-checkable world: Stockholm (0180) with one team, two caregivers, one patient and
 * three visits (the evening one assigned to the RN); Solna (0184), the "foreign" municipality of
 * the access tests, with one team, one RN, one patient and one assigned visit.
 */
export const IDS = {
  base: '10000000-0000-4000-8000-000000000001',
  team: '10000000-0000-4000-8000-000000000002',
  rn: '10000000-0000-4000-8000-000000000003',
  an: '10000000-0000-4000-8000-000000000004',
  patient: '10000000-0000-4000-8000-000000000005',
  patientSolna: '10000000-0000-4000-8000-000000000006',
  visitMorning: '10000000-0000-4000-8000-000000000007',
  visitEvening: '10000000-0000-4000-8000-000000000008',
  visitTomorrow: '10000000-0000-4000-8000-000000000009',
  baseSolna: '10000000-0000-4000-8000-000000000010',
  teamSolna: '10000000-0000-4000-8000-000000000011',
  rnSolna: '10000000-0000-4000-8000-000000000012',
  visitSolna: '10000000-0000-4000-8000-000000000013',
  /** A Stockholm patient on nobody's route: a caregiver must not see them. */
  patientUnrouted: '10000000-0000-4000-8000-000000000014',
};

/** Sensitive strings of the fixture that must never appear in a log line. */
export const SENSITIVE = [
  'portkod 1234',
  'nyckelgömma 4711',
  'Test Patient',
  'Exempelvägen 2',
  'Solna Patient',
  'Provgatan 3',
];

/** What a user scoped to Stockholm must never receive (without emergency access). */
export const FOREIGN_PATIENT_DATA = ['Solna Patient', 'Provgatan 3', 'nyckelgömma 4711'];

export async function insertFixture(db: Db): Promise<void> {
  await db
    .insert(municipalities)
    .values([
      {
        code: '0180',
        name: 'Stockholm',
        lat: 59.3326,
        lon: 18.0649,
        population: 984748,
        areaKm2: 187.16,
      },
      {
        code: '0184',
        name: 'Solna',
        lat: 59.3604,
        lon: 18.0009,
        population: 85000,
        areaKm2: 19.36,
      },
    ])
    .onConflictDoNothing();
  await db.insert(bases).values([
    {
      id: IDS.base,
      municipalityCode: '0180',
      name: 'Bas Söder',
      address: 'Testgatan 1',
      lat: 59.31,
      lon: 18.07,
    },
    {
      id: IDS.baseSolna,
      municipalityCode: '0184',
      name: 'Bas Solna',
      address: 'Basvägen 9',
      lat: 59.36,
      lon: 18.0,
    },
  ]);
  await db.insert(teams).values([
    { id: IDS.team, municipalityCode: '0180', baseId: IDS.base, name: 'Team Söder' },
    { id: IDS.teamSolna, municipalityCode: '0184', baseId: IDS.baseSolna, name: 'Team Solna' },
  ]);
  await db.insert(staff).values([
    {
      id: IDS.rn,
      hsaId: 'SE2120001234-RN01',
      name: 'Anna Andersson',
      profession: 'rn',
      municipalityCode: '0180',
      teamId: IDS.team,
      travelMode: 'car',
    },
    {
      id: IDS.an,
      hsaId: 'SE2120001234-AN01',
      name: 'Bo Berg',
      profession: 'an',
      municipalityCode: '0180',
      teamId: IDS.team,
      travelMode: 'bike',
    },
    {
      id: IDS.rnSolna,
      hsaId: 'SE2120005678-RN01',
      name: 'Cilla Carlsson',
      profession: 'rn',
      municipalityCode: '0184',
      teamId: IDS.teamSolna,
      travelMode: 'car',
    },
  ]);
  await db.insert(patients).values([
    {
      id: IDS.patient,
      municipalityCode: '0180',
      name: 'Test Patient',
      address: 'Exempelvägen 2',
      lat: 59.315,
      lon: 18.072,
      contactStaffId: IDS.an,
      notes: 'portkod 1234',
    },
    {
      id: IDS.patientSolna,
      municipalityCode: '0184',
      name: 'Solna Patient',
      address: 'Provgatan 3',
      lat: 59.36,
      lon: 18.0,
      notes: 'nyckelgömma 4711',
    },
    {
      id: IDS.patientUnrouted,
      municipalityCode: '0180',
      name: 'Utan Rutt',
      address: 'Sidogatan 5',
      lat: 59.32,
      lon: 18.06,
    },
  ]);
  const visit = (id: string, start: string, end: string) => ({
    id,
    municipalityCode: '0180',
    patientId: IDS.patient,
    windowStart: new Date(start),
    windowEnd: new Date(end),
    durationMinutes: 20,
    taskTypes: ['insulin_pen' as const],
    requiredProfession: 'rn' as const,
  });
  await db.insert(visits).values([
    // 07:30 and 20:00 Stockholm time on 2026-11-23 (UTC+1), and 07:30 the day after.
    visit(IDS.visitMorning, '2026-11-23T06:30:00Z', '2026-11-23T07:30:00Z'),
    {
      ...visit(IDS.visitEvening, '2026-11-23T19:00:00Z', '2026-11-23T20:00:00Z'),
      status: 'assigned' as const,
    },
    visit(IDS.visitTomorrow, '2026-11-24T06:30:00Z', '2026-11-24T07:30:00Z'),
    {
      ...visit(IDS.visitSolna, '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z'),
      municipalityCode: '0184',
      patientId: IDS.patientSolna,
      status: 'assigned' as const,
    },
  ]);
  await db.insert(assignments).values([
    {
      visitId: IDS.visitEvening,
      staffId: IDS.rn,
      plannedStart: new Date('2026-11-23T19:15:00Z'),
      routeOrder: 1,
    },
    {
      visitId: IDS.visitSolna,
      staffId: IDS.rnSolna,
      plannedStart: new Date('2026-11-23T09:15:00Z'),
      routeOrder: 1,
    },
  ]);
}
