import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { delegations, shifts, staff, visits } from '../../../db/schema/index.ts';
import { isDatabaseEmpty, resetDatabase, seedDemoData } from '../../../db/seed/seed.ts';
import { freshDatabase } from '../../support/databases.ts';

const OPTIONS = { seed: 5, scale: 0.05, today: '2027-03-27', municipalities: ['0183', '0192'] };
const hasPg = inject('pgUrl') !== null;

// A PostgreSQL database and a PGlite one: the same options must give the same rows on both.
let pg: Database | undefined;
let lite: Database | undefined;

beforeAll(async () => {
  if (!hasPg) return;
  [pg, lite] = await Promise.all([freshDatabase('postgres'), freshDatabase('pglite')]);
  await seedDemoData(pg.db, OPTIONS);
  await seedDemoData(lite.db, OPTIONS);
}, 60_000);

afterAll(async () => {
  await pg?.close();
  await lite?.close();
});

describe.skipIf(!hasPg)('seeding a real PostgreSQL', () => {
  it('passes its constraints and gives the same rows as PGlite', async () => {
    for (const table of [staff, visits, shifts, delegations]) {
      const a = await pg!.db.select().from(table).orderBy(asc(table.id));
      const b = await lite!.db.select().from(table).orderBy(asc(table.id));
      expect(a.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    }
  });

  it('resets to empty', async () => {
    expect(await isDatabaseEmpty(pg!.db)).toBe(false);
    await resetDatabase(pg!.db);
    expect(await isDatabaseEmpty(pg!.db)).toBe(true);
  });
});
