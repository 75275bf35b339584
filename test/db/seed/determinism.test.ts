import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { migrateDatabase } from '../../../db/migrate.ts';
import { municipalityByCode } from '../../../db/reference/municipalities.ts';
import {
  carePlans,
  delegations,
  patients,
  shifts,
  staff,
  visits,
} from '../../../db/schema/index.ts';
import { generateMunicipality } from '../../../db/seed/generate.ts';
import { seedDemoData } from '../../../db/seed/seed.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const OPTIONS = {
  seed: 42,
  scale: 0.05,
  today: '2026-11-23',
  municipalities: ['0180', '0184', '0188'],
};

// Two databases are the point of this file: the same options must give identical rows.
let a: Database;
let b: Database;

beforeAll(async () => {
  [a, b] = await Promise.all([
    openDatabase({ kind: 'pglite', dataDir: null }),
    openDatabase({ kind: 'pglite', dataDir: null }),
  ]);
  await migrateDatabase(a);
  await migrateDatabase(b);
  await seedDemoData(a.db, OPTIONS);
  await seedDemoData(b.db, OPTIONS);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('determinism', () => {
  it('gives identical rows for the same options, ids included', async () => {
    for (const table of [staff, patients, carePlans, visits, shifts, delegations]) {
      const rowsA = await a.db.select().from(table).orderBy(asc(table.id));
      const rowsB = await b.db.select().from(table).orderBy(asc(table.id));
      expect(rowsA.length).toBeGreaterThan(0);
      expect(rowsB).toEqual(rowsA);
    }
  });

  it('makes valid version-4 uuids', async () => {
    const rows = await a.db.select({ id: visits.id, patientId: visits.patientId }).from(visits);
    for (const r of rows) expect(r.id).toMatch(UUID_V4);
    const s = await a.db.select({ id: staff.id }).from(staff);
    for (const r of s) expect(r.id).toMatch(UUID_V4);
  });

  it('gives different rows for a different seed', () => {
    const ref = municipalityByCode('0184')!;
    const one = generateMunicipality(ref, { seed: 1, scale: 0.05, today: '2026-11-23' });
    const two = generateMunicipality(ref, { seed: 2, scale: 0.05, today: '2026-11-23' });
    expect(two.patients.map((p) => p.id)).not.toEqual(one.patients.map((p) => p.id));
    expect(two.patients.map((p) => p.name)).not.toEqual(one.patients.map((p) => p.name));
    expect(two.staff.map((s) => s.hsaId)).not.toEqual(one.staff.map((s) => s.hsaId));
  });

  it("does not let one municipality's rows depend on which others are seeded", () => {
    const ref = municipalityByCode('0184')!;
    const alone = generateMunicipality(ref, { seed: 42, scale: 0.05, today: '2026-11-23' });
    return a.db
      .select({ id: patients.id, name: patients.name, code: patients.municipalityCode })
      .from(patients)
      .then((rows) => {
        const solna = rows
          .filter((r) => r.code === '0184')
          .map((r) => r.id)
          .sort();
        expect(solna).toEqual(alone.patients.map((p) => p.id!).sort());
      });
  });
});
