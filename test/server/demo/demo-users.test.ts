import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { staff, users } from '../../../db/schema/index.ts';
import { seedDemoUsers } from '../../../server/demo/demo-users.ts';
import { seedDemoData } from '../../../db/seed/seed.ts';
import { verifyPassword } from '../../../server/auth/password.ts';
import { freshDatabase } from '../../support/databases.ts';

// Demo users exist only on the embedded database, so PGlite is enough here.
describe('demo users', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await seedDemoData(database.db, {
      seed: 1,
      scale: 0.01,
      today: '2026-11-23',
      municipalities: ['0180'],
    });
  });
  afterAll(async () => database.close());

  it('creates one user per role for the seeded demo municipalities, once', async () => {
    const list = await seedDemoUsers(database.db);
    expect(list.map((u) => u.username)).toEqual([
      'admin',
      'dispatcher-0180',
      'scheduler-0180',
      'manager-0180',
      'caregiver-0180',
    ]);
    const [caregiver] = await database.db
      .select()
      .from(users)
      .where(eq(users.username, 'caregiver-0180'));
    const [nurse] = await database.db.select().from(staff).where(eq(staff.id, caregiver.staffId!));
    expect(nurse).toMatchObject({ municipalityCode: '0180', profession: 'rn' });
    expect(await verifyPassword('demo-caregiver-0180', caregiver.passwordHash)).toBe(true);
    await seedDemoUsers(database.db);
    expect((await database.db.select({ n: count() }).from(users))[0].n).toBe(5);
  });
});
