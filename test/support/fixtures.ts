import type { Db } from '../../db/client.ts';
import { bases, municipalities, patients, staff, teams, visits } from '../../db/schema/index.ts';

/** A small hand-checkable world: two municipalities, one team, two caregivers, two patients, three visits. */
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
};

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
  await db.insert(bases).values({
    id: IDS.base,
    municipalityCode: '0180',
    name: 'Bas Söder',
    address: 'Testgatan 1',
    lat: 59.31,
    lon: 18.07,
  });
  await db
    .insert(teams)
    .values({ id: IDS.team, municipalityCode: '0180', baseId: IDS.base, name: 'Team Söder' });
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
  ]);
}
