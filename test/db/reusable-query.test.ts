import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../../db/client.ts';
import { reusableQuery, reusableSql } from '../../db/reusable-query.ts';
import { visits } from '../../db/schema/index.ts';
import { dbKinds, freshDatabase } from '../support/databases.ts';
import { IDS, insertFixture } from '../support/fixtures.ts';

const byId = reusableQuery<(typeof visits.$inferSelect)[]>('test_visit_by_id', (db) =>
  db
    .select()
    .from(visits)
    .where(eq(visits.id, sql.placeholder('id'))),
);
const setDuration = reusableQuery<{ id: string; durationMinutes: number }[]>(
  'test_visit_duration',
  (db) =>
    db
      .update(visits)
      .set({ durationMinutes: sql`${sql.placeholder('minutes')}` })
      .where(eq(visits.id, sql.placeholder('id')))
      .returning({ id: visits.id, durationMinutes: visits.durationMinutes }),
);

const durationSql = reusableSql(
  'test_visit_duration_raw',
  sql`select duration_minutes as minutes from visits where id = ${sql.placeholder('id')}`,
);

describe.each(dbKinds())('reusableQuery on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
  });
  afterAll(async () => database.close());

  it('maps rows as Drizzle does: field names, timestamps as Dates', async () => {
    const [row] = await byId(database.db, { id: IDS.visitMorning });
    const [plain] = await database.db.select().from(visits).where(eq(visits.id, IDS.visitMorning));
    expect(row).toEqual(plain);
    expect(row.windowStart).toBeInstanceOf(Date);
    expect(await byId(database.db, { id: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
  });

  it('runs inside the transaction it is given, and its writes go with it', async () => {
    const before = (await byId(database.db, { id: IDS.visitMorning }))[0].durationMinutes;
    await expect(
      database.db.transaction(async (tx) => {
        const [changed] = await setDuration(tx, { id: IDS.visitMorning, minutes: before + 7 });
        expect(changed).toEqual({ id: IDS.visitMorning, durationMinutes: before + 7 });
        // Read in the transaction: its own write; the same query, run again, built once.
        expect((await byId(tx, { id: IDS.visitMorning }))[0].durationMinutes).toBe(before + 7);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await byId(database.db, { id: IDS.visitMorning }))[0].durationMinutes).toBe(before);
  });

  it('runs a raw statement the same way: rows as the driver gives them', async () => {
    const minutes = async (on: Parameters<typeof durationSql>[0]) =>
      rowsOf<{ minutes: number }>(await durationSql(on, { id: IDS.visitMorning }))[0].minutes;
    const before = await minutes(database.db);
    await database.db.transaction(async (tx) => {
      await setDuration(tx, { id: IDS.visitMorning, minutes: before + 1 });
      expect(await minutes(tx)).toBe(before + 1);
    });
    expect(await minutes(database.db)).toBe(before + 1);
  });
});
